import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { shippedDigitClassifier } from '../../../../../src/adapters/documents/digits/classify-digit-cell.ts';
import { DIGIT_SIDE, inkOf, normaliseDigit } from '../../../../../src/adapters/documents/digits/normalise-digit.ts';
import type { GreyImage } from '../../../../../src/adapters/images/warp-region.ts';

const require = createRequire(import.meta.url);
const PIXELS = DIGIT_SIDE * DIGIT_SIDE;
/** scripts/train-digit-model.ts holds out the last tenth of each digit's samples: these were never trained on. */
const HELD_OUT_SHARE = 0.1;

function heldOut(digit: number, count: number): Float32Array[] {
  const data: number[] = require(`mnist/src/digits/${digit}.json`).data;
  const n = Math.floor(data.length / PIXELS);
  return Array.from({ length: count }, (_, k) => Float32Array.from(data.slice((n - 1 - k) * PIXELS, (n - k) * PIXELS)));
}

/** An MNIST digit as a comb cell's crop would show it: dark ink on white paper, larger, off-centre, in a cell. */
function asCell(mnist: Float32Array, scale = 2, offset = { x: 6, y: 10 }): GreyImage {
  const [width, height] = [54, 70];
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < DIGIT_SIDE * scale; y++) {
    for (let x = 0; x < DIGIT_SIDE * scale; x++) {
      const [u, v] = [x + offset.x - 4, y + offset.y - 6];
      if (u < 0 || v < 0 || u >= width || v >= height) continue;
      data[v * width + u] = Math.round(255 * (1 - mnist[Math.floor(y / scale) * DIGIT_SIDE + Math.floor(x / scale)]!));
    }
  }
  return { width, height, data };
}

const best = (p: Float32Array) => p.indexOf(Math.max(...p));

describe('digit cell classifier', () => {
  const classify = shippedDigitClassifier();

  it('reads MNIST digits it was not trained on, drawn as cells', () => {
    let right = 0;
    for (let digit = 0; digit < 10; digit++) for (const image of heldOut(digit, 20)) if (best(classify(asCell(image))!) === digit) right++;
    // The held-out tenth reads at ~98 % as 28×28 images; as cells (scaled, moved) it must stay close.
    expect(right).toBeGreaterThanOrEqual(190);
  });

  it('gives a blank cell, or one with a speck of dust, no digit at all', () => {
    const blank: GreyImage = { width: 54, height: 70, data: new Uint8Array(54 * 70).fill(255) };
    expect(classify(blank)).toBeUndefined();
    const faint = { ...blank, data: blank.data.map((v, i) => (i === 1000 ? 200 : v)) };
    expect(classify(faint)).toBeUndefined();
  });

  it('normalises a digit the same wherever and however large it sits in its cell', () => {
    const image = heldOut(3, 1)[0]!;
    const a = normaliseDigit(inkOf(asCell(image, 2, { x: 4, y: 6 })))!;
    const b = normaliseDigit(inkOf(asCell(image, 1, { x: 20, y: 30 })))!;
    // Centre of mass in the middle, as MNIST has it.
    let [sum, sx, sy] = [0, 0, 0];
    a.forEach((v, i) => ((sum += v), (sx += (i % DIGIT_SIDE) * v), (sy += Math.floor(i / DIGIT_SIDE) * v)));
    expect(Math.abs(sx / sum - 13.5)).toBeLessThan(1.5);
    expect(Math.abs(sy / sum - 13.5)).toBeLessThan(1.5);
    const difference = a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.reduce((s, v) => s + v, 0);
    expect(difference).toBeLessThan(0.35);
  });
});
