// Rules are erased, dashed and dotted ones too; solid bands stay; a label whose blurred letters run together into a
// band as long as a rule is not, nor the thin strokes of a line of letters.
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

  it('erases a dashed rule and a dotted leader, which sparse-text OCR reads as lines of letters', () => {
    const img = page();
    // A "cut here" frame's edge: 10 px dashes, 6 px apart, 4 px thick.
    for (let x = 180; x + 10 < 2330; x += 16) fill(img, x, 500, x + 10, 504, 60);
    // A leader to sign on: 4 px dots, 12 px apart.
    for (let x = 300; x + 4 < 1200; x += 12) fill(img, x, 700, x + 4, 704, 60);
    const out = removeRuleLines(img, W, H);
    expect(at(out, 1000, 502)).toBe(255);
    expect(at(out, 180 + 16 * 40 + 5, 502)).toBe(255);
    expect(at(out, 300 + 12 * 30 + 2, 702)).toBe(255);
  });

  it('keeps the thin bars of letters whose ends turn into stems, however regular', () => {
    const img = page();
    // Twenty "з"-like letters: a 3 px bar at mid-height joined at its right end to a 22 px bowl.
    for (let x = 200; x < 200 + 20 * 22; x += 22) {
      fill(img, x, 910, x + 12, 913, 40);
      fill(img, x + 12, 900, x + 15, 922, 40);
    }
    const out = removeRuleLines(img, W, H);
    expect(at(out, 200 + 22 * 10 + 6, 911)).toBe(40);
  });

  it("keeps a row of thin marks of many widths, like the tops of a word's round letters", () => {
    const img = page();
    const widths = [6, 16, 9, 20, 7, 14, 18, 8, 12, 22, 6, 15, 10, 19];
    let x = 400;
    for (const w of widths) {
      fill(img, x, 1200, x + w, 1203, 40);
      x += w + 6;
    }
    const out = removeRuleLines(img, W, H);
    expect(at(out, 403, 1201)).toBe(40);
    expect(at(out, x - 10, 1201)).toBe(40);
  });

  it('maps the pixels it keeps through a tone table in the same pass, and leaves the rules it erases white', () => {
    const img = page();
    fill(img, 100, 100, 1500, 103, 90);
    fill(img, 200, 300, 220, 330, 100);
    const darker = Uint8Array.from({ length: 256 }, (_, v) => (v === 255 ? 255 : Math.floor(v / 2)));
    const out = removeRuleLines(img, W, H, { tone: darker });
    expect(at(out, 800, 101)).toBe(255);
    expect(at(out, 210, 315)).toBe(50);
    expect(at(out, 5, 5)).toBe(117);
  });
});
