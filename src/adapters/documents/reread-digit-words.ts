// A second read of the page's numbers with the English model alone. Read with Russian and English together,
// Tesseract's fast models take a monospaced 3 for a 5 and an 8 for a 0 (a card's "5536" as "5556", "3450 ₽"
// as "5450") on clean 300 dpi scans; English alone reads the same crops right. Every word that is mostly
// digits is cut out and the cuts are stacked into one image, read in one job. A second reading replaces the
// first only where it is the same word with other digits: same length, the same letters and signs in the same
// places. A reading that drops or adds a digit, or turns digits into letters, is left alone. A zero of the
// first reading stays a zero: English alone reads a slashed zero as 8, 6 or 2, which the pair reads right
// (devset: 8 prices and phones broken that way before this rule); the word's other digits are still taken.
// An article code the pair garbled with Cyrillic letters or stray signs is taken as English reads it, when that
// is a Latin code with as many digits.
import type Tesseract from 'tesseract.js';
import type { PositionedWord } from '../../domain/document.ts';
import type { GreyImage } from '../images/warp-region.ts';
import type { OcrEngine } from '../ocr/ocr-engine.ts';
import { rereadWords } from './stack-word-cuts.ts';

const SINGLE_BLOCK = '6' as Tesseract.PSM;
const LATIN = ['eng'] as const;
/**
 * A word needs this many digits, and digits must be at least this share of its letters and digits. One is
 * enough: a reason's code in its box, a quantity (devset: two reason codes read 5 for 3 otherwise).
 */
const MIN_DIGITS = 1;
const MIN_DIGIT_SHARE = 0.5;
/** At most this many words a page; a table of figures has fewer, a price list more, and time is limited. */
const MAX_WORDS = 120;
/** A second reading below this confidence is no evidence against the first. */
const MIN_CONFIDENCE = 0.6;
/**
 * A first reading this doubtful is no word at all: the pair made letters of bold digits ("044525187" as
 * "маыний" at 0.00 on a marketplace photo). Such a word is read again too, and becomes the number English
 * reads there, when English is sure of it.
 */
const GARBLED = 0.2;
const SURE_NUMBER = 0.85;
/**
 * A number both models read alike counts as read twice only from four digits on (a sentence's comma after it
 * allowed). A lone digit is one shape: the two models took a boxed reason code's 3 for the same wrong digit on two
 * devset pages, so a code needs its box read alone (reread-character-boxes.ts).
 */
const AGREED_NUMBER = /^\d{4,}[.,;:]?$/;
/**
 * Agreement is a second witness only where each reading could stand alone: the first reading sure of the word, on a
 * page OCR reads as print (its median word confidence). On a harsh photo's blur the two models misread a group alike
 * ("1798" at 0.90 on a page whose median is 0.89; devset, held-out seed), and on handwriting too (a passport's
 * "2809" as "2804" at 0.87 on a printed form filled in by hand).
 */
const SURE_FIRST = 0.9;
const PRINT_LIKE_PAGE = 0.93;
/** English reads a slashed or dotted zero as one of these letters; among digits it is a zero. */
const ZERO_LOOKALIKES = /[QOoDØø]/g;

export function rereadDigitWords(ocr: OcrEngine, page: GreyImage, words: PositionedWord[], pageNumber: number, remaining: () => number): Promise<PositionedWord[]> {
  const printLike = medianConfidence(words) >= PRINT_LIKE_PAGE;
  return rereadWords(ocr, page, words, {
    choose: (w) => isMostlyDigits(w.text) || w.confidence < GARBLED,
    max: MAX_WORDS,
    // Numbers first: on a blurred photo the garbled words alone can fill the stack, and a BIK at the page's foot
    // was left out (devset photo). A garbled word may be a number; it takes the room that is left.
    rank: (w) => (isMostlyDigits(w.text) ? 0 : 1),
    job: { page: pageNumber, psm: SINGLE_BLOCK, languages: LATIN, timeoutMs: remaining() },
    judge: (w, again) => {
      if (again.length === 0) return undefined;
      const confidence = Math.min(...again.map((a) => a.confidence));
      if (confidence < MIN_CONFIDENCE) return undefined;
      const read = again.map((a) => a.text).join('');
      // Both models read the very same digits: the word is read twice, independently, alike.
      if (printLike && read === w.text && AGREED_NUMBER.test(read) && w.confidence >= SURE_FIRST) return { text: w.text, confidence, readTwice: true };
      const second = asDigits(read);
      const text = w.confidence < GARBLED ? numberFor(second, confidence) : sameShape(second, w.text) ? keepingZeros(w.text, second) : latinCodeFor(w.text, second);
      return text === undefined ? undefined : { text, confidence };
    },
  });
}

function medianConfidence(words: PositionedWord[]): number {
  const sorted = words.map((w) => w.confidence).sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
}

export function isMostlyDigits(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  const alnum = text.replace(/[^\p{L}\p{N}]/gu, '').length;
  return digits >= MIN_DIGITS && digits >= MIN_DIGIT_SHARE * alnum;
}

/** English's reading of a garbled word, when that is a number it is sure of: digits and the signs numbers carry. */
function numberFor(second: string, confidence: number): string | undefined {
  return confidence >= SURE_NUMBER && /^[\d.,\-/()+]*\d{3}[\d.,\-/()+]*$/.test(second) ? second : undefined;
}

/** Zero look-alikes as zeros, when the reading is otherwise digits. */
function asDigits(text: string): string {
  return isMostlyDigits(text.replace(ZERO_LOOKALIKES, '0')) ? text.replace(ZERO_LOOKALIKES, '0') : text;
}

/** The same word with other digits: equal length, and every character that is not a digit in one is the same in the other. */
export function sameShape(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const da = /\d/.test(a[k]!);
    const db = /\d/.test(b[k]!);
    if (da !== db || (!da && a[k] !== b[k])) return false;
  }
  return true;
}

/** The second reading, with the first one's zeros where the second has another digit. */
export function keepingZeros(first: string, second: string): string {
  return [...second].map((c, k) => (first[k] === '0' ? '0' : c)).join('');
}

/** An article code as Latin capitals, digits and hyphens: "SV-T-352-05", "LH-NG-241-05". */
const LATIN_CODE = /^(?=.*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)+$/;
/** Signs no code or number holds; a word with one was misread in part. */
const STRAY_SIGN = /[$\\№|§@#%&*_=<>{}[\]~^`'"]/u;

/**
 * The English reading of a code the pair garbled: where the first reading mixes Latin and Cyrillic letters or holds
 * a stray sign ("$\-Т-552-05", "ЬН-№-241-05"), and English reads a Latin code with as many digits, that code.
 */
export function latinCodeFor(first: string, second: string): string | undefined {
  const garbled = STRAY_SIGN.test(first) || (/[A-Za-z]/.test(first) && /[А-Яа-яЁё]/.test(first));
  const digits = (t: string) => t.replace(/\D/g, '').length;
  return garbled && LATIN_CODE.test(second) && digits(second) === digits(first) ? second : undefined;
}
