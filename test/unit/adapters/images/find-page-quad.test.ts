// Finding the photographed sheet by its colour, through a hand's shadow, and nothing on a scan.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findPageQuad } from '../../../../src/adapters/images/find-page-quad.ts';

const sample = (name: string) => readFileSync(new URL(`../../../../samples/documents/${name}`, import.meta.url));

async function preview(name: string) {
  const { data, info } = await sharp(sample(name)).autoOrient().resize(320).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('findPageQuad', () => {
  it('finds the corners of a harsh photo whose shadow makes half the sheet as dark as the desk', async () => {
    const img = await preview('55-marketplace-harsh-c03.jpg');
    const q = findPageQuad(img)!;
    // The generator put the corners at (0.15, 0.08), (0.89, 0.09), (0.97, 0.93), (0.03, 0.94) of the frame.
    const near = (p: { x: number; y: number }, fx: number, fy: number) => Math.hypot(p.x - fx * img.width, p.y - fy * img.height) < 12;
    expect(near(q.topLeft, 0.15, 0.08)).toBe(true);
    expect(near(q.topRight, 0.89, 0.09)).toBe(true);
    expect(near(q.bottomRight, 0.97, 0.93)).toBe(true);
    expect(near(q.bottomLeft, 0.03, 0.94)).toBe(true);
  });

  it('finds nothing on a scan, whose page fills the frame', async () => {
    expect(findPageQuad(await preview('04-scan-300dpi.png'))).toBeUndefined();
  });

  it('tells a sheet from a grey desk by brightness, where colour tells nothing', () => {
    const img = greyDeskWith([
      { x: 60, y: 40 },
      { x: 270, y: 55 },
      { x: 255, y: 360 },
      { x: 40, y: 345 },
    ]);
    const q = findPageQuad(img)!;
    const near = (p: { x: number; y: number }, x: number, y: number) => Math.hypot(p.x - x, p.y - y) < 4;
    expect(near(q.topLeft, 60, 40)).toBe(true);
    expect(near(q.topRight, 270, 55)).toBe(true);
    expect(near(q.bottomRight, 255, 360)).toBe(true);
    expect(near(q.bottomLeft, 40, 345)).toBe(true);
  });

  it('refuses a bright region shaped nothing like a page (half a sheet under falling light)', () => {
    const img = greyDeskWith([
      { x: 40, y: 40 },
      { x: 260, y: 40 },
      { x: 260, y: 250 },
      { x: 40, y: 250 },
    ]);
    expect(findPageQuad(img)).toBeUndefined();
  });
});

/** A neutral grey desk, lit more from the top, with a brighter neutral sheet whose corners are given. */
function greyDeskWith(corners: Array<{ x: number; y: number }>) {
  const width = 320;
  const height = 420;
  const data = new Uint8Array(width * height * 3);
  const inside = (x: number, y: number) =>
    corners.every((p, i) => {
      const q = corners[(i + 1) % 4]!;
      return (q.x - p.x) * (y - p.y) - (q.y - p.y) * (x - p.x) >= 0;
    });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = 20 - (40 * y) / height;
      const v = Math.round((inside(x + 0.5, y + 0.5) ? 210 : 120) + light);
      data.fill(v, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return { data, width, height };
}
