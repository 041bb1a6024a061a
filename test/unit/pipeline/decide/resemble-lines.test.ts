import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../src/domain/application.ts';
import type { OrderLine } from '../../../../src/domain/order.ts';
import { resembleLines } from '../../../../src/pipeline/decide/resemble-lines.ts';

const line = (sku: string, name: string, size: string, unitPrice: number): OrderLine => ({ sku, name, size, quantity: 1, unitPrice, madeToOrder: false });
const lines = [
  line('SV-UG-112-05', 'Угги женские', '43', 659000),
  line('SV-B-948', 'Ботинки зимние мужские', '37', 1019000),
  line('SV-CH-841-11', 'Челси мужские кожаные', '45', 749000),
];
const doubtful = (values: Record<string, string>): Item => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, confidence: 0.5 }]));

describe('resembleLines', () => {
  it('places handwriting read with doubt on the line it clearly resembles (devset cardform-03, scan)', () => {
    const items = [doubtful({ sku: 'OV-VG-12-05', name: '“Уи АСИ', size: '43', price: '6540.00' }), doubtful({ sku: 'QV-CH-S4R-L', size: '45', price: '7490.00' })];
    expect(resembleLines(items, [0, 1], lines, new Set())).toEqual([
      // Two symbols of the SKU off and the price misread: only the size agrees outright, so the placing is weak.
      expect.objectContaining({ item: 0, line: 0, strong: false }),
      expect.objectContaining({ item: 1, line: 2, strong: true }),
    ]);
  });

  it('leaves a line unplaced when two order lines resemble it about as much', () => {
    const twins = [line('KP-KR-177', 'Куртка утеплённая', '98', 570000), line('KP-KR-178', 'Куртка утеплённая', '104', 570000)];
    expect(resembleLines([doubtful({ name: 'KypTka утеплённая' })], [0], twins, new Set())).toEqual([]);
  });

  it('does not place a line on one already taken, nor on garbage', () => {
    const items = [doubtful({ sku: 'OV-VG-12-05', size: '43', price: '6590.00' }), doubtful({ name: 'fw HMRC Ke' })];
    expect(resembleLines(items, [0, 1], lines, new Set([0]))).toEqual([]);
  });

  it('places no two items on one line', () => {
    const items = [doubtful({ size: '43', price: '6590.00' }), doubtful({ size: '43', price: '6590.00' })];
    expect(resembleLines(items, [0, 1], lines, new Set())).toEqual([]);
  });
});
