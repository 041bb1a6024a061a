// Dates as customers and shops write them in Russia and abroad, to ISO `YYYY-MM-DD`.
import { isExists } from 'date-fns';
import type { Normalized } from './normalized.ts';

const MONTHS: Array<[RegExp, number]> = [
  [/^январ|^jan/i, 1], [/^феврал|^feb/i, 2], [/^март|^мар|^mar/i, 3], [/^апрел|^apr/i, 4],
  [/^ма[йя]|^may/i, 5], [/^июн|^jun/i, 6], [/^июл|^jul/i, 7], [/^август|^авг|^aug/i, 8],
  [/^сентябр|^сен|^sep/i, 9], [/^октябр|^окт|^oct/i, 10], [/^ноябр|^ноя|^nov/i, 11], [/^декабр|^дек|^dec/i, 12],
];

// Letters OCR puts in place of digits; only mapped inside a date-shaped token.
const LOOKALIKE: Record<string, string> = { O: '0', o: '0', О: '0', о: '0', l: '1', I: '1', '|': '1', З: '3', з: '3', S: '5', s: '5', Б: '6', B: '8' };
const D = '[\\dOoОоlI|ЗзSsБB]';

function monthOf(word: string): number | undefined {
  return MONTHS.find(([re]) => re.test(word))?.[1];
}

function toDigits(token: string): { text: string; fixes: number } {
  let fixes = 0;
  const text = [...token].map((ch) => {
    if (LOOKALIKE[ch] !== undefined) {
      fixes += 1;
      return LOOKALIKE[ch];
    }
    return ch;
  }).join('');
  return { text, fixes };
}

function build(y: number, m: number, d: number, fixes: number, strict: boolean): Normalized | undefined {
  if (y < 1900 || y > 2199 || !isExists(y, m - 1, d)) return undefined;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { value: iso, fixes, strict };
}

/**
 * On OCR text, a day or month whose tens digit is a 9 is no date; the digit of 0–3 (day) or 0–1 (month) that OCR
 * reads as a 9 is the 0, whose loop it shares ("95.11.2026" on a small scan for 05.11.2026).
 */
function tensNineAsZero(part: string): string {
  return /^9\d$/.test(part) ? `0${part[1]}` : part;
}

export function normalizeDate(raw: string, options: { ocr?: boolean } = {}): Normalized | undefined {
  const text = raw.replace(/[«»"“”']/g, ' ').replace(/\s+/g, ' ').trim();

  const iso = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(text);
  if (iso) return build(Number(iso[1]), Number(iso[2]), Number(iso[3]), 0, true);

  const numeric = new RegExp(`(?<![\\dA-Za-zА-Яа-я])(${D}{1,2})\\s?([./-])\\s?(${D}{1,2})\\s?[./-]\\s?(${D}{4}|${D}{2})(?![\\d])`).exec(text);
  if (numeric) {
    const day = toDigits(numeric[1]!);
    const month = toDigits(numeric[3]!);
    const year = toDigits(numeric[4]!);
    const fixes = day.fixes + month.fixes + year.fixes;
    if (/^\d+$/.test(day.text + month.text + year.text)) {
      const shortYear = year.text.length === 2;
      const y = shortYear ? 2000 + Number(year.text) : Number(year.text);
      const strict = fixes === 0 && !shortYear && numeric[2] !== '-';
      const read = build(y, Number(month.text), Number(day.text), fixes + (shortYear ? 1 : 0), strict);
      if (read || !options.ocr) return read;
      const [d, m] = [tensNineAsZero(day.text), tensNineAsZero(month.text)];
      const mended = [d !== day.text, m !== month.text].filter(Boolean).length;
      return mended > 0 ? build(y, Number(m), Number(d), fixes + mended + (shortYear ? 1 : 0), false) : undefined;
    }
  }

  // "14 ноября 2026 г.", "«14» нояб. 2026", "14 November 2026"
  const dayFirst = new RegExp(`(?<!\\d)(${D}{1,2})\\s?([A-Za-zА-Яа-яЁё]{3,})\\.?\\s?(${D}{4})(?!\\d)`).exec(text);
  if (dayFirst) {
    const month = monthOf(dayFirst[2]!);
    const day = toDigits(dayFirst[1]!);
    const year = toDigits(dayFirst[3]!);
    if (month && /^\d+$/.test(day.text + year.text)) {
      const fixes = day.fixes + year.fixes;
      return build(Number(year.text), month, Number(day.text), fixes, fixes === 0);
    }
  }

  // "November 14, 2026"
  const monthFirst = /([A-Za-z]{3,})\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})(?!\d)/.exec(text);
  if (monthFirst) {
    const month = monthOf(monthFirst[1]!);
    if (month) return build(Number(monthFirst[3]), month, Number(monthFirst[2]), 0, true);
  }
  return undefined;
}
