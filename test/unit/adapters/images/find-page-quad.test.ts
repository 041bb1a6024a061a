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
});
