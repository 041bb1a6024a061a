// A matching form of a line for finding labels in OCR text: lower case, Latin look-alikes folded onto
// Cyrillic, ё→е, and spaces and light punctuation dropped (OCR adds and loses them freely). `map` leads
// every skeleton character back to its index in the original text, so a match cuts the original exactly.
const FOLD: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
  ё: 'е', '0': 'о', '3': 'з', '6': 'б', й: 'и',
};
const DROPPED = /[\s.,:;\-–—_'"«»()*]/;

export interface Skeleton {
  text: string;
  map: number[];
}

export function skeleton(original: string): Skeleton {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i += 1) {
    const ch = original[i]!;
    if (DROPPED.test(ch)) continue;
    const lower = ch.toLowerCase();
    text += FOLD[lower] ?? lower;
    map.push(i);
  }
  return { text, map };
}
