// What makes two deliveries "the same message": the headers its author's mail program wrote and the body, not
// what the relays on the way added. Every hop prepends a Received line (and some add DKIM/ARC signatures, spam
// scores, Delivered-To), so the same e-mail delivered twice, or by two routes, differs in its raw bytes; without a
// Message-ID that made two returns and two replies.
import { createHash } from 'node:crypto';

/** Headers an author's program writes. Everything else (Received, Return-Path, X-…) is the transport's. */
const AUTHOR_HEADERS = new Set([
  'from', 'sender', 'reply-to', 'to', 'cc', 'subject', 'date', 'message-id', 'in-reply-to', 'references',
  'mime-version', 'content-type', 'content-transfer-encoding', 'content-disposition', 'content-id', 'content-language',
]);

/** sha256 (hex) over the author's headers (names lower-cased, values unfolded) and the body (CRLF and LF alike). */
export function contentHash(raw: Buffer): string {
  const text = raw.toString('latin1');
  const end = /\r?\n\r?\n/.exec(text);
  const head = end ? text.slice(0, end.index) : text;
  const body = end ? text.slice(end.index + end[0].length) : '';
  const headers = head
    .split(/\r?\n(?![ \t])/)
    .map((line) => {
      const colon = line.indexOf(':');
      return colon < 0 ? null : { name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).replace(/\s+/g, ' ').trim() };
    })
    .filter((h): h is { name: string; value: string } => h !== null && AUTHOR_HEADERS.has(h.name))
    .map((h) => `${h.name}:${h.value}`);
  return createHash('sha256')
    .update(headers.join('\n'))
    .update('\n\n')
    .update(body.replace(/\r\n/g, '\n').replace(/[ \t\n]+$/, ''), 'latin1')
    .digest('hex');
}
