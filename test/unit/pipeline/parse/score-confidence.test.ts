import { describe, expect, it } from 'vitest';
import { scoreConfidence, type Evidence } from '../../../../src/pipeline/parse/score-confidence.ts';

const base: Evidence = { source: 'ocr', lineConfidence: 0.95, strict: true, fixes: 0, check: 'none' };

describe('scoreConfidence', () => {
  it.each<[string, Partial<Evidence>, (c: number) => boolean]>([
    ['text layer, strict, no check', { source: 'text', lineConfidence: 1 }, (c) => c >= 0.95],
    ['form field', { source: 'form', lineConfidence: 1 }, (c) => c === 1],
    ['text layer, checksum passed', { source: 'text', lineConfidence: 1, check: 'passed' }, (c) => c >= 0.95],
    ['text layer, checksum failed', { source: 'text', lineConfidence: 1, check: 'failed' }, (c) => c <= 0.3],
    ['OCR, perfect line, unchecked', { lineConfidence: 1 }, (c) => c < 0.9],
    ['OCR, checksum passed', { check: 'passed' }, (c) => c >= 0.95],
    ['OCR, checksum passed after two fixes', { check: 'passed', fixes: 2 }, (c) => c >= 0.9],
    ['OCR, checksum passed on a terrible line', { check: 'passed', lineConfidence: 0.3 }, (c) => c < 0.9],
    // A harsh photo: the row beside a bank account holds junk (0.28), the account's own word reads as print (0.91).
    ['OCR, checksum passed, the value\'s own words clear on a junk row', { check: 'passed', lineConfidence: 0.28, valueConfidence: 0.91 }, (c) => c >= 0.95],
    ['OCR, checksum passed, the value\'s own words garbled too', { check: 'passed', lineConfidence: 0.28, valueConfidence: 0.4 }, (c) => c < 0.9],
    ['OCR, unchecked, the value\'s own words clear on a junk row', { lineConfidence: 0.28, valueConfidence: 0.99 }, (c) => c < 0.6],
    ['OCR, one fix', { fixes: 1 }, (c) => c < 0.85],
    ['OCR, ambiguous', { ambiguous: true }, (c) => c < 0.6],
    ['OCR, weak line', { lineConfidence: 0.5 }, (c) => c < 0.6],
    ['text layer with a correction', { source: 'text', lineConfidence: 1, fixes: 1 }, (c) => c <= 0.85],
    ['capped from outside', { source: 'text', lineConfidence: 1, cap: 0.5 }, (c) => c === 0.5],
  ])('%s', (_name, over, ok) => {
    const c = scoreConfidence({ ...base, ...over });
    expect(ok(c), String(c)).toBe(true);
  });

  it('never rises with more fixes or a worse line', () => {
    let last = 1;
    for (let fixes = 0; fixes < 5; fixes += 1) {
      const c = scoreConfidence({ ...base, fixes });
      expect(c).toBeLessThanOrEqual(last);
      last = c;
    }
    last = 1;
    for (let line = 1; line >= 0; line -= 0.1) {
      const c = scoreConfidence({ ...base, lineConfidence: line });
      expect(c).toBeLessThanOrEqual(last);
      last = c;
    }
  });
});

describe('exact characters whose control key holds', () => {
  it('are confident however loosely their label matched; not when they had to be corrected', () => {
    const loose: Evidence = { source: 'text', lineConfidence: 1, strict: false, fixes: 0, check: 'none', weak: true };
    expect(scoreConfidence(loose)).toBeLessThan(0.9);
    expect(scoreConfidence({ ...loose, check: 'passed' })).toBeGreaterThanOrEqual(0.95);
    expect(scoreConfidence({ ...loose, check: 'passed', fixes: 1 })).toBeLessThan(0.9);
  });
});
