// The card-number scrubber at the door: before a message is stored, every card number in its headers and in
// every text part (plain, HTML, text attachments, at any depth, in any transfer encoding) is masked to its
// last four digits. The masked message is what is stored; the original bytes are never kept.
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mailsplit from '@zone-eu/mailsplit';
import type { MimeNode, RewriterNode, SplitterChunk } from '@zone-eu/mailsplit';
import libmime from 'libmime';
import { MAX_MIME_PARTS } from '../../domain/limits.ts';
import { maskCardNumbers } from '../../domain/validation/mask-card-numbers.ts';

/**
 * Identifiers, not text anyone typed: masking them would break threading and duplicate detection, and a
 * relay's numeric Message-ID that happens to pass Luhn is not a card.
 */
const ID_HEADERS = new Set(['message-id', 'in-reply-to', 'references', 'resent-message-id', 'content-id']);

export interface ScrubbedMessage {
  raw: Buffer;
  /** Card numbers masked; 0 (and no `bodyDropped`) means `raw` is the input, byte for byte. */
  masked: number;
  /** The body was replaced by a note: its structure was over the limits (MAX_MIME_PARTS). */
  bodyDropped?: true;
}

export async function scrubRawMessage(raw: Buffer): Promise<ScrubbedMessage> {
  try {
    return await scrubParts(raw);
  } catch {
    // The splitter refused the structure (more than MAX_MIME_PARTS parts, nesting, a head over 1 MB). Storing it
    // unmasked is not an option and refusing it would stop the mailbox at this message on every round: the
    // message is kept with its headers only, masked, and a note in place of its body.
    return withoutBody(raw);
  }
}

async function scrubParts(raw: Buffer): Promise<ScrubbedMessage> {
  let masked = 0;
  const splitter = new mailsplit.Splitter({ maxChildNodes: MAX_MIME_PARTS });
  const headers = new Transform({
    objectMode: true,
    transform(chunk: SplitterChunk, _encoding: BufferEncoding, done: TransformCallback) {
      if (chunk.type === 'node') masked += scrubHeaders(chunk);
      done(null, chunk);
    },
  });
  const rewriter = new mailsplit.Rewriter((node: MimeNode) => !node.multipart && /^text\//i.test(node.contentType || ''));
  rewriter.on('node', (data: RewriterNode) => {
    // A whole part at once: a number may straddle the decoder's chunks. Parts are bounded by MAX_MESSAGE_BYTES.
    const parts: Buffer[] = [];
    data.decoder.on('data', (part: Buffer) => parts.push(part));
    data.decoder.on('end', () => {
      // Digits, spaces and dashes are the same bytes in every ASCII-compatible charset (UTF-8, windows-1251,
      // koi8-r), and UTF-8 never uses those bytes inside a multi-byte letter: masking a latin1 view of the
      // bytes needs no charset conversion and leaves every other byte as it was.
      const result = maskCardNumbers(Buffer.concat(parts).toString('latin1'));
      masked += result.count;
      data.encoder.end(Buffer.from(result.text, 'latin1'));
    });
  });
  const joiner = new mailsplit.Joiner();
  const out: Buffer[] = [];
  await pipeline(
    async function* () {
      yield raw;
    },
    splitter,
    headers,
    rewriter,
    joiner,
    async function (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) out.push(chunk);
    },
  );
  // The rewriter re-encodes every text part it touches; when nothing was masked the original bytes are kept.
  return masked === 0 ? { raw, masked } : { raw: Buffer.concat(out), masked };
}

/** Headers that describe the body that is dropped. */
const BODY_HEADERS = /^(content-[\w-]+|mime-version):/i;

/** The message's own headers, each masked, over a short text body saying what happened to the original. */
function withoutBody(raw: Buffer): ScrubbedMessage {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? text : text.slice(0, end);
  // Unfolded into whole header lines (a line starting with white space continues the one before).
  const lines = head.split(/\r?\n(?![ \t])/).filter((line) => line.includes(':') && !BODY_HEADERS.test(line));
  let masked = 0;
  const kept = lines.map((line) => {
    const scrubbed = ID_HEADERS.has(line.slice(0, line.indexOf(':')).trim().toLowerCase()) ? undefined : scrubHeaderLine(line);
    if (scrubbed !== undefined) masked++;
    return scrubbed ?? line;
  });
  const note = 'The body of this message was not kept: its MIME structure is beyond what we read.';
  const rebuilt = [...kept, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 7bit', '', note, ''].join('\r\n');
  return { raw: Buffer.from(rebuilt, 'latin1'), masked, bodyDropped: true };
}

function scrubHeaders(node: MimeNode): number {
  const headers = node.headers;
  if (!headers) return 0;
  let count = 0;
  for (const header of headers.getList()) {
    if (ID_HEADERS.has(header.key)) continue;
    const line = scrubHeaderLine(header.line);
    if (line === undefined) continue;
    header.line = line;
    headers.changed = true;
    count += 1;
  }
  return count;
}

/**
 * Parameters that hold the message's structure, not text anyone typed. A multipart boundary is often a long run of
 * random digits (Python's e-mail package writes 19 of them) that passes the Luhn check now and then; masking it
 * would cut every part after it off the message, attachments and all.
 */
const STRUCTURAL_PARAMS = new Set(['boundary']);

/**
 * Content-Type and Content-Disposition carry the file name as a parameter, often RFC 2231-encoded
 * (`filename*0*=utf-8''%D0%BA…%206011%201111…`): decoded, masked and built again as a structured value.
 */
function scrubStructured(key: string, value: string, utf8: boolean): string | undefined {
  const parsed = libmime.parseHeaderValue(value);
  let count = 0;
  const mask = (text: string) => {
    const result = maskCardNumbers(text);
    count += result.count;
    return result.text;
  };
  const params = Object.fromEntries(
    Object.entries(parsed.params).map(([name, param]) => [name, STRUCTURAL_PARAMS.has(name.toLowerCase()) ? param : mask(libmime.decodeWords(param))]),
  );
  const main = mask(parsed.value);
  if (count === 0) return undefined;
  const folded = libmime.foldLines(`${key}: ${libmime.buildHeaderValue({ value: main, params })}`, 76, false).replace(/\r?\n$/, '');
  return utf8 ? Buffer.from(folded, 'utf8').toString('latin1') : folded;
}

/** A header line (as mailsplit holds it: raw bytes in a latin1 string, folded) masked, or undefined if it held no card number. */
function scrubHeaderLine(binaryLine: string): string | undefined {
  const asUtf8 = Buffer.from(binaryLine, 'latin1').toString('utf8');
  const utf8 = !asUtf8.includes('\uFFFD');
  const line = utf8 ? asUtf8 : binaryLine;
  const colon = line.indexOf(':');
  if (colon < 0) return undefined;
  const key = line.slice(0, colon);
  const value = line.slice(colon + 1).replace(/\r?\n(?=[ \t])/g, '').trim();
  if (/^content-(type|disposition)$/i.test(key.trim())) return scrubStructured(key, value, utf8);
  // Encoded words hide digits (`=?UTF-8?B?…?=`); a value without them is masked as it stands.
  const encoded = /=\?[^?]+\?[bBqQ]\?/.test(value);
  const result = maskCardNumbers(encoded ? libmime.decodeWords(value) : value);
  if (result.count === 0) return undefined;
  const text = encoded ? libmime.encodeWords(result.text, 'Q', 52) : result.text;
  const folded = libmime.foldLines(`${key}: ${text}`, 76, false).replace(/\r?\n$/, '');
  return utf8 ? Buffer.from(folded, 'utf8').toString('latin1') : folded;
}
