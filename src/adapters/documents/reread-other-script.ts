// A second reading, with one model alone, of words the pair of models read in the wrong script. With Russian
// and English loaded together, Tesseract sometimes reads a Russian word as Latin letters of the same shapes
// ("помпоном" as "NOMNOHOM", "карго" as "kapro") and an English word as Cyrillic ("Pro" as "рго"). What tells
// such a word from one written that way is each model's own word list: a Latin reading that is no English word
// is read again with Russian alone, a Cyrillic reading that is no Russian word with English alone. The second
// reading replaces the first only when it is sure and is the same word in the other script: as many letters,
// the same signs in the same places. A Cyrillic word becomes Latin only when the English reading is an English
// word; a Russian word needs no such proof (word forms such as "помпоном" are not in the list), and a surname
// read as Latin nonsense reads as Cyrillic nonsense again, at a low confidence.
import type Tesseract from 'tesseract.js';
import type { PositionedWord } from '../../domain/document.ts';
import { lettersLookAlike } from '../../domain/validation/fix-lookalike-words.ts';
import type { GreyImage } from '../images/warp-region.ts';
import type { OcrEngine } from '../ocr/ocr-engine.ts';
import type { WordList } from '../ocr/word-list.ts';
import { firstChanges, rereadWords } from './stack-word-cuts.ts';

const SINGLE_BLOCK = '6' as Tesseract.PSM;
/** At most this many words a page for each model; time is limited. */
const MAX_WORDS = 80;
/** A second reading below this confidence is no evidence against the first. */
const MIN_CONFIDENCE = 0.75;

type Language = 'eng' | 'rus';
/** Each model's script. */
const LETTERS: Record<Language, RegExp> = { eng: /[A-Za-z]/, rus: /[А-Яа-яЁё]/ };

export async function rereadOtherScript(ocr: OcrEngine, page: GreyImage, words: PositionedWord[], pageNumber: number, remaining: () => number): Promise<PositionedWord[]> {
  const [english, russian] = await Promise.all([ocr.wordList('eng'), ocr.wordList('rus')]);
  if (!english || !russian) return words;
  /** Words written in `from` that its model's `list` does not know, read again by the `to` model; `confirms` judges the reading. */
  const reread = (from: Language, list: WordList, to: Language, confirms: (first: string, second: string) => boolean) =>
    rereadWords(ocr, page, words, {
      choose: (w) => writtenIn(w.text, from) && !list.knows(lettersAndSigns(w.text)),
      max: MAX_WORDS,
      job: { page: pageNumber, psm: SINGLE_BLOCK, languages: [to], timeoutMs: remaining() },
      judge: (w, read) => {
        const again = read.filter((a) => /\p{L}/u.test(a.text));
        if (again.length !== 1 || again[0]!.confidence < MIN_CONFIDENCE) return undefined;
        const text = again[0]!.text;
        return sameWordIn(w.text, text, to) && confirms(w.text, text) ? { text, confidence: again[0]!.confidence } : undefined;
      },
    });
  // A Russian word form is often missing from the list ("помпоном"), so the Russian reading must be the Latin one
  // letter for letter in look-alikes. The pair's Cyrillic reading of an English word is looser (R as В, U as У), so
  // the English reading must be an English word. The two never choose the same word.
  const rereads = await Promise.all([
    reread('eng', english, 'rus', (first, second) => [...first].every((c, k) => !/\p{L}/u.test(c) || lettersLookAlike(c, second[k]!))),
    reread('rus', russian, 'eng', (_, second) => english.knows(lettersAndSigns(second))),
  ]);
  return firstChanges(words, rereads);
}

/**
 * A word of at least two letters, all of them the script's, and no digits: codes and numbers have their own
 * second reading (reread-digit-words.ts). Addresses, site names and parts of codes ("KP-SH") are Latin by
 * nature and keep it.
 */
export function writtenIn(text: string, language: Language): boolean {
  const all = text.match(/\p{L}/gu) ?? [];
  if (all.length < 2 || /\d|@|\p{L}[.\-/]\p{L}/u.test(text)) return false;
  return all.every((c) => LETTERS[language].test(c));
}

/** The word without the punctuation around it: "Pro," → "Pro", "(карго)" → "карго". */
function lettersAndSigns(text: string): string {
  return text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

/** The same word in the other script: all its letters in `to`, as many, and every other sign where it was. */
export function sameWordIn(first: string, second: string, to: Language): boolean {
  if (first.length !== second.length || !writtenIn(second, to)) return false;
  const isLetter = (c: string) => /\p{L}/u.test(c);
  return [...first].every((a, k) => (isLetter(a) ? isLetter(second[k]!) : a === second[k]));
}
