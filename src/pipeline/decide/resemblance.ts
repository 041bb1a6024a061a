// How much a noisy reading looks like a value we already know (closed-vocabulary reading). OCR of handwriting
// rarely gives a word exactly, but it keeps most of its letters in order: "Ершоб Игорь" for "Ершов Игорь",
// "KypTka" for "Куртка". Once the order is known, the question is no longer "what is written?" but "which of
// these few values is written?", and an edit distance over a folded alphabet answers it.

import { editDistance } from '../../domain/edit-distance.ts';

/** Latin letters and digits OCR returns for handwritten Cyrillic, folded into the Cyrillic letter they stand for. */
const TO_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', n: 'п', o: 'о', p: 'р', r: 'г', t: 'т', u: 'и', x: 'х', y: 'у',
  '3': 'з', '6': 'б', '0': 'о', ё: 'е', й: 'и',
};

/** Letters only, one case, one alphabet: what is left of a written word once OCR's alphabet mix-ups are undone. */
export function foldLetters(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    const folded = TO_CYRILLIC[ch] ?? ch;
    if (/\p{L}/u.test(folded)) out += folded;
  }
  return out;
}

/** 1 for the same string, 0 for nothing in common: edits over the longer length. */
export function wholeResemblance(read: string, known: string): number {
  const longest = Math.max(read.length, known.length);
  return longest === 0 ? 0 : 1 - editDistance(read, known) / longest;
}

/**
 * How well `known` is found somewhere inside `read` (1 = letter for letter): edits of the best-fitting stretch of
 * the reading over the known value's length. A cell read together with its neighbour ("Зайцев Михаил Рустамович
 * Северо-Западный банк") still holds the name; a reading cut short pays for every letter it lacks.
 */
export function containedResemblance(read: string, known: string): number {
  if (known.length === 0) return 0;
  // Semi-global alignment: the known value must be matched whole, the reading may start and end anywhere.
  let previous = Array.from({ length: read.length + 1 }, () => 0);
  for (let i = 1; i <= known.length; i++) {
    const current = [i];
    for (let j = 1; j <= read.length; j++) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (known[i - 1] === read[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return Math.max(0, 1 - Math.min(...previous) / known.length);
}
