// A plain-text attachment is one page of exact lines.
import type { PageText } from '../../domain/document.ts';
import { decodeText } from './decode-text.ts';

export function readTextDocument(bytes: Uint8Array): PageText | undefined {
  const text = decodeText(bytes);
  if (text === undefined) return undefined;
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => ({ text: line, confidence: 1 }));
  return { page: 1, lines };
}
