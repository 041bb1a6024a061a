import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { darkestBlocks, findTableCandidates, findTableCorners } from '../../../../src/adapters/images/find-table-corners.ts';
import type { GreyImage } from '../../../../src/adapters/images/warp-region.ts';

const SHAPE = { aspect: 180 / 48, minWidthShare: 0.45 };

/** A 1240 × 1754 page with a 900 × 240 ruled table at (170, 600), some text lines, optionally rotated. */
async function page(options: { rotate?: number; background?: string } = {}): Promise<GreyImage> {
  const rows = [0, 40, 80, 120, 160, 200, 240].map((y) => `<line x1="170" y1="${600 + y}" x2="1070" y2="${600 + y}" stroke="black" stroke-width="3"/>`);
  const cols = [170, 320, 620, 720, 800, 930, 1070].map((x) => `<line x1="${x}" y1="600" x2="${x}" y2="840" stroke="black" stroke-width="3"/>`);
  const text = [200, 260, 320, 1000, 1100].map((y) => `<text x="100" y="${y}" font-size="30" font-family="DejaVu Sans">Номер заказа / Order number: 4821-5567</text>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="white"/>${rows.join('')}${cols.join('')}${text.join('')}</svg>`;
  let img = sharp(Buffer.from(svg));
  if (options.rotate) img = sharp(await img.png().toBuffer()).rotate(options.rotate, { background: options.background ?? '#ffffff' });
  const { data, info } = await img.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('findTableCorners', () => {
  it('finds the same candidates from one shrink of the page at every ink level as from a shrink of its own', async () => {
    const img = await page({ rotate: 3 });
    const shrunk = darkestBlocks(img);
    expect(shrunk.width).toBe(Math.floor(img.width / 2));
    for (const ink of [150, 200]) {
      const own = findTableCandidates(img, { ...SHAPE, ink });
      expect(own.length).toBeGreaterThan(0);
      expect(findTableCandidates(img, { ...SHAPE, ink }, shrunk)).toEqual(own);
    }
  });

  it('finds the outer corners of a ruled table on a straight page', async () => {
    const corners = findTableCorners(await page(), SHAPE)!;
    expect(corners.topLeft.x).toBeCloseTo(170, -1);
    expect(corners.topLeft.y).toBeCloseTo(600, -1);
    expect(corners.bottomRight.x).toBeCloseTo(1070, -1);
    expect(corners.bottomRight.y).toBeCloseTo(840, -1);
  });

  it('finds a rotated table on a photo with a dark border around the page', async () => {
    const img = await page({ rotate: 8, background: '#303030' });
    const c = findTableCorners(img, SHAPE)!;
    expect(c).toBeDefined();
    // Rotated clockwise: the right end of the top edge sits lower than its left end.
    expect(c.topRight.y - c.topLeft.y).toBeGreaterThan(100);
    expect(Math.hypot(c.topRight.x - c.topLeft.x, c.topRight.y - c.topLeft.y)).toBeCloseTo(900, -1.5);
  });

  it('finds nothing on a page of text without a table', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="white"/><text x="100" y="300" font-size="40">Прошу вернуть деньги</text></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    expect(findTableCorners({ data, width: info.width, height: info.height }, SHAPE)).toBeUndefined();
  });
});
