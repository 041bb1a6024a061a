// Prices and totals to a rouble decimal string, "4 990,00 ₽" → "4990.00".
// OCR reads the rouble sign ₽ as Р, P, $, # or — the hard case — the digit 2. A trailing "2" is taken
// for a misread sign only where the number's own shape says so (a separate "2" after a complete amount,
// a third decimal, a four-digit thousands group); a bare integer ending in 2 stays as read but is
// marked ambiguous so its confidence stays low.
import { fixDigitMisreads } from './fix-digit-misreads.ts';
import type { Normalized } from './normalized.ts';

const CURRENCY_WORD = /\s*(?:₽|руб(?:лей|ля|ль)?\.?|р\.|р|rub\.?|rur)\s*$/i;
const SIGN_MISREAD = /\s*[РрPp$#]\s*$/;

export interface MoneyOptions {
  /** The text came from OCR: only then can a trailing "2" be a misread rouble sign. */
  ocr?: boolean;
}

function canonical(intPart: string, frac: string): string {
  const int = intPart.replace(/^0+(?=\d)/, '');
  return `${int}.${(frac + '00').slice(0, 2)}`;
}

export function normalizeMoney(raw: string, options: MoneyOptions = {}): Normalized | undefined {
  let text = raw.replace(/\u00a0|\u202f/g, ' ').trim().replace(/[=\-–—]+$/, '').trim();
  let fixes = 0;
  let hadCurrency = false;
  if (CURRENCY_WORD.test(text)) {
    text = text.replace(CURRENCY_WORD, '');
    hadCurrency = true;
  } else if (SIGN_MISREAD.test(text)) {
    if (/[$#]\s*$/.test(text)) fixes += 1;
    text = text.replace(SIGN_MISREAD, '');
    hadCurrency = true;
  }
  text = text.trim();
  if (!/^[\dOoОоlIЗзSsБB][\dOoОоlIЗзSsБB\s.,']*$/.test(text)) return undefined;

  let ambiguous = false;
  if (!hadCurrency && options.ocr) {
    let stripped: string | undefined;
    if (/^\S.*\d[.,]\d{2}\s+2$/.test(text) || /^\d{1,3}(?: \d{3})+\s+2$/.test(text)) stripped = text.replace(/\s+2$/, '');
    else if (/[.,]\d{2}2$/.test(text)) stripped = text.slice(0, -1);
    else if (/^\d{1,3}(?: \d{3})* \d{3}2(?:[.,]\d{2})?$/.test(text) && !/[.,]\d{2}$/.test(text)) stripped = text.slice(0, -1);
    else if (/^\d+2$/.test(text)) ambiguous = true;
    if (stripped !== undefined) {
      text = stripped;
      fixes += 1;
    }
  }

  // Decimal separator: the last of "," / "." when both occur; a lone one followed by 1–2 digits.
  let intPart: string;
  let frac = '';
  const compact = text.replace(/[\s']/g, '');
  const lastSep = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
  const tail = lastSep >= 0 ? compact.slice(lastSep + 1) : '';
  if (lastSep >= 0 && tail.length >= 1 && tail.length <= 2) {
    intPart = compact.slice(0, lastSep).replace(/[.,]/g, '');
    frac = tail;
  } else if (lastSep < 0 || /^\d{1,3}(?:[.,]\d{3})+$/.test(compact)) {
    intPart = compact.replace(/[.,]/g, '');
  } else {
    // "4 990,002", "49,9": separators that fit neither decimals nor thousands.
    return undefined;
  }
  const fixed = fixDigitMisreads(intPart);
  const fixedFrac = fixDigitMisreads(frac);
  if (fixed.foreign + fixedFrac.foreign > 0 || fixed.digits.length === 0 || fixed.digits.length > 9) return undefined;
  fixes += fixed.fixes + fixedFrac.fixes;
  const strict = fixes === 0 && /^\d{1,3}(?:[ \u00a0]?\d{3})*(?:[.,]\d{2})?$/.test(text);
  return { value: canonical(fixed.digits, fixedFrac.digits), fixes, strict, ...(ambiguous ? { ambiguous } : {}) };
}
