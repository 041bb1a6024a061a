// Person names (ФИО, account holder): single spaces, case as written unless written all in capitals or
// all in lower case (block letters on a paper form), look-alike letters of the other alphabet fixed.
import type { Normalized } from './normalized.ts';

const LAT_TO_CYR: Record<string, string> = {
  A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м',
  '0': 'о', '3': 'з', '6': 'б',
};
const CYR_TO_LAT: Record<string, string> = Object.fromEntries(
  Object.entries(LAT_TO_CYR).filter(([lat]) => /[A-Za-z]/.test(lat)).map(([lat, cyr]) => [cyr, lat]),
);

function titleCase(word: string): string {
  return word.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()).join('-');
}

function fixWord(word: string): { word: string; fixes: number } {
  const cyr = (word.match(/[А-Яа-яЁё]/g) ?? []).length;
  const lat = (word.match(/[A-Za-z]/g) ?? []).length;
  const map = cyr >= lat ? LAT_TO_CYR : CYR_TO_LAT;
  let fixes = 0;
  const fixed = [...word].map((ch) => {
    const isForeign = cyr >= lat ? /[A-Za-z0-9]/.test(ch) : /[А-Яа-яЁё]/.test(ch);
    if (isForeign && map[ch] !== undefined) {
      fixes += 1;
      return map[ch];
    }
    return ch;
  }).join('');
  return { word: fixed, fixes };
}

export function normalizeName(raw: string): Normalized | undefined {
  const cleaned = raw.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').replace(/^[\s,.:;\-–—]+|[\s,:;\-–—]+$/g, '').trim();
  if (cleaned === '') return undefined;
  let fixes = 0;
  let words = cleaned.split(' ').map((w) => {
    const r = fixWord(w);
    fixes += r.fixes;
    return r.word;
  });
  const letters = words.join('');
  if (letters === letters.toUpperCase() || letters === letters.toLowerCase()) words = words.map(titleCase);
  const value = words.join(' ');
  const wordShape = /^[A-ZА-ЯЁ][a-zа-яё'’]+(?:-[A-ZА-ЯЁ][a-zа-яё'’]+)?\.?$|^[A-ZА-ЯЁ]\.(?:[A-ZА-ЯЁ]\.)?$/;
  const strict = fixes === 0 && words.length >= 2 && words.length <= 4 && words.every((w) => wordShape.test(w));
  if (!/[A-Za-zА-Яа-яЁё]{2}/.test(value) || /\d/.test(value)) return { value, fixes: fixes + 1, strict: false };
  return { value, fixes, strict };
}
