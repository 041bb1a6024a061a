import { describe, expect, it } from 'vitest';
import { deskewPage, estimateSkew } from '../../../../src/adapters/images/deskew-page.ts';
import { applyHomography } from '../../../../src/adapters/images/homography.ts';
import { splitIntoStrips } from '../../../../src/adapters/images/split-into-strips.ts';
import type { GreyImage } from '../../../../src/adapters/images/warp-region.ts';

/** A white page with dark "text lines" tilted by `degrees` (down to the right for a positive angle). */
function tiltedLines(degrees: number, width = 1200, height = 1600): GreyImage {
  const data = new Uint8Array(width * height).fill(255);
  const t = Math.tan((degrees * Math.PI) / 180);
  for (let line = 100; line < height - 100; line += 60) {
    for (let x = 100; x < width - 100; x++) {
      for (let dy = 0; dy < 12; dy++) {
        const y = Math.round(line + dy + x * t);
        if (y >= 0 && y < height && x % 9 !== 0) data[y * width + x] = 20;
      }
    }
  }
  return { data, width, height };
}

describe('deskewPage', () => {
  it.each([3.4, -2.2, 0.8])('measures a slant of %s°', (degrees) => {
    expect(Math.abs(estimateSkew(tiltedLines(degrees)) - degrees)).toBeLessThanOrEqual(0.2);
  });

  it('leaves a level page alone', async () => {
    expect(await deskewPage(tiltedLines(0))).toBeUndefined();
  });

  it('turns a slanted page level and maps its pixels back onto the original', async () => {
    const page = tiltedLines(3);
    const level = (await deskewPage(page))!;
    expect(Math.abs(estimateSkew(level.image))).toBeLessThanOrEqual(0.2);
    const centre = applyHomography(level.toPhoto, { x: level.image.width / 2, y: level.image.height / 2 });
    expect(centre.x).toBeCloseTo(page.width / 2, 0);
    expect(centre.y).toBeCloseTo(page.height / 2, 0);
  });
});

describe('splitIntoStrips', () => {
  it('cuts at an empty row near the middle, never through a line of text', () => {
    const page = tiltedLines(0);
    const [top, bottom] = splitIntoStrips(page, 2);
    expect(top!.top).toBe(0);
    const cut = bottom!.top;
    expect(Math.abs(cut - page.height / 2)).toBeLessThan(page.height * 0.15);
    for (let x = 0; x < page.width; x++) expect(page.data[cut * page.width + x]).toBe(255);
    expect(top!.image.height + bottom!.image.height).toBe(page.height);
  });

  it("cuts a letter whose text fills the page's top part above the middle, at an empty row", () => {
    // Text lines from 100 to ~1000 of 2400 rows: an even split would leave the lower strip blank.
    const page = tiltedLines(0, 1200, 2400);
    page.data.fill(255, 1000 * page.width);
    const [top, bottom] = splitIntoStrips(page, 2);
    const cut = bottom!.top;
    expect(cut).toBeLessThan(page.height / 2);
    expect(cut).toBeGreaterThanOrEqual(page.height / 4 - page.height * 0.075);
    for (let x = 0; x < page.width; x++) expect(page.data[cut * page.width + x]).toBe(255);
    expect(top!.image.height + bottom!.image.height).toBe(page.height);
    // A flattened photo's page is cut at the even split's emptiest row, whatever its strokes.
    const even = splitIntoStrips(page, 2, { byStrokes: false })[1]!.top;
    expect(Math.abs(even - page.height / 2)).toBeLessThan(page.height * 0.15);
  });

  it('never cuts between two rows of a table: its column rules cross every row between them', () => {
    // Text all down the page, and a table from 900 to 1700 whose column rules run through its rows: the even
    // split and the strokes' aim both fall inside the table.
    const page = tiltedLines(0, 1200, 2400);
    const top = 900;
    const bottom = 1700;
    for (let y = top; y < bottom; y++) for (const x of [100, 500, 1100]) page.data.fill(20, y * page.width + x, y * page.width + x + 3);
    const [upper, lower] = splitIntoStrips(page, 2);
    const cut = lower!.top;
    expect(cut < top || cut >= bottom).toBe(true);
    for (let x = 0; x < page.width; x++) expect(page.data[cut * page.width + x]).toBe(255);
    expect(upper!.image.height + lower!.image.height).toBe(page.height);
  });

  it('counts strokes, not dark pixels: a solid black band weighs like the text it holds', () => {
    // Text lines all down the page, and a solid band across the top rows: by dark pixels the band alone is
    // most of the page's ink and would pull the cut up to the band.
    const page = tiltedLines(0, 1200, 2400);
    page.data.fill(20, 100 * page.width, 400 * page.width);
    const [, bottom] = splitIntoStrips(page, 2);
    expect(Math.abs(bottom!.top - page.height / 2)).toBeLessThan(page.height * 0.1);
  });
});
