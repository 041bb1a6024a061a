import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../src/domain/application.ts';
import type { OrderLine } from '../../../../src/domain/order.ts';
import { matchLines, sharedWords } from '../../../../src/pipeline/decide/match-lines.ts';

const line = (sku: string, name: string, size: string | undefined, unitPrice: number, quantity = 1): OrderLine => ({
  sku, name, ...(size ? { size } : {}), quantity, unitPrice, madeToOrder: false,
});
const lines = [
  line('KP-SH-877', 'Шапка вязаная с помпоном', '48-50', 109000),
  line('KP-BD-491-05', 'Боди с длинным рукавом, 3 шт.', '92', 155090),
  line('KP-KR-177', 'Куртка утеплённая', '98', 570000),
  line('KP-KR-178', 'Куртка утеплённая', '104', 570000),
];
const item = (values: Record<string, string>, confidence = 0.95): Item => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, confidence }]));

describe('matchLines', () => {
  it.each([
    ['the SKU alone', { sku: 'KP-SH-877' }, 0],
    ['a look-alike SKU', { sku: 'КР-ЅН-877'.replace('Ѕ', 'S') }, 0],
    ['the name cut short and the size', { name: 'Боди с длинным рукавом, >', size: '92' }, 1],
    ['the name and the price', { name: 'Шапка вязаная с ПОМПОНОМ', price: '1090.00' }, 0],
    ['a name shared by two lines, told apart by the size', { name: 'Куртка утеплённая', size: '104' }, 3],
  ])('matches a line by %s', (_name, values, expected) => {
    expect(matchLines([item(values)], lines)[0]).toMatchObject({ line: expected });
  });

  it('leaves a line that fits two order lines equally well unmatched, naming both', () => {
    expect(matchLines([item({ name: 'Куртка утеплённая' })], lines)[0]).toMatchObject({ line: null, rivals: [2, 3] });
  });

  it('an SKU that is another product\'s rules the line out, whatever the name says', () => {
    expect(matchLines([item({ sku: 'ZZ-999-99', name: 'Шапка вязаная с помпоном' })], lines)[0]!.line).toBeNull();
  });

  it('a different size rules the line out', () => {
    expect(matchLines([item({ sku: 'KP-SH-877', size: '52' })], lines)[0]!.line).toBeNull();
  });

  it('a line that is no product of the order (a law\'s title read as an item) matches nothing', () => {
    expect(matchLines([item({ name: 'О защите прав потребителей', price: '9000.00' })], lines)[0]!.line).toBeNull();
  });

  it('two form lines cannot both be the same order line', () => {
    const both = matchLines([item({ sku: 'KP-KR-177' }), item({ sku: 'KP-KR-177' })], lines);
    expect(both.map((m) => m.line)).toEqual([null, null]);
  });
});

describe('sharedWords', () => {
  it('counts a last word cut short where the cell ended', () => {
    expect(sharedWords('Корзина плетёная для хран', 'Корзина плетёная для хранения, 30 см')).toBe(1);
  });
});

describe('matchLines: doubtful values', () => {
  it('a doubtful size that disagrees does not rule the line out; the SKU still matches it', () => {
    expect(matchLines([item({ sku: 'KP-SH-877', size: '52' }, 0.6)], lines)[0]!.line).toBe(0);
  });
});
