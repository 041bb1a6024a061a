// Rules are erased; solid bands stay; a label whose blurred letters run together into a band as long as a rule is not.
import { describe, expect, it } from 'vitest';
import { removeRuleLines } from '../../../../src/adapters/images/remove-rule-lines.ts';

const W = 2480;
const H = 3508;

function page(): Uint8Array {
  return new Uint8Array(W * H).fill(235);
}

function fill(img: Uint8Array, x0: number, y0: number, x1: number, y1: number, value: number): void {
  for (let y = y0; y < y1; y++) img.fill(value, y * W + x0, y * W + x1);
}

const at = (img: Uint8Array, x: number, y: number) => img[y * W + x]!;

describe('removeRuleLines', () => {
  it('erases a thin horizontal rule and a thin vertical one', () => {
    const img = page();
    fill(img, 100, 100, 1500, 103, 90);
    fill(img, 1800, 50, 1803, 550, 90);
    const out = removeRuleLines(img, W, H);
    expect(at(out, 800, 101)).toBe(255);
    expect(at(out, 1801, 300)).toBe(255);
  });

  it('keeps a line of blurred text whose letters run together for longer than a rule', () => {
    const img = page();
    // 22 px tall (the x-height of 10 pt text at 300 dpi), 400 px long, dark all the way through.
    fill(img, 200, 300, 600, 322, 110);
    const out = removeRuleLines(img, W, H);
    expect(at(out, 400, 311)).toBe(110);
  });

  it('still erases a rule where text touches it along a short stretch', () => {
    const img = page();
    fill(img, 100, 400, 1500, 403, 90);
    // A descender row sitting on the rule for 100 of its 1400 px.
    fill(img, 300, 380, 400, 400, 90);
    const out = removeRuleLines(img, W, H);
    expect(at(out, 1000, 401)).toBe(255);
  });

  it('keeps a solid heading band, whose white-on-black heading Tesseract reads', () => {
    const img = page();
    fill(img, 100, 200, 2300, 250, 20);
    const out = removeRuleLines(img, W, H);
    expect(at(out, 1000, 225)).toBe(20);
  });
});
