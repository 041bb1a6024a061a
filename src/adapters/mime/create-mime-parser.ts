// MimeParser on mailparser: MIME, charsets (windows-1251, koi8-r) and RFC 2047/2231 names are the library's
// job; this adapter shapes the result into a MailMessage and applies our limits on untrusted input.
import type { AddressObject, HeaderValue } from 'mailparser';
import type { Address, MailAttachment, MailMessage } from '../../domain/mail-message.ts';
import type { MimeParser } from '../../domain/ports/mime-parser.ts';
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_MESSAGE_BYTES } from '../../domain/limits.ts';
import { attachmentName } from './attachment-name.ts';
import { collectHeaders } from './collect-headers.ts';
import { decodeTnef, isTnef, type TnefOutcome } from './decode-tnef.ts';
import { parseParts, type PartBudget, type RawPart } from './parse-parts.ts';
import { headersOnly } from '../../domain/header-block.ts';

/** A forward of a forward of a forward is still plausible; deeper nesting is a parser bomb. */
const MAX_FORWARD_DEPTH = 3;

/**
 * Attachments whose bytes we keep: enough past MAX_ATTACHMENTS_PER_MESSAGE that the caller sees the
 * message is over the limit, without holding thousands of parts. `stats.attachmentCount` has the real count.
 */
const KEPT_ATTACHMENTS = MAX_ATTACHMENTS_PER_MESSAGE * 2;

export interface MimeParseStats {
  rawBytes: number;
  /** Every attachment part seen, forwarded messages' parts included, even those not kept. */
  attachmentCount: number;
  /** Over MAX_MESSAGE_BYTES: only the header block was parsed; `text` is empty and there are no attachments. */
  oversize: boolean;
  /** Over KEPT_ATTACHMENTS: later attachments were counted but not kept. */
  attachmentsTruncated: boolean;
  /** The MIME structure was broken somewhere; what came before the break is returned. */
  broken: boolean;
}

/** A MailMessage plus what the parser saw; callers that only know the MimeParser port see a MailMessage. */
export type ParsedMailMessage = MailMessage & { stats: MimeParseStats };

function firstAddress(value: HeaderValue | undefined): Address | undefined {
  const objects = ([] as unknown[]).concat(value ?? []) as AddressObject[];
  for (const object of objects) {
    for (const entry of object?.value ?? []) {
      if (entry.address) return entry.name ? { address: entry.address, name: entry.name } : { address: entry.address };
    }
  }
  return undefined;
}

function allAddresses(value: HeaderValue | undefined): Address[] {
  const objects = ([] as unknown[]).concat(value ?? []) as AddressObject[];
  return objects.flatMap((object) =>
    (object?.value ?? []).flatMap((entry) => {
      const members = entry.group ?? [entry];
      return members
        .filter((member) => member.address)
        .map((member) => (member.name ? { address: member.address!, name: member.name } : { address: member.address! }));
    }),
  );
}

function asString(value: HeaderValue | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

function references(value: HeaderValue | undefined): string[] {
  const list = ([] as unknown[]).concat(value ?? []).filter((v): v is string => typeof v === 'string');
  return list.flatMap((v) => v.match(/<[^<>\s]+>/g) ?? (v.trim() ? [v.trim()] : []));
}

function contentType(value: HeaderValue | undefined): string {
  if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string') {
    return value.value.toLowerCase();
  }
  return 'text/plain';
}

export interface MimeParserDeps {
  decodeTnef: (content: Buffer) => Promise<TnefOutcome>;
}

async function parse(raw: Buffer, deps: MimeParserDeps): Promise<ParsedMailMessage> {
  const oversize = raw.length > MAX_MESSAGE_BYTES;
  const budget: PartBudget = { keep: KEPT_ATTACHMENTS, seen: 0 };
  // Over the limit we still read the headers: the sender deserves a "message too large" reply.
  const input = oversize ? headersOnly(raw) : raw;
  const top = await parseParts(input, budget);

  let text = top.text;
  let broken = top.broken;
  const parts: RawPart[] = [];
  const queue = top.parts.map((part) => ({ part, depth: 1 }));
  while (queue.length > 0) {
    const { part, depth } = queue.shift()!;
    if (part.contentType === 'message/rfc822' && depth <= MAX_FORWARD_DEPTH) {
      // A forwarded message: its documents are the customer's documents. Its own part was counted already.
      budget.seen -= 1;
      const inner = await parseParts(part.content, budget);
      broken ||= inner.broken;
      if (inner.text.trim()) text = `${text}\n\n${inner.text}`;
      queue.push(...inner.parts.map((p) => ({ part: p, depth: depth + 1 })));
      continue;
    }
    if (isTnef(part)) {
      // Outlook's winmail.dat: its files are the customer's documents. One that cannot be decoded stays as it
      // came (the document reader calls it unsupported), so the message is still handled, never crashed on.
      const decoded = await deps.decodeTnef(part.content);
      if (decoded.status === 'decoded') {
        budget.seen += decoded.files.length - 1;
        parts.push(...decoded.files.map((file) => ({ filename: file.filename || undefined, contentType: 'application/octet-stream', inline: false, content: file.content })));
        continue;
      }
    }
    parts.push(part);
  }

  const attachments: MailAttachment[] = parts.map((part, i) => ({
    filename: attachmentName(part.filename, part.contentType, i + 1),
    declaredType: part.contentType,
    content: part.content,
    inline: part.inline,
  }));

  const h = top.headers;
  const date = h.get('date');
  const message: ParsedMailMessage = {
    messageId: asString(h.get('message-id')),
    inReplyTo: references(h.get('in-reply-to'))[0],
    references: references(h.get('references')),
    from: firstAddress(h.get('from')),
    replyTo: firstAddress(h.get('reply-to')),
    to: allAddresses(h.get('to')),
    subject: asString(h.get('subject')) ?? '',
    date: date instanceof Date && !Number.isNaN(date.getTime()) ? date : undefined,
    headers: collectHeaders(h, top.headerLines),
    text,
    contentType: contentType(h.get('content-type')),
    attachments,
    ...(oversize ? { oversize } : {}),
    stats: {
      rawBytes: raw.length,
      attachmentCount: budget.seen,
      oversize,
      attachmentsTruncated: budget.seen > budget.keep,
      broken,
    },
  };
  return message;
}

/** The MimeParser port, with the parse statistics visible to callers that hold the adapter itself. */
export interface StatsMimeParser extends MimeParser {
  parse(raw: Buffer): Promise<ParsedMailMessage>;
}

export function createMimeParser(deps: MimeParserDeps = { decodeTnef }): StatsMimeParser {
  return { parse: (raw) => parse(raw, deps) };
}
