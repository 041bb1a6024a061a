// The e-mail body as a document, so an application typed into the message is read by the same parser.
import { createHash } from 'node:crypto';
import type { ExtractedDocument } from '../../domain/document.ts';
import { MAX_TEXT_CHARS } from '../../domain/limits.ts';

export function bodyDocument(text: string): ExtractedDocument {
  const clipped = text.slice(0, MAX_TEXT_CHARS);
  const lines = clipped
    .split(/\r?\n/)
    // Quoted history ("> ...") is our own earlier reply or the customer's older mail, not this message.
    .filter((line) => !line.trimStart().startsWith('>'))
    .map((line) => line.trimEnd())
    .filter((line) => line.length > 0)
    .map((line) => ({ text: line, confidence: 1 }));
  return {
    name: 'body',
    kind: 'text',
    mimeType: 'text/plain',
    bytes: Buffer.byteLength(clipped),
    sha256: createHash('sha256').update(clipped).digest('hex'),
    method: 'body',
    pageCount: 1,
    pages: [{ page: 1, lines }],
    problems: [],
  };
}
