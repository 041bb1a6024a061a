import { describe, expect, it } from 'vitest';
import type { CellLine } from '../../../../../src/adapters/documents/checked-comb-value.ts';
import { DISAGREEMENT_CONFIDENCE } from '../../../../../src/adapters/documents/digits/combine-digit-readings.ts';
import { withSecondReader } from '../../../../../src/adapters/documents/digits/with-second-reader.ts';
import type { OcrOutcome } from '../../../../../src/adapters/ocr/ocr-engine.ts';

const cell = { data: new Uint8Array(48 * 60).fill(255), width: 48, height: 60 };
const read = (text: string, confidence: number): OcrOutcome => ({ status: 'done', page: { page: 1, lines: text ? [{ text, confidence }] : [] } });
const sure = (digit: number) => () => Float32Array.from({ length: 10 }, (_, d) => (d === digit ? 0.99 : 0.01 / 9));
const line = (o: OcrOutcome) => (o.status === 'done' ? (o.page.lines[0] as CellLine) : undefined);

describe('a digit cell read by Tesseract and the classifier', () => {
  it('keeps Tesseract\'s confidence where both read the same digit, a letter it looks like included', () => {
    expect(line(withSecondReader(read('4', 0.92), cell, sure(4)))).toMatchObject({ text: '4', confidence: 0.92 });
    expect(line(withSecondReader(read('З', 0.8), cell, sure(3)))).toMatchObject({ text: '3', confidence: 0.8 });
  });

  it('is unsure of a digit the two read differently, and keeps the other as an alternative', () => {
    const joined = line(withSecondReader(read('1', 0.95), cell, sure(7)))!;
    expect(joined.confidence).toBeLessThanOrEqual(0.5);
    expect(joined.alternatives!.slice(0, 2).map((a) => a.digit).sort()).toEqual(['1', '7']);
  });

  it('reads a cell Tesseract found nothing in by the classifier, never as a sure digit', () => {
    const joined = line(withSecondReader(read('', 0), cell, sure(8)))!;
    expect(joined.text).toBe('8');
    expect(joined.confidence).toBeLessThanOrEqual(DISAGREEMENT_CONFIDENCE);
  });

  it('leaves a blank cell and a failed reading as they were', () => {
    const blank = read('5', 0.9);
    expect(withSecondReader(blank, cell, () => undefined)).toBe(blank);
    const timeout: OcrOutcome = { status: 'timeout', seconds: 1 };
    expect(withSecondReader(timeout, cell, sure(1))).toBe(timeout);
  });
});
