import { describe, expect, it } from 'vitest';
import { removeSpecks } from '../../../../src/adapters/images/remove-specks.ts';

const OPTIONS = { ink: 170, maxArea: 25, clearance: 18 };

/** A white w × h crop with black rectangles [x, y, width, height]. */
function crop(w: number, h: number, rects: Array<[number, number, number, number]>): Uint8Array {
  const img = new Uint8Array(w * h).fill(255);
  for (const [x0, y0, rw, rh] of rects) for (let y = y0; y < y0 + rh; y++) img.fill(0, y * w + x0, y * w + x0 + rw);
  return img;
}

const inkAt = (img: Uint8Array, w: number, x: number, y: number) => img[y * w + x]! < 170;

describe('removeSpecks', () => {
  it('rule-stub-widens-word-box: erases a lone speck between two cells', () => {
    const img = crop(300, 80, [[20, 20, 6, 40], [150, 40, 3, 3], [250, 20, 6, 40]]);
    const out = removeSpecks(img, 300, 80, OPTIONS);
    expect(inkAt(out, 300, 151, 41)).toBe(false);
    expect(inkAt(out, 300, 22, 30)).toBe(true);
    expect(inkAt(out, 300, 252, 30)).toBe(true);
  });

  it('keeps the dots of ё above their letter and small strokes that are letters', () => {
    // An "ё": a body with two dots 6 px above it.
    const img = crop(200, 80, [[50, 30, 20, 30], [52, 20, 3, 3], [63, 20, 3, 3], [120, 55, 4, 4]]);
    const out = removeSpecks(img, 200, 80, OPTIONS);
    expect(inkAt(out, 200, 53, 21)).toBe(true);
    expect(inkAt(out, 200, 64, 21)).toBe(true);
    // A full stop 4 × 4 = 16 px but far from everything is a speck as far as a crop can tell.
    expect(inkAt(out, 200, 121, 56)).toBe(false);
  });
});
