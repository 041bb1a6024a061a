import { describe, expect, it } from 'vitest';
import { combineDigitReadings, DISAGREEMENT_CONFIDENCE } from '../../../../../src/adapters/documents/digits/combine-digit-readings.ts';

/** Classifier probabilities: `digit` at `p`, the rest shared evenly. */
function sure(digit: number, p: number): Float32Array {
  return Float32Array.from({ length: 10 }, (_, d) => (d === digit ? p : (1 - p) / 9));
}

describe('combining Tesseract and the digit classifier', () => {
  it('keeps Tesseract\'s confidence where the two agree', () => {
    const joint = combineDigitReadings({ digit: '4', confidence: 0.93 }, sure(4, 0.99));
    expect(joint.digit).toBe('4');
    expect(joint.confidence).toBe(0.93);
  });

  it('lets a confident Tesseract keep a flagged 1 the classifier takes for a 7, but not confidently', () => {
    const joint = combineDigitReadings({ digit: '1', confidence: 0.95 }, sure(7, 0.99));
    expect(joint.digit).toBe('1');
    expect(joint.confidence).toBeLessThanOrEqual(DISAGREEMENT_CONFIDENCE);
    expect(joint.alternatives.map((a) => a.digit).slice(0, 2)).toEqual(['1', '7']);
  });

  it('takes the classifier\'s digit over a doubtful Tesseract, and never as a sure one', () => {
    const joint = combineDigitReadings({ digit: '5', confidence: 0.45 }, sure(3, 0.98));
    expect(joint.digit).toBe('3');
    expect(joint.confidence).toBeLessThanOrEqual(DISAGREEMENT_CONFIDENCE);
  });

  it('reads a cell Tesseract read as no digit by the classifier alone, with doubt', () => {
    const joint = combineDigitReadings({ digit: undefined, confidence: 0.9 }, sure(8, 0.97));
    expect(joint.digit).toBe('8');
    expect(joint.confidence).toBeLessThanOrEqual(DISAGREEMENT_CONFIDENCE);
  });

  it('lists every digit once, most likely first, the probabilities summing to one', () => {
    const { alternatives } = combineDigitReadings({ digit: '2', confidence: 0.7 }, sure(2, 0.6));
    expect(new Set(alternatives.map((a) => a.digit)).size).toBe(10);
    expect(alternatives.reduce((s, a) => s + a.probability, 0)).toBeCloseTo(1, 5);
    expect(alternatives.every((a, i) => i === 0 || a.probability <= alternatives[i - 1]!.probability)).toBe(true);
  });
});
