// What makes two deliveries "the same message": the headers its author's mail program wrote and the body, not
// what the relays on the way added. Every hop prepends a Received line (and some add DKIM/ARC signatures, spam
// scores, Delivered-To), so the same e-mail delivered twice, or by two routes, differs in its raw bytes; without a
// Message-ID that made two returns and two replies.
import { createHash, type Hash } from 'node:crypto';

/** Headers an author's program writes. Everything else (Received, Return-Path, X-…) is the transport's. */
const AUTHOR_HEADERS = new Set([
  'from', 'sender', 'reply-to', 'to', 'cc', 'subject', 'date', 'message-id', 'in-reply-to', 'references',
  'mime-version', 'content-type', 'content-transfer-encoding', 'content-disposition', 'content-id', 'content-language',
]);

/**
 * Bytes of body hashed between two turns of the event loop. Hashing a 24 MB message in one go held the worker's
 * loop (and /health, the UI) for 130–330 ms; a slice of this size takes a few milliseconds.
 */
export const HASH_SLICE_BYTES = 1024 * 1024;

/** sha256 (hex) over the author's headers (names lower-cased, values unfolded) and the body (CRLF and LF alike). */
export function contentHash(raw: Buffer): string {
  const text = raw.toString('latin1');
  const end = /\r?\n\r?\n/.exec(text);
  const head = end ? text.slice(0, end.index) : text;
  const body = end ? text.slice(end.index + end[0].length) : '';
  return createHash('sha256')
    .update(authorHeaders(head))
    .update('\n\n')
    .update(body.replace(/\r\n/g, '\n').replace(/[ \t\n]+$/, ''), 'latin1')
    .digest('hex');
}

/**
 * The same hash as contentHash, computed slice by slice with a turn of the event loop between slices, so a large
 * message never blocks the process that serves /health. Stored hashes stay comparable: both give the same value.
 */
export async function contentHashInSlices(raw: Buffer, sliceBytes = HASH_SLICE_BYTES): Promise<string> {
  const split = headerEnd(raw);
  const head = raw.subarray(0, split ? split.start : raw.length).toString('latin1');
  const hash = createHash('sha256').update(authorHeaders(head)).update('\n\n');
  if (split) await hashBody(hash, raw.subarray(split.end), sliceBytes);
  return hash.digest('hex');
}

function authorHeaders(head: string): string {
  return head
    .split(/\r?\n(?![ \t])/)
    .map((line) => {
      const colon = line.indexOf(':');
      return colon < 0 ? null : { name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).replace(/\s+/g, ' ').trim() };
    })
    .filter((h): h is { name: string; value: string } => h !== null && AUTHOR_HEADERS.has(h.name))
    .map((h) => `${h.name}:${h.value}`)
    .join('\n');
}

const LF = 0x0a;
const CR = 0x0d;

/** Where /\r?\n\r?\n/ first matches in the bytes: the first LF followed by an optional CR and an LF. */
function headerEnd(raw: Buffer): { start: number; end: number } | undefined {
  for (let lf = raw.indexOf(LF); lf !== -1; lf = raw.indexOf(LF, lf + 1)) {
    const next = raw[lf + 1] === CR ? lf + 2 : lf + 1;
    if (raw[next] === LF) return { start: lf > 0 && raw[lf - 1] === CR ? lf - 1 : lf, end: next + 1 };
  }
  return undefined;
}

/** CRLF → LF and trailing spaces, tabs and LFs dropped, as contentHash does on the whole body at once. */
async function hashBody(hash: Hash, body: Buffer, sliceBytes: number): Promise<void> {
  // A CR at a slice's end may start a CRLF that the next slice completes; whitespace at a slice's end is trailing
  // only if nothing but whitespace follows. Both wait for the next slice.
  let carry = '';
  let pendingSpace = '';
  for (let offset = 0; offset < body.length; offset += sliceBytes) {
    if (offset > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    let text = carry + body.subarray(offset, offset + sliceBytes).toString('latin1');
    carry = '';
    if (text.endsWith('\r') && offset + sliceBytes < body.length) {
      carry = '\r';
      text = text.slice(0, -1);
    }
    text = text.replace(/\r\n/g, '\n');
    const trailing = /[ \t\n]*$/.exec(text)!;
    if (trailing.index === 0) {
      pendingSpace += text;
      continue;
    }
    hash.update(pendingSpace + text.slice(0, trailing.index), 'latin1');
    pendingSpace = trailing[0];
  }
}
