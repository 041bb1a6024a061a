import { describe, expect, it } from 'vitest';
import { containedResemblance, foldLetters, wholeResemblance } from '../../../../src/pipeline/decide/resemblance.ts';

describe('resemblance', () => {
  it('folds the Latin letters OCR gives for handwritten Cyrillic', () => {
    expect(foldLetters('KypTka утеплённая')).toBe(foldLetters('Куртка утеплённая'));
  });

  it('scores a misread name near 1 and another name low', () => {
    expect(wholeResemblance(foldLetters('Ершоб Игорь Борисович'), foldLetters('Ершов Игорь Борисович'))).toBeGreaterThan(0.9);
    expect(wholeResemblance(foldLetters('Петров Пётр Петрович'), foldLetters('Ершов Игорь Борисович'))).toBeLessThan(0.5);
  });

  it('finds a known value inside a reading that ran on into the next cell, not inside one cut short', () => {
    const name = foldLetters('Зайцев Михаил Рустамович');
    expect(containedResemblance(foldLetters('Зайцев Михаил Рустамович Северо-Западный банк ПАО Сбербанк'), name)).toBe(1);
    expect(containedResemblance(foldLetters('Зайцев Михаил'), name)).toBeLessThan(0.6);
  });
});
