// The last try for an OCR'd reason cell of the items table: its words come from a short list (the form asks
// for "Брак", "Не подошёл" or "Не тот товар"), and OCR reads them in Latin look-alikes, italic ones included
// ("Bpak", "He nogowen": handwritten п, д, ш look like n, g, w). The cell is folded onto Cyrillic and
// compared with the list; within one edit of exactly one phrase it is that phrase's reason. Anything else
// stays as written for a person.
import type { Reason } from '../../domain/application.ts';
import { editDistance } from '../../domain/edit-distance.ts';

const PHRASES: Array<[string, Reason]> = [
  ['брак', 'defect'],
  ['неподошел', 'proper_quality'],
  ['нетоттовар', 'wrong_item'],
];

/** Latin (and digit) look-alikes of Cyrillic letters, upright and italic; Б and В both fold to в. */
const FOLD: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
  n: 'п', g: 'д', w: 'ш', u: 'и', r: 'г', '6': 'в', б: 'в', ё: 'е', '0': 'о',
};

export function matchReasonLookalike(text: string): Reason | undefined {
  const folded = fold(text);
  if (folded.length < 3 || folded.length > 16) return undefined;
  const close = PHRASES.filter(([phrase]) => editDistance(folded, fold(phrase)) <= 1);
  return close.length === 1 ? close[0]![1] : undefined;
}

function fold(text: string): string {
  return [...text.toLowerCase()]
    .map((c) => FOLD[c] ?? c)
    .filter((c) => /[а-я]/.test(c))
    .join('');
}
