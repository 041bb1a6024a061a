import { describe, expect, it } from 'vitest';
import { loadWordList, wordListFrom } from '../../../../src/adapters/ocr/word-list.ts';

describe('wordListFrom', () => {
  const list = wordListFrom(['Карго', 'РГО', 'заказ', 'pro', 'ёлка'].sort().join('\n'));

  it('knows a word as written, in lower case and capitalised', () => {
    expect(['заказ', 'Заказ', 'ЗАКАЗ', 'Карго', 'карго', 'КАРГО', 'РГО', 'Pro', 'PRO', 'ёлка'].every((w) => list.knows(w))).toBe(true);
  });

  it('does not take an abbreviation in capitals for a lower-case word, nor a word it lacks', () => {
    expect(['рго', 'Рго', 'заказы', 'kapro', '', 'за'].some((w) => list.knows(w))).toBe(false);
  });
});

describe('the shipped word lists', () => {
  it('are sorted as the search needs and hold the words of both models', async () => {
    const [english, russian] = await Promise.all([loadWordList('ocr-data/eng.words.gz'), loadWordList('ocr-data/rus.words.gz')]);
    expect(['Card', 'Nordic', 'copy'].every((w) => english.knows(w))).toBe(true);
    expect(english.knows('NOMNOHOM')).toBe(false);
    expect(['заказ', 'Брак', 'вязаная'].every((w) => russian.knows(w))).toBe(true);
    expect(russian.knows('рго')).toBe(false);
  });
});
