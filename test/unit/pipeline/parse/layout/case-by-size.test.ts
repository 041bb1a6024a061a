import { describe, expect, it } from 'vitest';
import type { PositionedWord } from '../../../../../src/domain/document.ts';
import { caseBySize } from '../../../../../src/pipeline/parse/layout/case-by-size.ts';

/** A word whose box stands `top`…`bottom`; confidence below 1 is OCR's. */
const word = (text: string, x0: number, top: number, bottom: number, confidence = 0.9): PositionedWord => ({ text, confidence, x0, y0: top, x1: x0 + 20 * text.length, y1: bottom });

describe('caseBySize', () => {
  it('makes capitals no taller than the small letters beside them lower case, and Latin ones Cyrillic', () => {
    // "Шапка" stands 28 px (a capital), "вязаная" 21 px (small letters alone).
    const row = [word('Шапка', 0, 100, 128), word('вязаная', 150, 107, 128), word('с', 320, 107, 128), word('ПОМПОНОМ', 350, 107, 128)];
    expect(caseBySize(row).map((w) => w.text)).toEqual(['Шапка', 'вязаная', 'с', 'помпоном']);
    // The wrapped end of the cell, alone on its row: the small letters just above it, over it or close aside.
    const wrapped = [word('вязаная', 0, 107, 128), word('NOMNOHOM', 0, 140, 161)];
    expect(caseBySize(wrapped).map((w) => w.text)).toEqual(['вязаная', 'помпоном']);
  });

  it('leaves capitals that stand as tall as capitals, words with nothing to compare, and a text layer alone', () => {
    const row = [word('ООО', 0, 100, 128), word('вязаная', 150, 107, 128), word('XXL', 400, 100, 128)];
    expect(caseBySize(row).map((w) => w.text)).toEqual(['ООО', 'вязаная', 'XXL']);
    expect(caseBySize([word('ПОМПОНОМ', 0, 107, 128)]).map((w) => w.text)).toEqual(['ПОМПОНОМ']);
    const typed = [word('вязаная', 0, 107, 128, 1), word('ПОМПОНОМ', 200, 107, 128, 1)];
    expect(caseBySize(typed)).toEqual(typed);
    // "ИП" is too short to tell.
    expect(caseBySize([word('ИП', 0, 107, 128), word('вязаная', 100, 107, 128)]).map((w) => w.text)).toEqual(['ИП', 'вязаная']);
  });
});
