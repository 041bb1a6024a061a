// A second reading of e-mail addresses with the English model alone. Read with Russian and English together,
// an address on a scan comes out with Cyrillic letters and stray signs ("1\уапоуа1980@ата11",
// "nadezhda//7@inbox.ru"); an address is Latin by rule, and English alone reads the same crop as one. Every word
// with an "@" is cut out, the cuts stacked into one image and read in one job. The English reading replaces the
// first when it is an address as written and the first one is not.
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
 * A second reading below this confidence is no evidence. Lower than for numbers: the first reading it replaces
 * is no address at all, and the field keeps the lower of the two confidences.
 */
const MIN_CONFIDENCE = 0.5;

export function rereadAddresses(ocr: OcrEngine, page: GreyImage, words: PositionedWord[], pageNumber: number, remaining: () => number): Promise<PositionedWord[]> {
  return rereadWords(ocr, page, words, {
    choose: (w) => w.text.includes('@'),
    max: MAX_WORDS,
    job: { page: pageNumber, psm: SINGLE_BLOCK, languages: ['eng'], timeoutMs: remaining() },
    judge: (w, again) => {
      const [second] = again;
      if (again.length !== 1 || second!.confidence < MIN_CONFIDENCE) return undefined;
      return isAddressAsWritten(second!.text) && !isAddressAsWritten(w.text) ? { text: second!.text, confidence: second!.confidence } : undefined;
    },
  });
}

/** An address that needs no repair: Latin, one "@", a domain with a dot. */
export function isAddressAsWritten(text: string): boolean {
  const address = normalizeEmail(text);
  return address !== undefined && address.strict;
}
