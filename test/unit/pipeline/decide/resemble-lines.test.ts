import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../src/domain/application.ts';
import type { OrderLine } from '../../../../src/domain/order.ts';
import { digitResemblance, resembleLines } from '../../../../src/pipeline/decide/resemble-lines.ts';

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

  it('a price or size with most digits in place leans towards its line, never as an agreement (our form by hand, ourform-03 scan)', () => {
    const item = doubtful({ sku: 'LV-cA-sar-', name: 'Челси Myc hue «слюне', size: 'TD', price: '7440.00' });
    expect(resembleLines([item], [0], lines, new Set())).toEqual([expect.objectContaining({ item: 0, line: 2, strong: false, agreed: [] })]);
    // The price alone, every digit but one in place, is not enough to place a line.
    expect(resembleLines([doubtful({ price: '7440.00' })], [0], lines, new Set())).toEqual([]);
  });

  it('places again among the lines left once a line is placed: the size misread as another line\'s no longer holds it back', () => {
    const items = [
      doubtful({ sku: 'PVG-112-05', name: '“Уи оси', size: '45', price: '6240.00' }),
      doubtful({ sku: 'LV-cA-sar-', name: 'Челси Myc hue «слюне', size: 'TD', price: '7440.00' }),
    ];
    expect(resembleLines(items, [0, 1], lines, new Set()).map((r) => [r.item, r.line])).toEqual([
      [1, 2],
      [0, 0],
    ]);
  });
});

describe('digitResemblance', () => {
  it('is the share of the known number\'s digits read in place, a dropped digit shifting the rest', () => {
    expect(digitResemblance('7440', '7490')).toBe(0.75);
    expect(digitResemblance('1090', '10190')).toBe(0.8);
    expect(digitResemblance('TD', '45')).toBe(0);
    expect(digitResemblance('4', '4')).toBe(0);
  });
});
