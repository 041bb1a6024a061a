import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareForOcr } from '../../../../src/adapters/images/prepare-for-ocr.ts';

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
    const meta = await sharp(prepared.image).metadata();
    expect(meta.channels).toBe(1);
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
    const stats = await sharp(prepared.image).extract({ left: 100, top: 1000, width: 400, height: 400 }).stats();
    expect(stats.channels[0]!.mean).toBeGreaterThan(200);
  });
});
