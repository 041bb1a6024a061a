import { describe, expect, it } from 'vitest';
import { findUnreadInk } from '../../../../src/adapters/images/find-unread-ink.ts';
import type { GreyImage } from '../../../../src/adapters/images/warp-region.ts';

/** A white page with "print": vertical strokes 3 px wide every 7 px, like letters on a line. */
function page(prints: Array<{ x: number; y: number; w: number; h: number; solid?: boolean }>): GreyImage {
  const width = 600;
  const height = 300;
  const data = new Uint8Array(width * height).fill(255);
  for (const p of prints) {
    for (let y = p.y; y < p.y + p.h; y++) for (let x = p.x; x < p.x + p.w; x++) if (p.solid || (x - p.x) % 7 < 3) data[y * width + x] = 20;
  }
  return { data, width, height };
}

describe('findUnreadInk', () => {
  it('finds a line of print that no word covers, and not the one a word covers', () => {
    const img = page([
      { x: 100, y: 60, w: 160, h: 30 },
      { x: 100, y: 160, w: 160, h: 30 },
    ]);
    const regions = findUnreadInk(img, [{ x0: 98, y0: 158, x1: 262, y1: 192 }]);
    expect(regions).toHaveLength(1);
    const [r] = regions;
    expect(r!.x0).toBeLessThanOrEqual(100);
    expect(r!.x1).toBeGreaterThanOrEqual(258);
    expect(r!.y0).toBeLessThanOrEqual(60);
    expect(r!.y1).toBeGreaterThanOrEqual(89);
  });

  it('leaves out what is not shaped like print: a solid blob, a speck, a tall mark', () => {
    const img = page([
      { x: 100, y: 60, w: 120, h: 40, solid: true },
      { x: 300, y: 60, w: 6, h: 6, solid: true },
      { x: 400, y: 40, w: 40, h: 200 },
    ]);
    expect(findUnreadInk(img, [])).toEqual([]);
  });
});
