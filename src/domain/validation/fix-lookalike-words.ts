// OCR reads short Russian words in Latin look-alikes ("He ToT ToBap", "OT фото", "no фасону"). In a text
// that is mostly Cyrillic, a word made only of such letters is put back into Cyrillic; mid-sentence it is
// lower case, as Russian words are. English text (mostly Latin) is left alone.
import type { Normalized } from './normalized.ts';

const LAT_TO_CYR: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', n: 'п', r: 'г', u: 'и', m: 'т',
};
/**
 * After a number a word is a unit ("25 cm" for "25 см", "500 ml"), and units are set upright: m is м there,
 * not the italic т.
 */
const UNIT_AFTER_NUMBER: Record<string, string> = { m: 'м' };
const LATIN_WORD = /^[A-Za-z]+$/;

/**
 * A Latin and a Cyrillic letter OCR takes for one another, in either case: n and п, H and н, r and г. Not S and
 * б: a reading that changes such a letter read another word, not the same one in another script.
 */
export function lettersLookAlike(latin: string, cyrillic: string): boolean {
  const target = cyrillic.toLowerCase();
  return [latin.toLowerCase(), latin.toUpperCase()].some((c) => LAT_TO_CYR[c]?.toLowerCase() === target);
}

/** `force`: the text is known to be Russian (a reason cell), even when every letter came out Latin. */
export function fixLookalikeWords(text: string, options: { force?: boolean } = {}): Normalized {
  const cyrillic = (text.match(/[А-Яа-яЁё]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (latin === 0 || (cyrillic <= latin && !options.force)) return { value: text, fixes: 0, strict: true };
  let fixes = 0;
  let sentenceStart = true;
  const value = text.replace(/[A-Za-zА-Яа-яЁё]+|[.!?]/g, (word, at: number) => {
    if (/^[.!?]$/.test(word)) {
      sentenceStart = true;
      return word;
    }
    const first = sentenceStart;
    sentenceStart = false;
    if (!LATIN_WORD.test(word) || !allLookAlike(word) || partOfLatinName(text, word, at)) return word;
    fixes += 1;
    const unit = /\d\s*$/.test(text.slice(0, at));
    const mapped = [...word].map((c) => (unit ? UNIT_AFTER_NUMBER[c] : undefined) ?? LAT_TO_CYR[c]!).join('').toLowerCase();
    return first ? mapped[0]!.toUpperCase() + mapped.slice(1) : mapped;
  });
  return { value, fixes, strict: fixes === 0 };
}

function allLookAlike(word: string): boolean {
  return [...word].every((c) => LAT_TO_CYR[c] !== undefined);
}

/**
 * "Runner Pro": a capitalised word ("Pro", not OCR's "ToT") beside a Latin word that is no Russian one in
 * disguise is a name written in Latin on purpose, as a brand or a model is.
 */
function partOfLatinName(text: string, word: string, at: number): boolean {
  if (!/^[A-Z][a-z]{2,}$/.test(word)) return false;
  const before = /([A-Za-z]+)[\s,]*$/.exec(text.slice(0, at))?.[1];
  const after = /^[\s,]*([A-Za-z]+)/.exec(text.slice(at + word.length))?.[1];
  return [before, after].some((neighbour) => neighbour !== undefined && !allLookAlike(neighbour));
}
