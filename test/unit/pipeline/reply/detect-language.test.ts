import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../src/pipeline/reply/detect-language.ts';

describe('detectLanguage', () => {
  it('reads Russian text as ru', () => {
    expect(detectLanguage('Здравствуйте! Прошу принять возврат по заказу 12345.')).toBe('ru');
  });

  it('reads English text as en', () => {
    expect(detectLanguage('Hello, please find my return application attached.')).toBe('en');
  });

  it('keeps Russian when it is mixed with Latin addresses and SKUs', () => {
    expect(detectLanguage('Возврат: SKU ABC-123-XL, ivan.petrov@example.ru, заказ SHOP-2025-0042')).toBe('ru');
  });

  it('reads English with a Russian name in it as en', () => {
    expect(detectLanguage('Hello, my name is Иван. I would like to return the skirt from order 12345, it does not fit.')).toBe('en');
  });

  it('falls back when there are no letters', () => {
    expect(detectLanguage('12345 / 2025-03-01')).toBe('ru');
    expect(detectLanguage('', 'en')).toBe('en');
  });
});
