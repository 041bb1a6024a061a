// Article numbers (артикул): OCR swaps Latin and Cyrillic look-alikes and reads S as $. A code that
// mixes both alphabets is taken to be Latin; one written wholly in Cyrillic is left as written.
import type { Normalized } from './normalized.ts';

const CYR_TO_LAT: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', к: 'k', м: 'm', т: 't',
};

export function normalizeSku(raw: string): Normalized | undefined {
  let text = raw.trim().replace(/[–—]/g, '-').replace(/\s*-\s*/g, '-');
  if (text === '' || /\s/.test(text)) return undefined;
  let fixes = 0;
  if (text.includes('$')) {
    fixes += (text.match(/\$/g) ?? []).length;
    text = text.replace(/\$/g, 'S');
  }
  if (/[A-Za-z]/.test(text) && /[А-Яа-яЁё]/.test(text)) {
    text = [...text].map((ch) => {
      if (CYR_TO_LAT[ch] !== undefined) {
        fixes += 1;
        return CYR_TO_LAT[ch];
      }
      return ch;
    }).join('');
  }
  if (!/^[A-Za-zА-Яа-яЁё0-9][A-Za-zА-Яа-яЁё0-9\-_./]*$/.test(text)) return undefined;
  return { value: text, fixes, strict: fixes === 0 && /\d/.test(text) && /^[A-Z0-9][A-Z0-9\-_./]{2,}$/.test(text) };
}
