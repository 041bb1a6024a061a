// Fixture texts: plain lines for text layers and bodies; OCR fixtures carry each line's confidence
// after "@@" (e.g. "БИК / BIK: O44525225 @@0.85").
import { readFileSync } from 'node:fs';
import type { ExtractionMethod } from '../../../../src/domain/document.ts';
import { makeDocument } from './make-document.ts';

export function loadFixture(name: string, method: ExtractionMethod = 'pdf_text') {
  const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').trimEnd();
  if (method !== 'ocr') return makeDocument(text, method);
  const lines = text.split('\n').map((l): [string, number] => {
    const m = /^(.*?)\s*@@([\d.]+)$/.exec(l);
    return m ? [m[1]!, Number(m[2])] : [l, 0.9];
  });
  return makeDocument(lines, 'ocr', { name: 'photo.jpg' });
}
