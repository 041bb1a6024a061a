// Placing our form on a page through the items table's frame, on the samples that defeated the first finder.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_CORNERS_MM } from '../../../../src/adapters/documents/form-zones.ts';
import { locateForm, scoreGrid } from '../../../../src/adapters/documents/locate-form.ts';
import { findTableCorners } from '../../../../src/adapters/images/find-table-corners.ts';
import { solveHomography } from '../../../../src/adapters/images/homography.ts';
import { decodePage } from '../../../../src/adapters/images/prepare-for-ocr.ts';

const sample = (name: string) => readFileSync(new URL(`../../../../samples/documents/${name}`, import.meta.url));
const decode = (name: string) => decodePage(sample(name), { maxPixels: 50_000_000 });

describe('locateForm', () => {
  it.each(['40-harsh-c27.jpg', '42-harsh-c29.jpg', '44-harsh-c31.jpg'])(
    'finds the table frame of harsh photo %s, whose blurred, shadowed rules break the frame into pieces',
    async (name) => {
      const page = await decode(name);
      const location = locateForm(page);
      expect(location?.gridScore).toBeGreaterThanOrEqual(0.9);
    },
  );

  it('scores a frame found in pieces low: its inner rules land off the ink', async () => {
    const page = await decode('40-harsh-c27.jpg');
    // The first finder's answer on this photo: the left part of the frame only.
    const c = findTableCorners(page, { aspect: 3.75, minWidthShare: 0.45 })!;
    const h = solveHomography(TABLE_CORNERS_MM, [c.topLeft, c.topRight, c.bottomRight, c.bottomLeft])!;
    expect(scoreGrid(page, h)).toBeLessThan(0.5);
  });

  it('places a clean scan and finds nothing on another layout', async () => {
    expect(locateForm(await decode('04-scan-300dpi.png'))?.gridScore).toBeGreaterThanOrEqual(0.95);
    expect(locateForm(await decode('51-letter-photo-c38.jpg'))).toBeUndefined();
  });
});
