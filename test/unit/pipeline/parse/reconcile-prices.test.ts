// Prices are chosen so the items add up to the printed total, only when exactly one cheapest choice does.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';
import { reconcilePrices } from '../../../../src/pipeline/parse/reconcile-prices.ts';
import { makeDocument } from './make-document.ts';

const ocr = (price: string, quantity = 1, lineTotal?: string) => ({ price, quantity, ocr: true, ...(lineTotal ? { lineTotal } : {}) });

describe('reconcilePrices', () => {
  it('confirms prices that add up to the total', () => {
    expect(reconcilePrices([ocr('1500.00'), ocr('990.00', 2)], '3480.00')).toEqual([
      { price: '1500.00', how: 'confirmed' },
      { price: '990.00', how: 'confirmed' },
    ]);
  });

  it('does not take one OCR row equal to its total as proof: the same digits misread the same way', () => {
    expect(reconcilePrices([ocr('5550.00', 1, '5550.00')], '5550.00')).toEqual([{ price: '5550.00', how: 'unproven' }]);
  });

  it('mends look-alike digits misread in both cells of a row, and in one cell of another, from the total', () => {
    const rows = [ocr('5999.00', 1, '5999.00'), ocr('5599.09', 1, '5599.00'), ocr('6090.00', 2, '12180.00')];
    expect(reconcilePrices(rows, '21578.00')).toEqual([
      { price: '3999.00', how: 'by_total' },
      { price: '5399.00', how: 'by_total' },
      { price: '6090.00', how: 'confirmed' },
    ]);
  });

  it('drops a doubled digit when that alone makes the total', () => {
    expect(reconcilePrices([ocr('1990.00'), ocr('27750.00')], '4740.00')).toEqual([
      { price: '1990.00', how: 'confirmed' },
      { price: '2750.00', how: 'by_total' },
    ]);
  });

  it('changes nothing when two different choices make the total equally well', () => {
    // 3→5 in either row makes the total; nothing says which.
    expect(reconcilePrices([ocr('1300.00'), ocr('1300.00')], '2800.00')).toEqual([
      { price: '1300.00', how: 'as_read' },
      { price: '1300.00', how: 'as_read' },
    ]);
  });

  it('does not second-guess text-layer prices, and leaves rows alone without a total', () => {
    expect(reconcilePrices([{ price: '1300.00', quantity: 1, ocr: false }, ocr('1500.00')], '3000.00')).toEqual([
      { price: '1300.00', how: 'as_read' },
      { price: '1500.00', how: 'as_read' },
    ]);
    expect(reconcilePrices([ocr('1300.00')], undefined)).toEqual([{ price: '1300.00', how: 'as_read' }]);
  });

  it('gives up on a row without a price', () => {
    expect(reconcilePrices([{ quantity: 1, ocr: true }], '100.00')).toBeUndefined();
  });
});

describe('a count left unread', () => {
  it('is the line total over the unit price, and not confident', () => {
    const text = [
      'Номер заказа: 4821-5567',
      'Артикул | Наименование | Кол-во | Цена | Сумма',
      'AB-123 | Джинсы прямые |  | 2 000,00 | 4 000,00',
      'CD-456 | Ремень кожаный | 1 | 1 500,00 | 1 500,00',
    ].join('\n');
    const items = parseDocument(makeDocument(text)).items;
    expect(items.map((i) => i.quantity?.value)).toEqual(['2', '1']);
    expect(items[0]!.quantity!.confidence).toBeLessThan(0.9);
  });
});

describe('one OCR\'d row equal to its total', () => {
  it('is neither confirmed nor flagged as not adding up', () => {
    const text = ['Номер заказа: 4821-5567', 'Артикул | Наименование | Кол-во | Цена | Сумма', 'AB-123 | Джинсы прямые | 1 | 2 000,00 | 2 000,00', 'Итого: 2 000,00'];
    const r = parseDocument(makeDocument(text.map((t): [string, number] => [t, 0.95]), 'ocr'));
    expect(r.problems.filter((p) => p.field === 'items')).toEqual([]);
    expect(r.items[0]!.price!.confidence).toBeGreaterThan(0.6);
    expect(r.items[0]!.price!.confidence).toBeLessThan(0.9);
  });
});
