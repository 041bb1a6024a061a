import { describe, expect, it } from 'vitest';
import { politeName } from '../../../../src/pipeline/reply/polite-name.ts';

describe('politeName', () => {
  it.each([
    ['Ковалёва Анна Сергеевна', 'Анна Сергеевна'],
    ['Петренко Игорь Владимирович', 'Игорь Владимирович'],
    ['Мамедов Руслан Эльдар оглы', 'Мамедов Руслан Эльдар оглы'], // four words: used as written
    ['Анна Смирнова', 'Анна Смирнова'],
    ['Anna Smith', 'Anna Smith'],
    ['  Иван   Петров  ', 'Иван Петров'],
  ])('%s → %s', (full, polite) => expect(politeName(full)).toBe(polite));

  it('is null without a name', () => {
    expect(politeName(undefined)).toBeNull();
    expect(politeName('  ')).toBeNull();
  });
});
