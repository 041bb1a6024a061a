// Normalises one raw value of a single-line field to its canonical form (SPEC §3).
import type { FieldKey } from '../../domain/application.ts';
import { fixDigitMisreads } from '../../domain/validation/fix-digit-misreads.ts';
import { fixLookalikeWords } from '../../domain/validation/fix-lookalike-words.ts';
import { normalizeDate } from '../../domain/validation/normalize-date.ts';
import { normalizeEmail } from '../../domain/validation/normalize-email.ts';
import { normalizeName } from '../../domain/validation/normalize-name.ts';
import { normalizeOrderNumber } from '../../domain/validation/normalize-order-number.ts';
import { normalizePhone } from '../../domain/validation/normalize-phone.ts';
import type { Normalized } from '../../domain/validation/normalized.ts';
import { isBoxedCardNumber, lastBoxedGroup } from './boxed-groups.ts';
import { CARD_TOKEN } from './mask-sensitive.ts';
import type { Check } from './score-confidence.ts';

export interface NormalizedField extends Normalized {
  /** Set when the value carries its own check (a full card number's Luhn digit). */
  check?: Check;
}

/** Free text: single spaces, masked card numbers shown as "**** 1234", nothing else touched. */
export function normalizeText(raw: string): Normalized | undefined {
  const value = raw.replace(CARD_TOKEN, (_m, last4: string) => `**** ${last4}`).replace(/\s+/g, ' ').trim();
  return value === '' ? undefined : { value, fixes: 0, strict: true };
}

/** Words of the form's own headings that OCR or a text layer can put where a name is expected. */
const NOT_A_NAME = /^(?:customer|order|return|application|items?|refund|signature|заявлени|возврат|заказ|покупател|товар|подпись)/i;

/** Words of a sentence that are never part of a person's name. */
const FUNCTION_WORDS = new Set(['of', 'are', 'is', 'the', 'and', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'и', 'в', 'на', 'по', 'для', 'с', 'о', 'от', 'за', 'из', 'не', 'что', 'как', 'это']);

/** Free text read by OCR: look-alike Latin words put back into Cyrillic, each counted as a correction. */
export function ocrText(raw: string): Normalized | undefined {
  const text = normalizeText(raw);
  if (!text) return undefined;
  const fixed = fixLookalikeWords(text.value);
  const sizes = timesSign(fixed.value);
  return { value: sizes.value, fixes: fixed.fixes + sizes.fixes, strict: text.strict && fixed.strict && sizes.fixes === 0 };
}

/**
 * "130х170" → "130×170": OCR has no "×" to give and reads the sign of a dimension as a Latin or Cyrillic x.
 * Between two numbers with nothing else around it, a letter x is that sign.
 */
export function timesSign(text: string): Normalized {
  let fixes = 0;
  const value = text.replace(/(?<=\d)[xXхХ](?=\d)/g, () => {
    fixes += 1;
    return '×';
  });
  return { value, fixes, strict: fixes === 0 };
}

