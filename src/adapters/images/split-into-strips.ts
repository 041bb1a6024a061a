// Cuts a page into horizontal strips at rows without ink, so that the strips can be read by OCR workers at
// once: one page no longer waits on one core. A cut through a line of text would lose it, so each cut goes
// where the fewest dark pixels are, within a band around the even split.
import type { GreyImage } from './warp-region.ts';

export interface Strip {
  image: GreyImage;
  /** Where the strip starts on the page, in pixels. */
  top: number;
}

/** Darker than this is ink. */
const INK = 128;
/** A cut may move this share of a strip's height away from the even split to find an empty row. */
const CUT_BAND = 0.15;

function inkPerRow(page: GreyImage): Uint32Array {
  const counts = new Uint32Array(page.height);
  for (let y = 0; y < page.height; y++) {
    let n = 0;
    const row = y * page.width;
    for (let x = 0; x < page.width; x++) if (page.data[row + x]! < INK) n++;
    counts[y] = n;
  }
  return counts;
}

export function splitIntoStrips(page: GreyImage, count: number): Strip[] {
  if (count <= 1 || page.height < count * 200) return [{ image: page, top: 0 }];
  const ink = inkPerRow(page);
  const cuts = [0];
  for (let k = 1; k < count; k++) {
    const even = Math.round((page.height * k) / count);
    const band = Math.round((page.height / count) * CUT_BAND);
    let best = even;
    for (let y = Math.max(cuts[cuts.length - 1]! + 1, even - band); y <= Math.min(page.height - 1, even + band); y++) {
      if (ink[y]! < ink[best]! || (ink[y] === ink[best] && Math.abs(y - even) < Math.abs(best - even))) best = y;
    }
    cuts.push(best);
  }
  cuts.push(page.height);
  const strips: Strip[] = [];
  for (let k = 0; k < count; k++) {
    const top = cuts[k]!;
    const height = cuts[k + 1]! - top;
    strips.push({ image: { data: page.data.subarray(top * page.width, (top + height) * page.width), width: page.width, height }, top });
  }
  return strips;
}
