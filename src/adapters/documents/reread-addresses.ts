// A second reading of e-mail addresses with the English model alone. Read with Russian and English together,
// an address on a scan comes out with Cyrillic letters and stray signs ("1\уапоуа1980@ата11",
// "nadezhda//7@inbox.ru"); an address is Latin by rule, and English alone reads the same crop as one. Every word
// with an "@" is cut out, the cuts stacked into one image and read in one job. The English reading replaces the
// first when it is an address as written and the first one is not. The first reading sometimes breaks an address
// at a gap ("roman] @gmail.com", "1\уапоуа1980@ата11 .ru"); the cut then takes in the parts beside the "@" word
// on its line that end or begin at an address's own signs, and a reading taken for the whole leaves those parts
// empty (ocr-page.ts drops empty words).
import type Tesseract from 'tesseract.js';
import type { PositionedWord } from '../../domain/document.ts';
import { normalizeEmail } from '../../domain/validation/normalize-email.ts';
import type { GreyImage } from '../images/warp-region.ts';
import type { OcrEngine } from '../ocr/ocr-engine.ts';
import { rereadWords } from './stack-word-cuts.ts';

const SINGLE_BLOCK = '6' as Tesseract.PSM;
/** A page holds a few addresses; a page with many is a list, not an application. */
const MAX_WORDS = 12;
/**
 * A second reading below this confidence is no evidence. Far lower than for numbers: the first reading it replaces
 * is no address at all, the second must be one, and the field keeps the lower of the two confidences, so an
 * address read this way is never sure (a photo's "roman] @gmail.com" reads "roman 1@gmail.com" at 0.38).
 */
const MIN_CONFIDENCE = 0.35;

export async function rereadAddresses(ocr: OcrEngine, page: GreyImage, words: PositionedWord[], pageNumber: number, remaining: () => number): Promise<PositionedWord[]> {
  const wholes = words.map((w, i) => (w.text.includes('@') ? addressAround(words, i) : undefined));
  const read = await rereadWords(ocr, page, words.map((w, i) => wholes[i]?.word ?? w), {
    choose: (w) => w.text.includes('@'),
    max: MAX_WORDS,
    job: { page: pageNumber, psm: SINGLE_BLOCK, languages: ['eng'], timeoutMs: remaining() },
    // An address has no spaces: what the cut reads as several words is one address or none.
    judge: (w, again) => {
      const text = again.map((a) => a.text).join('');
      const confidence = Math.min(...again.map((a) => a.confidence));
      if (again.length === 0 || confidence < MIN_CONFIDENCE) return undefined;
      return isAddressAsWritten(text) && !isAddressAsWritten(w.text) ? { text, confidence } : undefined;
    },
  });
  const taken = new Set(read.flatMap((w, i) => (wholes[i] && w.text !== wholes[i]!.word.text ? wholes[i]!.parts : [])));
  return read.map((w, i) => {
    if (taken.has(i)) return { ...words[i]!, text: '' };
    // A whole that was not taken gives its "@" word back as it was read.
    return wholes[i] && w.text === wholes[i]!.word.text ? words[i]! : w;
  });
}

/** A gap between two parts of one address, in heights of the "@" word: about a letter's width. */
const MAX_GAP = 0.8;

/**
 * The "@" word at `at` with the words beside it on its line that belong to the same address: a part before it
 * when the "@" begins the word ("roman]" + "@gmail.com"), a part after it when that part begins with the domain's
 * dot or the "@" word ends with the "@" or a dot ("…@ата11" + ".ru"). Undefined when the word stands alone.
 */
function addressAround(words: PositionedWord[], at: number): { word: PositionedWord; parts: number[] } | undefined {
  const word = words[at]!;
  const height = word.y1 - word.y0;
  // OCR's boxes of the two parts may overlap ("…@ата11" ends over ".ru"); the second still ends further right.
  const beside = (a: PositionedWord, b: PositionedWord) =>
    b.x0 > a.x0 && b.x1 > a.x1 && b.x0 - a.x1 <= height * MAX_GAP && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > height / 2;
  const parts: number[] = [];
  const before = words[at - 1];
  if (before && word.text.startsWith('@') && !/[@\s]/.test(before.text) && beside(before, word)) parts.push(at - 1);
  const after = words[at + 1];
  if (after && (/^\./.test(after.text) || /[@.]$/.test(word.text)) && !after.text.includes('@') && beside(word, after)) parts.push(at + 1);
  if (parts.length === 0) return undefined;
  const all = [...parts, at].map((k) => words[k]!).sort((a, b) => a.x0 - b.x0);
  const box = { x0: Math.min(...all.map((w) => w.x0)), y0: Math.min(...all.map((w) => w.y0)), x1: Math.max(...all.map((w) => w.x1)), y1: Math.max(...all.map((w) => w.y1)) };
  return { word: { ...box, text: all.map((w) => w.text).join(''), confidence: Math.min(...all.map((w) => w.confidence)) }, parts };
}

/** An address that needs no repair: Latin, one "@", a domain with a dot. */
export function isAddressAsWritten(text: string): boolean {
  const address = normalizeEmail(text);
  return address !== undefined && address.strict;
}
