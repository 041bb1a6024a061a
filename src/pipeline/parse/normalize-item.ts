// Normalises one cell of the items table to its canonical form: quantity an integer string, price
// "4000.00", reason one of the Reason values when the words say which.
import type { ItemKey } from '../../domain/application.ts';
import { fixDigitMisreads } from '../../domain/validation/fix-digit-misreads.ts';
import { normalizeMoney } from '../../domain/validation/normalize-money.ts';
import { normalizeSku } from '../../domain/validation/normalize-sku.ts';
import type { Normalized } from '../../domain/validation/normalized.ts';
import { inferReason } from './infer-reason.ts';
import { matchReasonLookalike } from './match-reason-lookalike.ts';
import { fixLookalikeWords } from '../../domain/validation/fix-lookalike-words.ts';
import { normalizeText, ocrText, timesSign } from './normalize-field.ts';
import { asLetterSize } from './read-items-table.ts';

/** A count cell holding one curved stroke and nothing else (read-comb-cells.ts maps the same in our own cells). */
const LONE_STROKE = /^\s*[()[\]]\s*$/;
/** Letters a handwritten digit is read as, in a size that is otherwise a number or a range of numbers. */
const SIZE_DIGITS: Record<string, string> = { Z: '2', z: '2', O: '0', o: '0', О: '0', о: '0' };
const NUMERIC_SIZE = /^[\dZzOoОо]{2,3}(?:-[\dZzOoОо]{2,3})?$/;
/** A price whose first digit is a bracket: "(0190". */
const OPENING_ONE = /^\s*\((\d[\d\s.,]*)$/;
/** More than this of one article on a return application is a misread, not an order. */
const MAX_QUANTITY = 999;

export function normalizeItemCell(key: ItemKey, raw: string, ocr: boolean): Normalized | undefined {
  switch (key) {
    case 'sku':
      return normalizeSku(raw, { ocr });
    case 'name': {
      const text = ocr ? ocrText(raw) : normalizeText(raw);
      return text && ocr ? letterSize(volumeUnit(piecesDot(text))) : text;
    }
    case 'size': {
      const value = raw.replace(/\s+/g, ' ').trim();
      if (value === '') return undefined;
      // "М" / "Х" read in Cyrillic for a letter size: map back, counted as corrections.
      const mapped = asLetterSize(value);
      if (mapped !== undefined && mapped !== value) {
        return { value: mapped, fixes: [...value].filter((c, i) => c !== mapped[i]).length, strict: false };
      }
      // "4Z", "1O4-110": a numeric size (shoes, clothing, a child's height) with a handwritten 2 read as Z, 0 as O.
      const numeric = ocr && NUMERIC_SIZE.test(value) && /\d/.test(value) ? [...value].map((c) => SIZE_DIGITS[c] ?? c).join('') : value;
      if (numeric !== value) return { value: numeric, fixes: [...value].filter((c, i) => c !== numeric[i]).length, strict: false };
      // "50х90": a towel's size is a dimension, its sign read as a letter (normalize-field.ts timesSign).
      const dimension = ocr ? timesSign(value) : undefined;
      if (dimension && dimension.fixes > 0) return dimension;
      return { value, fixes: 0, strict: true };
    }
    case 'quantity': {
      // A handwritten 1 is rarely straight: alone in the count cell, OCR gives it back as a bracket.
      if (ocr && LONE_STROKE.test(raw)) return { value: '1', fixes: 1, strict: false };
      const { digits, fixes, foreign } = fixDigitMisreads(raw.replace(/\s*(?:шт|pcs|pc)\.?\s*$/i, ''));
      if (foreign > 0 || digits === '' || Number(digits) < 1 || Number(digits) > MAX_QUANTITY) return undefined;
      return { value: String(Number(digits)), fixes, strict: fixes === 0 };
    }
    case 'price': {
      // "(0190": a handwritten 1 opening the number, read as a bracket (a cell's border reads as | or [ instead).
      const opened = ocr ? OPENING_ONE.exec(raw) : null;
      const money = opened ? normalizeMoney(`1${opened[1]}`, { ocr }) : undefined;
      return money ? { ...money, fixes: money.fixes + 1, strict: false } : normalizeMoney(raw, { ocr });
    }
    case 'reason': {
      const reason = inferReason(raw) ?? (ocr ? inferReason(fixLookalikeWords(raw, { force: true }).value) : undefined);
      if (reason) return { value: reason, fixes: 0, strict: true };
      // Folded and matched within one edit: a correction, so its confidence stays below the auto-approve bar.
      const lookalike = ocr ? matchReasonLookalike(raw) : undefined;
      if (lookalike) return { value: lookalike, fixes: 1, strict: false };
      const text = normalizeText(raw);
      // Words we cannot map stay as written and are marked ambiguous, so a person decides.
      return text ? { ...text, strict: false, ambiguous: true } : undefined;
    }
  }
}

/**
 * A letter size closes a name after its mark ("…, р. M", "размер XL"), and letter sizes are Latin: OCR reads M and
 * X in Cyrillic, as in the size column (see 'size' above).
 */
const LETTER_SIZE_AT_END = /((?:^|[\s,])(?:р\.|разм\.|размер|size)\s*)(\S{1,4})$/iu;

function letterSize(text: Normalized): Normalized {
  const match = LETTER_SIZE_AT_END.exec(text.value);
  // A digit is a size of its own ("р. 5"), never an S misread.
  if (!match || /\d/.test(match[2]!)) return text;
  const mapped = asLetterSize(match[2]!);
  if (mapped === undefined || mapped === match[2]) return text;
  return { value: text.value.slice(0, match.index) + match[1] + mapped, fixes: text.fixes + 1, strict: false };
}

/**
 * A count of pieces closes a name ("Набор бокалов, 4 шт."), and "шт." is an abbreviation written with its dot,
 * the smallest mark on the line and the first OCR loses.
 */
const PIECES_WITHOUT_DOT = /(\d\s?шт)$/;

function piecesDot(text: Normalized): Normalized {
  if (!PIECES_WITHOUT_DOT.test(text.value)) return text;
  return { value: `${text.value}.`, fixes: text.fixes + 1, strict: false };
}

/**
 * A volume closes a name ("Рюкзак городской 20 л", "Термос 0,75 л"), and OCR reads its л as п or a: a lone
 * letter after a number at the end, which is no unit, is that л.
 */
const LITRE_MISREAD = /(\d\s)[пaа](\.?)$/;

function volumeUnit(text: Normalized): Normalized {
  if (!LITRE_MISREAD.test(text.value)) return text;
  return { value: text.value.replace(LITRE_MISREAD, '$1л$2'), fixes: text.fixes + 1, strict: false };
}
