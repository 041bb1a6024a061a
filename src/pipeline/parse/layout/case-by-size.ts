// Letter case told by size, for OCR. Many Cyrillic lower-case letters are their capitals made small (п, о, м,
// н, к, т…), so OCR, which sees shapes, often reads a lower-case word as capitals ("с ПОМПОНОМ"). What tells
// them apart on the page is height: such a word stands no taller than the words of its row written in small
// letters alone. A text layer's words carry their case and are never changed.
import type { PositionedWord } from '../../../domain/document.ts';
import { centre, height, median } from './word-geometry.ts';

/** Lower-case letters without ascender, descender or accent: their height is the row's x-height. */
const SMALL = /^[авгежзиклмнопстхчшъыьэюя]{2,}$/u;
/** Capitals whose small forms have the same shape, so OCR may read one for the other. */
const SAME_SHAPE_CAPITALS = /^[ВГЖЗИКЛМНОПСТХЧШЪЫЬЭЮЯ]+$/u;
/**
 * Latin capitals OCR reads for those small Cyrillic letters when it takes the word for Latin ("с NOMNOHOM"): at
 * the height of small letters no Latin word is written in capitals, so the word is the Cyrillic one.
 */
const LATIN_FOR_SMALL: Record<string, string> = { B: 'в', C: 'с', H: 'н', K: 'к', M: 'м', N: 'п', O: 'о', T: 'т', X: 'х' };
/** A capital stands at least this much taller than the x-height (on a devset scan "Шапка" 28 px, "вязаная" 21 px: 1.33). */
const CAPITAL_HEIGHT = 1.2;
/** Fewer letters than this prove nothing: "ИП", "с". */
const MIN_LETTERS = 3;

const letters = (text: string) => text.replace(/[^\p{L}]/gu, '');

/** Small-letter words this many of the word's heights above or below, and no farther aside, are its neighbours too. */
const NEAR_ROWS = 2.5;
const NEAR_ASIDE = 3;

/**
 * The page's words, with capitals that stand no taller than their neighbours in small letters made lower case
 * (and Cyrillic, when OCR took them for Latin).
 * The neighbours are the small-letter words of the same row, or, for a word alone on its row (the wrapped end of
 * a table cell), those just above or below it and close aside.
 */
export function caseBySize(words: PositionedWord[]): PositionedWord[] {
  const small = words.filter((w) => w.confidence < 1 && SMALL.test(w.text.replace(/[.,;:!?»)]+$/u, '')));
  if (small.length === 0) return words;
  return words.map((w) => {
    const text = letters(w.text);
    const latin = [...text].every((c) => LATIN_FOR_SMALL[c] !== undefined);
    if (w.confidence >= 1 || text.length < MIN_LETTERS || !(SAME_SHAPE_CAPITALS.test(text) || latin)) return w;
    const h = height(w);
    const dy = (v: PositionedWord) => Math.abs(centre(v) - centre(w));
    const sameRow = small.filter((v) => dy(v) < h / 2);
    const near = sameRow.length > 0 ? sameRow : small.filter((v) => dy(v) < NEAR_ROWS * h && v.x0 < w.x1 + NEAR_ASIDE * h && v.x1 > w.x0 - NEAR_ASIDE * h);
    if (near.length === 0) return w;
    if (h >= CAPITAL_HEIGHT * median(near.map(height))) return w;
    return { ...w, text: latin ? w.text.replace(/[A-Z]/g, (c) => LATIN_FOR_SMALL[c] ?? c) : w.text.toLowerCase() };
  });
}
