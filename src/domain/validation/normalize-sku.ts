// Article numbers (артикул): OCR swaps Latin and Cyrillic look-alikes and reads S as $. A code that
// mixes both alphabets, or (read by OCR) whose letters are all Latin look-alikes, is taken to be Latin; typed Cyrillic codes stay.
import type { Normalized } from './normalized.ts';
import { replaceLookalikes } from './replace-lookalikes.ts';

// Ь is no letter a code is written with, and is what the Russian model makes of a Latin L on photos ("ЬН-55538").
const CYR_TO_LAT: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', Ь: 'L',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', к: 'k', м: 'm', т: 't',
};

export function normalizeSku(raw: string, options: { ocr?: boolean } = {}): Normalized | undefined {
  let text = raw.trim().replace(/[–—]/g, '-').replace(/\s*-\s*/g, '-');
  if (text === '' || /\s/.test(text)) return undefined;
  let fixes = 0;
  if (text.includes('$')) {
    fixes += (text.match(/\$/g) ?? []).length;
    text = text.replace(/\$/g, 'S');
  }
  // Mixed alphabets, or a code whose every letter is a Cyrillic look-alike ("СТ-4451"): OCR read Latin as Cyrillic.
  const allLookalikes = options.ocr === true && /\d/.test(text) && /[А-Яа-яЁё]/.test(text) && [...text].every((ch) => !/[А-Яа-яЁё]/.test(ch) || CYR_TO_LAT[ch] !== undefined);
  if ((/[A-Za-z]/.test(text) && /[А-Яа-яЁё]/.test(text)) || allLookalikes) {
    const swapped = replaceLookalikes(text, CYR_TO_LAT);
    text = swapped.text;
    fixes += swapped.fixes;
  }
  // OCR mixes cases within a code ("sH-2635"); article codes are printed in capitals.
  if (options.ocr === true && /[a-z]/.test(text) && /\d/.test(text)) {
    fixes += 1;
    text = text.toUpperCase();
  }
  if (options.ocr === true) {
    const ringed = ringsAsZeros(text);
    text = ringed.text;
    fixes += ringed.fixes;
    const lettered = letterGroups(text);
    text = lettered.text;
    fixes += lettered.fixes;
  }
  if (!/^[A-Za-zА-Яа-яЁё0-9][A-Za-zА-Яа-яЁё0-9\-_./]*$/.test(text)) return undefined;
  return { value: text, fixes, strict: fixes === 0 && /\d/.test(text) && /^[A-Z0-9][A-Z0-9\-_./]{2,}$/.test(text) };
}

/**
 * OCR reads a bold 0 or O on a photo as "@" ("KP-BD-491-@5"). Within a code's group of digits it is a zero,
 * within a group of capitals an O; in a group of both it stays, and the code is no code.
 */
function ringsAsZeros(text: string): { text: string; fixes: number } {
  let fixes = 0;
  const value = text
    .split('-')
    .map((group) => {
      if (!group.includes('@')) return group;
      const rest = group.replace(/@/g, '');
      const ring = /^\d+$/.test(rest) ? '0' : /^[A-Z]+$/.test(rest) ? 'O' : undefined;
      if (ring === undefined) return group;
      fixes += group.length - rest.length;
      return group.replace(/@/g, ring);
    })
    .join('-');
  return { text: value, fixes };
}

/** Digits OCR reads for capitals of the same shape. */
const DIGIT_TO_LETTER: Record<string, string> = { '8': 'B', '0': 'O', '5': 'S', '1': 'I' };

/**
 * A group of a code that is capitals but for one digit shaped like a capital is that capital ("UT-3985-8LK" →
 * "UT-3985-BLK"): a code's group is letters or digits, and a colour's "BLK" is no number.
 */
function letterGroups(text: string): { text: string; fixes: number } {
  let fixes = 0;
  const value = text
    .split('-')
    .map((group) => {
      const digits = group.replace(/\D/g, '');
      if (digits.length !== 1 || group.replace(/[^A-Z]/g, '').length < 2 || !/^[A-Z0-9]+$/.test(group) || !DIGIT_TO_LETTER[digits]) return group;
      fixes += 1;
      return group.replace(digits, DIGIT_TO_LETTER[digits]!);
    })
    .join('-');
  return { text: value, fixes };
}
