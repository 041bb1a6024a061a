// Where a page holds print that full-page OCR returned no word for. Tesseract's sparse-text mode sometimes
// drops whole words it found no line for — large bold digits among small print, a value in a faint cell — and
// what it dropped cannot be read by any later step. Ink that no word's box covers, shaped like a line of
// text, is worth a second, focused read.
import { DisjointSets } from './disjoint-sets.ts';
import type { GreyImage } from './warp-region.ts';

export interface InkRegion {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Darker than this is ink (the page is already evened and stretched: paper is white). */
const INK = 128;
/** Side of the grid cells the page is looked at in, in pixels (~0.7 mm at 300 dpi). */
const CELL = 8;
/** A cell with fewer ink pixels than this is paper with a speck on it. */
const MIN_CELL_INK = 6;
/** Cells this many apart on a row belong to one run of print (the gap between two words). */
const JOIN_CELLS = 4;
/** A line of print at 300 dpi: from 6 pt to about two lines of 14 pt, in pixels. */
const MIN_HEIGHT = 16;
const MAX_HEIGHT = 110;
const MIN_WIDTH = 32;
/** Print covers some of its box but never most of it; a solid blob is a logo, a stamp or a band. */
const MIN_DENSITY = 0.06;
const MAX_DENSITY = 0.55;
/** How far around a word's box its own ink may reach (descenders, a bold stroke), in pixels. */
const WORD_MARGIN = 6;
/** Keep the page's second pass short: the largest regions first, at most this many. */
export const MAX_REGIONS = 8;

export function findUnreadInk(page: GreyImage, words: Box[]): InkRegion[] {
  const gw = Math.ceil(page.width / CELL);
  const gh = Math.ceil(page.height / CELL);
  const ink = new Uint16Array(gw * gh);
  for (let y = 0; y < page.height; y++) {
    const row = y * page.width;
    const grow = Math.floor(y / CELL) * gw;
    for (let x = 0; x < page.width; x++) if (page.data[row + x]! < INK) ink[grow + Math.floor(x / CELL)]!++;
  }
  const covered = new Uint8Array(gw * gh);
  for (const w of words) {
    const cx0 = Math.max(0, Math.floor((w.x0 - WORD_MARGIN) / CELL));
    const cx1 = Math.min(gw - 1, Math.floor((w.x1 + WORD_MARGIN) / CELL));
    const cy0 = Math.max(0, Math.floor((w.y0 - WORD_MARGIN) / CELL));
    const cy1 = Math.min(gh - 1, Math.floor((w.y1 + WORD_MARGIN) / CELL));
    for (let cy = cy0; cy <= cy1; cy++) covered.fill(1, cy * gw + cx0, cy * gw + cx1 + 1);
  }
  const open = (i: number) => ink[i]! >= MIN_CELL_INK && covered[i] === 0;

  // Open cells joined to the cell above and below, and along the row across small gaps.
  const parts = new DisjointSets(gw * gh);
  for (let cy = 0; cy < gh; cy++) {
    let last = -1;
    for (let cx = 0; cx < gw; cx++) {
      const i = cy * gw + cx;
      if (!open(i)) continue;
      if (last >= 0 && cx - last <= JOIN_CELLS) parts.join(cy * gw + last, i);
      if (cy > 0 && open(i - gw)) parts.join(i - gw, i);
      last = cx;
    }
  }

  const boxes = new Map<number, InkRegion & { ink: number }>();
  for (let i = 0; i < gw * gh; i++) {
    if (!open(i)) continue;
    const r = parts.find(i);
    const x = (i % gw) * CELL;
    const y = Math.floor(i / gw) * CELL;
    const b = boxes.get(r);
    if (!b) boxes.set(r, { x0: x, y0: y, x1: x + CELL, y1: y + CELL, ink: ink[i]! });
    else {
      b.x0 = Math.min(b.x0, x);
      b.y0 = Math.min(b.y0, y);
      b.x1 = Math.max(b.x1, x + CELL);
      b.y1 = Math.max(b.y1, y + CELL);
      b.ink += ink[i]!;
    }
  }
  const lineLike = [...boxes.values()].filter((b) => {
    const w = b.x1 - b.x0;
    const h = b.y1 - b.y0;
    const density = b.ink / (w * h);
    // Touching the page's edge: the desk, a shadow or a torn border, not print.
    const edge = b.x0 <= 0 || b.y0 <= 0 || b.x1 >= gw * CELL || b.y1 >= gh * CELL;
    return !edge && h >= MIN_HEIGHT && h <= MAX_HEIGHT && w >= MIN_WIDTH && w >= h && density >= MIN_DENSITY && density <= MAX_DENSITY;
  });
  return lineLike
    .sort((a, b) => (b.x1 - b.x0) * (b.y1 - b.y0) - (a.x1 - a.x0) * (a.y1 - a.y0))
    .slice(0, MAX_REGIONS)
    .map(({ x0, y0, x1, y1 }) => ({ x0, y0, x1: Math.min(x1, page.width), y1: Math.min(y1, page.height) }));
}