function digitsField(raw: string, length: number): Normalized | undefined {
  // Only the leading number: "044525225, расчётный счёт …" or "40702… (Сбербанк)".
  const head = raw.split(/[,;(]|\s{2,}/)[0]!;
  const { digits, fixes, foreign } = fixDigitMisreads(head);
  // Longer than the field can be is two values run together, not a misread.
  if (foreign > 0 || digits.length === 0 || digits.length > length) return undefined;
  return { value: digits, fixes, strict: fixes === 0 && digits.length === length && /^[\d\s-]+$/.test(head.trim()) };
}

/** What customers mask a card number's hidden digits with, as the inside of a character class. */
const MASK_SIGNS = '*xXхХ•#';
export const MASK_SIGN = new RegExp(`[${MASK_SIGNS}]`);
/** The masking signs and what OCR reads stars as ("жж 9433", "КЖ ЖЖ 4520"). */
const READ_MASK_SIGNS = `${MASK_SIGNS}жЖкКkK`;

/** Groups of digits and masking stars, at least one star among them, then four digits: the whole card. */
export const PARTLY_MASKED_CARD = new RegExp(`^((?:[\\d${MASK_SIGNS}]{2,6}[\\s-]+){2,4})(\\d{4})\\b`);
/** "1234", "**** 1234", "xxxx-xxxx-xxxx-1234"; the four digits as OCR may read them. */
const MASKED_CARD = new RegExp(`^(?:[${READ_MASK_SIGNS}]{2,}[\\s-]*)*([\\dOoОоlIЗзSsБB]{4})\\b`);

function cardLast4(raw: string, options: { ocr?: boolean }): NormalizedField | undefined {
  const token = new RegExp(CARD_TOKEN.source).exec(raw);
  if (token) return { value: token[1]!, fixes: 0, strict: true, check: token[2] === 'ok' ? 'passed' : 'failed' };
  // A card written in boxes, some misread (so never masked whole): its last box, unchecked.
  if (isBoxedCardNumber(raw)) {
    const last = lastBoxedGroup(raw);
    return last ? { value: last, fixes: 1, strict: false } : undefined;
  }
  // "4279 01** **** 5711": a card number with its middle hidden, the first digits shown too — its last group.
  const partly = PARTLY_MASKED_CARD.exec(raw.trim());
  if (partly && MASK_SIGN.test(partly[1]!)) return { value: partly[2]!, fixes: 0, strict: true };
  // "1234", "**** 1234", "xxxx-xxxx-xxxx-1234"; OCR reads the stars as letters ("HK 9433", "жж 9433",
  // "**** жжж* **** 8039" where a letter's masked number ran over three lines).
  const masked = MASKED_CARD.exec(raw.trim()) ?? (options.ocr ? /^\S{1,4}\s+(\d{4})$/.exec(raw.trim()) : null);
  if (!masked) return undefined;
  const { digits, fixes } = fixDigitMisreads(masked[1]!);
  return digits.length === 4 ? { value: digits, fixes, strict: fixes === 0 } : undefined;
}

/** One capitalised word, a comma, then two (given name, patronymic) and at most a closing comma or full stop. */
const SURNAME_FIRST = /^\s*(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s*,\s*(\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+)\s*[,.]?\s*$/u;

export function normalizeField(key: FieldKey, raw: string, options: { ocr?: boolean } = {}): NormalizedField | undefined {
  switch (key) {
    case 'orderNumber':
      return normalizeOrderNumber(raw, options);
    case 'orderDate':
    case 'receivedDate':
    case 'applicationDate':
      return normalizeDate(raw, options);
    case 'fullName':
    case 'accountHolder': {
      // A name ends at the first comma or digit run: what follows is an address or passport data. It ends too
      // at a full stop after a whole word ("…Ивановна. Наименование банка"), never after an initial ("Е. И.")
      // nor before a patronymic (a pen's dot: "Козлова Анна. Владимировна").
      // "Козлова, Анна Владимировна": a surname set off by a comma, as in a list, and nothing after the name.
      const listed = SURNAME_FIRST.exec(raw);
      if (listed) return normalizeName(`${listed[1]} ${listed[2]}`);
      const head = raw.replace(CARD_TOKEN, '').split(/,|;|\s{2,}|\t|\d{2,}|(?<=\p{L}{2})\.\s+(?=\p{Lu})(?!\p{L}+(?:вич|вна|чна)(?!\p{L}))/u)[0]!;
      // "ПОКУПАТЕЛЬ / CUSTOMER" is a section heading whose first word is a label: its rest is no name.
      if (NOT_A_NAME.test(head.replace(/^[\s\/|:]+/, ''))) return undefined;
      // One word is a caption ("Фамилия") or a fragment, not a person's full name; a sentence's little words
      // ("of", "are", "в", "на") never stand in one.
      // Small-letter words before a whole capitalised name (three words) end the label, not begin the name
      // ("Получатель | платежа Кузнецова Елизавета Ивановна"). Short ones may be its particle ("де", "фон"); before
      // two capitalised words a small-letter one is the surname, as a pen's first letter is often read.
      const name = head.trim().replace(/^(?:\p{Ll}{5,}\s+)+(?=\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\s+\p{Lu})/u, '');
      const words = name.split(/\s+/);
      if (words.length < 2 || words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()))) return undefined;
      const normalized = normalizeName(name);
      // Where the label ended is an inference: the name is then not sure.
      return normalized && name !== head.trim() ? { ...normalized, fixes: normalized.fixes + 1, strict: false } : normalized;
    }
    case 'email':
      return normalizeEmail(raw.split(/\s{2,}|\t|;/)[0]!, { ocr: options.ocr });
    case 'phone':
      return normalizePhone(raw);
    case 'reasonText':
      return options.ocr ? ocrText(raw) : normalizeText(raw);
    case 'bik':
      return digitsField(raw, 9);
    case 'account':
    case 'corrAccount':
      return digitsField(raw, 20);
    case 'cardLast4':
      return cardLast4(raw, options);
    case 'reason':
    case 'refundMethod':
      return undefined;
  }
}
