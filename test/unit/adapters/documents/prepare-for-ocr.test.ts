import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodePgm, prepareForOcr } from '../../../../src/adapters/images/prepare-for-ocr.ts';

/** A binary PGM's size and pixels (Tesseract reads it; this sharp build does not). */
function readPgm(bytes: Buffer): { width: number; height: number; maxval: number; data: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  return { width: Number(header[1]), height: Number(header[2]), maxval: Number(header[3]), data: bytes.subarray(header[0].length) };
}

describe('prepareForOcr', () => {
  it('applies EXIF orientation and scales a page to 2480 px wide', async () => {
    // A landscape-stored phone photo of a portrait page, tagged "rotate 90° to view".
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#f0f0f0' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const prepared = await prepareForOcr(photo, { maxPixels: 50_000_000 });
    expect(prepared.width).toBe(2480);
    expect(prepared.height).toBeGreaterThan(prepared.width);
    // One byte a pixel, as many as the page has.
    const pgm = readPgm(prepared.image);
    expect([pgm.width, pgm.height, pgm.maxval]).toEqual([prepared.width, prepared.height, 255]);
    expect(pgm.data.length).toBe(prepared.width * prepared.height);
  });

  it('refuses to decode past the pixel limit', async () => {
    const big = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#ffffff' } }).png().toBuffer();
    await expect(prepareForOcr(big, { maxPixels: 1_000_000 })).rejects.toThrow(/pixel limit/i);
  });

  it('evens out a shadow instead of turning it black', async () => {
    // Left half in shadow (grey 90), right half lit (grey 240): after preparation both read as paper.
    const shadowed = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#f0f0f0' } })
      .composite([{ input: { create: { width: 620, height: 1754, channels: 3, background: '#5a5a5a' } }, left: 0, top: 0 }])
      .png()
      .toBuffer();
    const prepared = await prepareForOcr(shadowed, { maxPixels: 50_000_000 });
    const { data, width } = readPgm(prepared.image);
    const stats = await sharp(data, { raw: { width, height: prepared.height, channels: 1 } }).extract({ left: 100, top: 1000, width: 400, height: 400 }).stats();
    expect(stats.channels[0]!.mean).toBeGreaterThan(200);
  });
});

describe('encodePgm', () => {
  it('writes the pixels as they are after a PGM header, also for a strip cut out of a larger page', () => {
    const page = new Uint8Array(6 * 4).map((_, i) => i * 10);
    // Rows 1–2 of a 6 × 4 page, as splitIntoStrips cuts them: a view into the page's pixels.
    const strip = { data: page.subarray(6, 18), width: 6, height: 2 };
    const pgm = readPgm(encodePgm(strip));
    expect([pgm.width, pgm.height, pgm.maxval]).toEqual([6, 2, 255]);
    expect([...pgm.data]).toEqual([...page.subarray(6, 18)]);
  });
});
