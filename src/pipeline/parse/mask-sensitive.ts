// Runs before any field is read, so that no later step can leak what we must never store: a full payment
// card number becomes a token carrying only its last four digits and whether its Luhn check passed, and
// passport series/number digits are blanked.
import { luhnValid } from '../../domain/validation/luhn-valid.ts';

/** `⟦card:1234:ok⟧` — the only form in which a card number exists after masking. */
export const CARD_TOKEN = /⟦card:(\d{4}):(ok|bad)⟧/g;

// A run of 13–19 digits, single spaces or dashes between them; or groups of four apart by anything a
// form puts between its boxes ("| 4279 || 0164 | | 9536 || 1661 |"). Two-digit groups never join across
// cells, so an article code beside a barcode is not taken for a card.
const DIGIT_RUN = /(?<!\d[ -]?)\d(?:[ -]?\d){12,18}(?![ -]?\d)|(?<![\d.,][\s|[\]]{0,6})\d{4}(?:[\s|[\]]{1,6}\d{4}){2,3}(?:[\s|[\]]{1,6}\d{1,4})?(?![\s|[\]]{0,6}[\d.,])/g;
const PASSPORT = /((?:паспорт\S*|passport)(?:\s*(?:гражданина\s+РФ|РФ))?)((?:[\s:,.№]*(?:серия|серии|сер\.|номер|ном\.|series|number|no\.?|№)?[\s:,.№]*[\dOoОо]{2}\s?[\dOoОо]{2,})+)/giu;
const SERIES_NUMBER = /(серия|series)(\s*[\dOoОо]{2}\s?[\dOoОо]{2}\s*(?:номер|№|number|no\.?)?\s*[\dOoОо]{6})/giu;

function looksLikeCard(run: string, mentionsCard: boolean, mentionsOrder: boolean): boolean {
  const digits = run.replace(/\D/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  if (mentionsCard) return true;
  if (/^\d{4}([ \t-])\d{4}\1\d{4}\1\d{4}(?:\1?\d{1,3})?$/.test(run)) return true;
  // A long order number can pass Luhn by chance (1 in 10); on an order-number line only the 4-4-4-4
  // shape above counts as a card.
  return !mentionsOrder && luhnValid(digits) && /^[2-6]/.test(digits);
}

/** Blanks the digits (and the O's OCR reads for zeros) of every token that holds a digit. */
const blankDigits = (data: string) => data.replace(/[^\s,.:;№]+/g, (tok) => (/\d/.test(tok) ? tok.replace(/[\dOoОо]/g, '•') : tok));

/**
 * A card in four boxes of four, one place in them a sign where a digit should be: `5536 9157 1601 6/21`. The
 * Luhn digit makes the number whole, and only one digit in that place can.
 */
const BOXES_ONE_UNREAD = /(?<![\d.,][\s|[\]]{0,6})[^\s|[\]⟦⟧]{4}(?:[\s|[\]]{1,6}[^\s|[\]⟦⟧]{4}){3}(?![\s|[\]]{0,6}[\d.,])/g;

export interface MaskOptions {
  /**
   * Every box of the line was read alike by two models (documents/reread-character-boxes.ts). Only then is a
   * card with one unread digit filled in by its check digit: every other digit has its two witnesses, and the
   * check digit the one place left to it. Otherwise the Luhn digit would be spent choosing, and check nothing.
   */
  boxesReadTwice?: boolean;
}

export function maskSensitive(text: string, options: MaskOptions = {}): string {
  const mentionsCard = /карт|card/i.test(text);
  const mentionsOrder = /заказ|order/i.test(text);
  let masked = options.boxesReadTwice ? text.replace(BOXES_ONE_UNREAD, (run) => filledCard(run) ?? run) : text;
  masked = masked.replace(DIGIT_RUN, (run) => {
    if (!looksLikeCard(run, mentionsCard, mentionsOrder)) return run;
    const digits = run.replace(/\D/g, '');
    return `⟦card:${digits.slice(-4)}:${luhnValid(digits) ? 'ok' : 'bad'}⟧`;
  });
  masked = masked.replace(PASSPORT, (_all, label: string, data: string) => `${label}${blankDigits(data)}`);
  masked = masked.replace(SERIES_NUMBER, (_all, label: string, data: string) => `${label}${blankDigits(data)}`);
  return masked;
}

/** The card token for four groups of four with exactly one sign among the digits, that sign the one digit Luhn allows. */
function filledCard(run: string): string | undefined {
  const chars = run.replace(/[\s|[\]]/g, '');
  const unread = [...chars].filter((c) => !/\d/.test(c)).length;
  if (chars.length !== 16 || unread !== 1 || !/^[2-6]/.test(chars)) return undefined;
  const whole = [...'0123456789'].map((d) => chars.replace(/\D/, d)).filter(luhnValid);
  return whole.length === 1 ? `⟦card:${whole[0]!.slice(-4)}:ok⟧` : undefined;
}
