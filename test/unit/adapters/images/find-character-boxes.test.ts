import { describe, expect, it } from 'vitest';
import { findCharacterBoxes } from '../../../../src/adapters/images/find-character-boxes.ts';
import type { GreyImage } from '../../../../src/adapters/images/warp-region.ts';

function blank(width: number, height: number): GreyImage {
  return { data: new Uint8Array(width * height).fill(255), width, height };
}
function fill(page: GreyImage, x0: number, y0: number, x1: number, y1: number, ink = 20): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) page.data[y * page.width + x] = ink;
}
function frame(page: GreyImage, x0: number, y0: number, w: number, h: number, wall = 4): void {
  fill(page, x0, y0, x0 + w, y0 + wall);
  fill(page, x0, y0 + h - wall, x0 + w, y0 + h);
  fill(page, x0, y0, x0 + wall, y0 + h);
  fill(page, x0 + w - wall, y0, x0 + w, y0 + h);
}

describe('findCharacterBoxes', () => {
  it('finds a code box and a card group box, with their insides clear of the walls', () => {
    const page = blank(900, 500);
    frame(page, 100, 100, 100, 100);
    fill(page, 145, 120, 155, 180, 90); // a pen's "1" inside
    frame(page, 300, 110, 220, 80);
    const boxes = findCharacterBoxes(page);
    expect(boxes.map((b) => b.outer)).toEqual([
      { x0: 100, y0: 100, x1: 199, y1: 199 },
      { x0: 300, y0: 110, x1: 519, y1: 189 },
    ]);
    const inner = boxes[0]!.inner;
    expect(inner.x0).toBeGreaterThanOrEqual(104);
    expect(inner.x1).toBeLessThanOrEqual(195);
    expect(inner.x0).toBeLessThan(145);
    expect(inner.x1).toBeGreaterThan(155);
  });

  it('takes no table grid, filled block, open bracket or ring for a box', () => {
    const page = blank(1200, 700);
    // A table: one run of ink far larger than a box.
    for (let k = 0; k <= 4; k++) fill(page, 50, 50 + k * 100, 1150, 54 + k * 100);
    for (let k = 0; k <= 5; k++) fill(page, 50 + k * 220, 50, 54 + k * 220, 454);
    fill(page, 100, 500, 180, 580); // a filled square
    fill(page, 300, 500, 304, 600); // "[": three sides only
    fill(page, 300, 500, 380, 504);
    fill(page, 300, 596, 380, 600);
    // A ring: round, so no side is inked along its length.
    for (let a = 0; a < 720; a++) {
      const x = Math.round(550 + 45 * Math.cos((a * Math.PI) / 360));
      const y = Math.round(550 + 45 * Math.sin((a * Math.PI) / 360));
      fill(page, x - 2, y - 2, x + 2, y + 2);
    }
    expect(findCharacterBoxes(page)).toEqual([]);
  });
});
