// Order numbers as printed: digits with letters, dashes and slashes ("KM-60954", "4417/26", "48213577-0019").
// The number runs from its first digit-bearing token to the first word without a digit ("№ 96759. Заказ
// получен …" → 96759); spaces inside it are layout. Look-alike repairs (Cyrillic К for Latin K, O for 0)
// are made only on OCR text: a typed "SS-" is what the customer typed.
import { fixDigitMisreads } from './fix-digit-misreads.ts';
import type { Normalized } from './normalized.ts';
import { normalizeSku } from './normalize-sku.ts';

const LEADING = /^(?:[\s№#:]|(?:no|n|nr|номер)\.?(?=\s|\d))+/i;
const STOP = /^(?:от|from|dated|of)$/i;
const MAX_LENGTH = 24;

/** A code's letter prefix set apart from its digits by a space at its dash: "LH- 57413", "LH -57413". */
const SPACED_PREFIX = /(^|\s)(\p{Lu}{1,4})\s*-\s*(?=\d)/gu;

/** "29/07/2026", "05.11.26": a day, a month and a year are a date, not an order's number. */
const DATE_SHAPE = /^(\d{1,2})[./-](\d{1,2})[./-](?:19|20)?\d{2}$/;

function isDate(printed: string): boolean {
  const m = DATE_SHAPE.exec(printed);
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 31 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function printedNumber(raw: string): string | undefined {
  const tokens = raw.replace(/[–—]/g, '-').replace(LEADING, '').replace(SPACED_PREFIX, '$1$2-').trim().split(/\s+/);
  const taken: string[] = [];
  for (const token of tokens) {
    const bare = token.replace(/[.,;:)»"]+$/, '').replace(/^[(«"]+/, '');
    if (STOP.test(bare) || !/\d/.test(bare) || /[,;:]$/.test(taken[taken.length - 1] ?? '')) break;
    taken.push(bare);
    if (bare !== token) break;
  }
  const printed = taken.join('').replace(/\s*-\s*/g, '-');
  return printed === '' ? undefined : printed;
}

export function normalizeOrderNumber(raw: string, options: { ocr?: boolean } = {}): Normalized | undefined {
  // A masked card number (mask-sensitive.ts) is not an order number.
  if (raw.includes('⟦')) return undefined;
  const printed = printedNumber(raw);
  if (!printed || printed.length > MAX_LENGTH || isDate(printed)) return undefined;
  const digitCount = printed.replace(/\D/g, '').length;
  if (!options.ocr) {
    if (!/^[\p{L}\d]+(?:[-/.][\p{L}\d]+)*$/u.test(printed)) return undefined;
    return { value: printed, fixes: 0, strict: digitCount >= 3 };
  }
  // OCR: a part that is mostly digits has its look-alike letters read as digits ("2026-11-OO457"); then the
  // whole is read as a code, Cyrillic look-alikes of Latin letters put back ("КМ-91329").
  let digitFixes = 0;
  const repaired = printed
    .split(/([-/])/)
    .map((part) => {
      const digits = fixDigitMisreads(part);
      if (part === '-' || part === '/' || digits.foreign > 0 || digits.fixes * 2 >= digits.digits.length) return part;
      digitFixes += digits.fixes;
      return digits.digits;
    })
    .join('');
  const code = normalizeSku(repaired, { ocr: true });
  if (!code) return undefined;
  const value = code.value;
  const fixes = digitFixes + code.fixes;
  if (!/\d/.test(value)) return undefined;
  return { value, fixes, strict: fixes === 0 && digitCount >= 3 };
}
