// Cuts a page into horizontal strips, so that the strips can be read by OCR workers at once: one page no longer
// waits on one core. The page waits for its slowest strip, and OCR's time follows the print a strip holds, not its
// height (a letter's text fills its top third), so each cut aims at an even share of the page's strokes: the dark
// runs along its rows. Strokes, not dark pixels: a heading printed white on black or a thick rule is much ink but
// little reading. A cut goes through a gap between the page's parts near that aim, never between two rows of a
// table or through a line of text; a page with no such gap, and a flattened photo, is cut at the even split's
// emptiest row. Tesseract's CPU time of the slower strip on the devset's 15 scans: -8 % in all, letters -14 %,
// marketplace pages -13 %, card forms the same (their lower half reads slower than its strokes say).
import type { GreyImage } from './warp-region.ts';

export interface Strip {
  image: GreyImage;
  /** Where the strip starts on the page, in pixels. */
  top: number;
}

/** Darker than this is ink. */
const INK = 128;
/** A cut aimed by the strokes goes to a gap within this share of an even strip's height of its aim. */
const GAP_BAND = 0.3;
/**
 * A gap between a page's parts: this many empty rows (~2.5 mm at 300 dpi), more than the space between two lines of
 * text or two rows of a table drawn without rules.
 */
const MIN_GAP_ROWS = 30;
/**
 * A row with at most this many pixels darker than EMPTY_BELOW is empty: a speck of dust is no column rule. On a
 * photo a table's column rules come out as light as ~75 % grey, far lighter than INK.
 */
const SPECK_PX = 2;
const EMPTY_BELOW = 200;
/**
 * A page without such a gap near the aim is cut as before strokes were counted: at the row with the fewest dark
 * pixels within this share of an even strip's height of the even split.
 */
const CUT_BAND = 0.15;
/**
 * An aim stays within this share of an even strip's height of the even split: a strip of a few lines costs a
 * process start and a layout analysis of its own, and a page's ink is no exact measure of OCR's time.
 */
const MAX_SHIFT = 0.5;
/** No strip is cut thinner than this many rows (a strip is read with the page's own large-job engine). */
const MIN_STRIP_ROWS = 200;

/** Each row's dark pixels, dark runs (strokes crossed) and pixels that are not paper. */
function inkPerRow(page: GreyImage): { pixels: Uint32Array; strokes: Uint32Array; marks: Uint32Array } {
  const pixels = new Uint32Array(page.height);
  const strokes = new Uint32Array(page.height);
  const marks = new Uint32Array(page.height);
  for (let y = 0; y < page.height; y++) {
    let n = 0;
    let runs = 0;
    let m = 0;
    let before = false;
    const row = y * page.width;
    for (let x = 0; x < page.width; x++) {
      const v = page.data[row + x]!;
      const dark = v < INK;
      if (dark) {
        n++;
        if (!before) runs++;
      }
      if (v < EMPTY_BELOW) m++;
      before = dark;
    }
    pixels[y] = n;
    strokes[y] = runs;
    marks[y] = m;
  }
  return { pixels, strokes, marks };
}

/** The first row by which `share` of the page's strokes lie above; the even split when the page has none. */
function shareRow(strokes: Uint32Array, share: number, total: number, even: number): number {
  if (total === 0) return even;
  let sum = 0;
  for (let y = 0; y < strokes.length; y++) {
    sum += strokes[y]!;
    if (sum >= share * total) return y;
  }
  return strokes.length - 1;
}

export interface SplitOptions {
  /**
   * Aim the cuts at an even share of the strokes (default true); false cuts at the even split's emptiest rows. A
   * flattened photo is cut evenly: its blur and shadows are no measure of OCR's time, and on the devset its strips
   * cut by strokes read a table's header differently often enough to lose items (docs/ocr.md, Speed).
   */
  byStrokes?: boolean;
}

export function splitIntoStrips(page: GreyImage, count: number, options: SplitOptions = {}): Strip[] {
  if (count <= 1 || page.height < count * MIN_STRIP_ROWS) return [{ image: page, top: 0 }];
  const { pixels: ink, strokes, marks } = inkPerRow(page);
  const total = strokes.reduce((s, n) => s + n, 0);
  const stripHeight = page.height / count;
  const cuts = [0];
  for (let k = 1; k < count; k++) {
    const even = Math.round(stripHeight * k);
    const lowest = cuts[cuts.length - 1]! + MIN_STRIP_ROWS;
    const highest = page.height - (count - k) * MIN_STRIP_ROWS;
    const shift = Math.round(stripHeight * MAX_SHIFT);
    const aim = clamp(shareRow(strokes, k / count, total, even), Math.max(lowest, even - shift), Math.min(highest, even + shift));
    const gap = options.byStrokes === false ? undefined : gapNear(marks, aim, Math.round(stripHeight * GAP_BAND), lowest, highest);
    cuts.push(gap ?? leastInkNear(ink, even, Math.round(stripHeight * CUT_BAND), lowest, highest));
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

/**
 * The middle of the run of empty rows (MIN_GAP_ROWS or more, across the whole width) nearest to `aim`, within `band`
 * of it. A row inside a table is never empty: the table's column rules cross it (the rules are still on the page
 * here), and a cut between two of its rows lost the rows below the cut on the devset.
 */
function gapNear(marks: Uint32Array, aim: number, band: number, lowest: number, highest: number): number | undefined {
  let best: number | undefined;
  let runStart = -1;
  const from = Math.max(0, aim - band - MIN_GAP_ROWS);
  const to = Math.min(marks.length, aim + band + MIN_GAP_ROWS);
  for (let y = from; y <= to; y++) {
    const empty = y < to && marks[y]! <= SPECK_PX;
    if (empty && runStart < 0) runStart = y;
    if (!empty && runStart >= 0) {
      const middle = Math.floor((runStart + y) / 2);
      const fits = y - runStart >= MIN_GAP_ROWS && middle >= lowest && middle <= highest && Math.abs(middle - aim) <= band;
      if (fits && (best === undefined || Math.abs(middle - aim) < Math.abs(best - aim))) best = middle;
      runStart = -1;
    }
  }
  return best;
}

/** The row with the fewest dark pixels within `band` of `at`, the nearest of equals. */
function leastInkNear(ink: Uint32Array, at: number, band: number, lowest: number, highest: number): number {
  let best = at;
  for (let y = Math.max(lowest, at - band); y <= Math.min(highest, at + band); y++) {
    if (ink[y]! < ink[best]! || (ink[y] === ink[best] && Math.abs(y - at) < Math.abs(best - at))) best = y;
  }
  return best;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
