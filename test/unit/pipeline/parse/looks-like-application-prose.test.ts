// Regression: e-mails that merely talk about an application ("прикладываю заявление на возврат …",
// "хочу вернуть, заказ …") were taken for applications, so customers got "we are reviewing it" instead of
// the blank form.
import { describe, expect, it } from 'vitest';
import { bodyDocument } from '../../../../src/pipeline/extract/body-document.ts';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';

const parse = (text: string) => parseDocument(bodyDocument(text), { today: '2025-03-12' });

describe('looksLikeApplication on prose', () => {
  it('a sentence naming the application is not its title', () => {
    expect(parse('Здравствуйте, прикладываю заявление на возврат худи по заказу 4828-1175.').isApplication).toBe(false);
  });

  it('a request with only an order number and a reason is not an application yet', () => {
    expect(parse('Добрый день! Хочу вернуть платье из заказа 4826-3358, не подошёл размер.').isApplication).toBe(false);
  });

  it('a heading line is still a title', () => {
    expect(parse('ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА\nНомер заказа: 4821-5567').isApplication).toBe(true);
  });

  it('a request in prose with the details a clerk needs is an application', () => {
    const text = [
      'Прошу принять возврат по заказу № 4821-5567.',
      'ФИО: Ковалёва Анна Сергеевна',
      'Дата получения: 05.03.2025',
      'Причина: не подошёл размер',
      'Последние 4 цифры карты: 4242',
    ].join('\n');
    expect(parse(text).isApplication).toBe(true);
  });
});
