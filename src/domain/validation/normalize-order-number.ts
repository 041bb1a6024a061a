// Order numbers are digits and dashes; OCR letters in them are misreads, spaces are layout.
import { fixDigitMisreads } from './fix-digit-misreads.ts';
import type { Normalized } from './normalized.ts';

export function normalizeOrderNumber(raw: string): Normalized | undefined {
  // "№ 12345 от 01.11.2026": the number ends where a word such as "от"/"from" or punctuation starts.
  const text = raw
    .replace(/^[\s№#:]+|^(?:no|n)\.?\s+/i, '')
    .split(/\s(?:от|from|dated|of)(?![\p{L}])|[,;:(]|\s{2,}|\t/iu)[0]!
    .trim()
    .replace(/[–—]/g, '-')
    .replace(/[.\s]+$/, '');
  // A masked card number (mask-sensitive.ts) is not an order number.
  if (text === '' || text.includes('⟦')) return undefined;
  const printed = text.replace(/\s+/g, '');
  if (/^\d+(?:-\d+)*$/.test(printed)) {
    return { value: printed, fixes: 0, strict: printed.replace(/-/g, '').length >= 3 && printed.length <= 24 };
  }
  // Map look-alikes per character, keeping dashes where they were.
  let value = '';
  let fixes = 0;
  for (const part of printed.split(/(-)/)) {
    if (part === '-') {
      value += part;
      continue;
    }
    const fixed = fixDigitMisreads(part);
    if (fixed.foreign > 0) return { value: printed, fixes: 1, strict: false };
    value += fixed.digits;
    fixes += fixed.fixes;
  }
  if (!/\d/.test(value)) return undefined;
  return { value, fixes, strict: false };
}
