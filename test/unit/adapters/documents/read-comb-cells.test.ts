import { describe, expect, it } from 'vitest';
import { FORM_FIELDS, quantityComb, type Comb } from '../../../../src/domain/application-form.ts';
import { clearCellWalls, combValue, padCell, separatorMark, writableCells } from '../../../../src/adapters/documents/read-comb-cells.ts';
import type { GreyImage } from '../../../../src/adapters/images/warp-region.ts';

const field = (key: string): Comb => {
  const found = FORM_FIELDS.find((f) => f.key === key)!;
  return { ...found, comb: found.comb! };
};
const read = (entries: Array<[number, string | undefined]>, confidence = 0.9) =>
  new Map(entries.map(([i, text]) => [i, text === undefined ? undefined : { text, confidence }]));

/** A cell crop: white, with black pixels where `ink` says. */
function crop(width: number, height: number, ink: (x: number, y: number) => boolean): GreyImage {
  const data = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (ink(x, y)) data[y * width + x] = 0;
  return { width, height, data };
}
const darkAt = (img: GreyImage, x: number, y: number) => img.data[y * img.width + x]! < 170;

describe('comb cells', () => {
  it('puts a date\'s printed dots back between its written digits', () => {
    const date = field('receivedDate');
    expect(writableCells(date)).toEqual([0, 1, 3, 4, 6, 7, 8, 9]);
    const cells = read([[0, '1'], [1, '5'], [3, '0'], [4, '1'], [6, '2'], [7, '0'], [8, '2'], [9, '6']]);
    expect(combValue(date, cells)).toEqual({ text: '15.01.2026', confidence: 0.9 });
  });

  it('reads a letter a handwritten digit looks like as that digit in a digits-only cell, but not in the order number', () => {
    // A letter no digit looks like is no digit: the cell counts as unread, and the value as unsure.
    expect(combValue(field('cardLast4'), read([[0, 'O'], [1, '3'], [2, 'З'], [3, 'ж']]))).toEqual({ text: '033', confidence: 0 });
    expect(combValue(field('cardLast4'), read([[0, 'O'], [1, '3'], [2, 'З'], [3, '4']]))?.text).toBe('0334');
    expect(combValue(field('orderNumber'), read([[0, 'L'], [1, 'H'], [2, '-'], [3, '7']]))?.text).toBe('LH-7');
  });

  it('reads a count in the quantity cells of a table row as digits', () => {
    expect(combValue(quantityComb(0), read([[0, '1'], [1, undefined]]))?.text).toBe('1');
    expect(combValue(quantityComb(4), read([[0, 'I'], [1, 'O']]))?.text).toBe('10');
    // A curved handwritten 1 comes back as a bracket (devset: a cursive hand on our form).
    expect(combValue(quantityComb(1), read([[0, '(']]))?.text).toBe('1');
    expect(combValue(field('orderNumber'), read([[0, '('], [1, '7']]))?.text).toBe('7');
  });

  it('ends the value at the last written cell, and is as sure as its least sure cell', () => {
    const cells = new Map([[0, { text: '4', confidence: 0.95 }], [1, { text: '2', confidence: 0.4 }], [2, undefined], [3, undefined]]);
    expect(combValue(field('cardLast4'), cells)).toEqual({ text: '42', confidence: 0.4 });
    expect(combValue(field('phone'), read([]))).toBeUndefined();
  });

  it('clears a cell wall left at the crop\'s edge, but not the sides of a handwritten 0', () => {
    const wall = crop(50, 60, (x) => x === 0 || x === 1);
    expect(darkAt(clearCellWalls(wall), 0, 30)).toBe(false);
    // An ellipse touching the left edge: its side is dark over part of the height only.
    const zero = crop(50, 60, (x, y) => Math.abs(((x - 24) / 23) ** 2 + ((y - 30) / 22) ** 2 - 1) < 0.12);
    expect(darkAt(clearCellWalls(zero), 1, 30)).toBe(true);
  });

  it('pads a crop with white on every side', () => {
    const padded = padCell(crop(10, 10, () => true));
    expect(padded.width).toBeGreaterThan(10);
    expect(darkAt(padded, 0, 0)).toBe(false);
    expect(darkAt(padded, padded.width / 2, padded.height / 2)).toBe(true);
  });

  it('tells a dash and a slash by their shape, and takes an upright stroke (a 1) for neither', () => {
    expect(separatorMark(crop(50, 60, (x, y) => x > 12 && x < 38 && y > 28 && y < 33))).toBe('-');
    expect(separatorMark(crop(50, 60, (x, y) => Math.abs(x - (40 - (y * 30) / 60)) < 2.5))).toBe('/');
    expect(separatorMark(crop(50, 60, (x, y) => Math.abs(x - 25) < 3 && y > 5 && y < 55))).toBeUndefined();
    expect(separatorMark(crop(50, 60, () => false))).toBeUndefined();
  });
});
