// Small closed frames printed for a few characters to be written in: a code in its box, a card number's groups
// of four. Full-page OCR reads such a box with its walls and its neighbours around it, and a handwritten digit
// there is often dropped or read as a bracket; the inside of the frame, cut out alone, can be read again.
// A frame is a connected run of ink whose four sides are each inked along nearly their whole length; a table's
// grid is one much larger run and never qualifies, a letter or a digit never inks all four sides of its box.
import { DisjointSets } from './disjoint-sets.ts';
import type { GreyImage } from './warp-region.ts';

export interface CharacterBox {
  /** The frame's outer edge, in the page's pixels. */
  outer: { x0: number; y0: number; x1: number; y1: number };
  /** Inside the walls: where the writing is. */
  inner: { x0: number; y0: number; x1: number; y1: number };
}

/** Darker than this is ink (the page is evened out: paper is near white, a blue pen's stroke well below this). */
export const BOX_INK = 160;
/** A frame for handwriting at 300 dpi: 4–22 mm high, as wide as one to about five characters. */
const MIN_HEIGHT = 45;
const MAX_HEIGHT = 260;
const MIN_ASPECT = 0.6;
const MAX_ASPECT = 4.5;
/** Each side must be inked along this share of its length (a photo's blur or a scan's noise breaks a few pixels). */
const MIN_SIDE_COVER = 0.85;
/** How deep into the box a side's ink may lie, as a share of the box's smaller dimension. */
const SIDE_BAND = 0.12;
/** A wall is a row or column of the frame inked across more than this share of it. */
const WALL_SHARE = 0.3;
/** At most this share of the inside may be the frame's own ink (writing that touches a wall joins the frame). */
const MAX_FILL = 0.4;
/** Paper kept clear of the walls inside, in pixels: a wall's blurred edge read as a bar. */
const INSET = 3;
/** Too many candidates is a page of boxes (a grid drawn in pieces), not a form's few: read none. */
export const MAX_BOXES = 24;

export function findCharacterBoxes(page: GreyImage): CharacterBox[] {
  const runs = inkRuns(page);
  const root = joinTouchingRuns(runs, page.height);
  // Each run of ink's extent (8-connected), kept at its root: its first run in the page's reading order.
  const { count, start, end, row } = runs;
  const x0 = new Int32Array(count).fill(page.width);
  const y0 = new Int32Array(count).fill(page.height);
  const x1 = new Int32Array(count).fill(-1);
  const y1 = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const r = root[i]!;
    x0[r] = Math.min(x0[r]!, start[i]!);
    x1[r] = Math.max(x1[r]!, end[i]! - 1);
    y0[r] = Math.min(y0[r]!, row[i]!);
    y1[r] = Math.max(y1[r]!, row[i]!);
  }
  const extent = (r: number) => ({ x0: x0[r]!, y0: y0[r]!, x1: x1[r]!, y1: y1[r]! });
  // The run alone, on a mask of its own extent: other ink inside the frame is not the frame.
  const masks = new Map<number, Uint8Array>();
  for (let r = 0; r < count; r++) if (root[r] === r && boxSized(extent(r))) masks.set(r, new Uint8Array((x1[r]! - x0[r]! + 1) * (y1[r]! - y0[r]! + 1)));
  for (let i = 0; i < count; i++) {
    const r = root[i]!;
    const mask = masks.get(r);
    if (!mask) continue;
    const at = (row[i]! - y0[r]!) * (x1[r]! - x0[r]! + 1) - x0[r]!;
    mask.fill(1, at + start[i]!, at + end[i]!);
  }
  const boxes: CharacterBox[] = [];
  for (const [r, mask] of masks) {
    const box = frameOf(mask, extent(r));
    if (box) boxes.push(box);
  }
  return boxes.length > MAX_BOXES ? [] : boxes;
}

/** The page's horizontal runs of ink, row by row, left to right. */
interface InkRuns {
  count: number;
  start: Int32Array;
  /** Exclusive. */
  end: Int32Array;
  row: Int32Array;
  /** Index of each row's first run; `firstOfRow[height]` is `count`. */
  firstOfRow: Int32Array;
}

function inkRuns(page: GreyImage): InkRuns {
  const { width, height, data } = page;
  let start = new Int32Array(1 << 16);
  let end = new Int32Array(1 << 16);
  let row = new Int32Array(1 << 16);
  const firstOfRow = new Int32Array(height + 1);
  let count = 0;
  for (let y = 0; y < height; y++) {
    firstOfRow[y] = count;
    const offset = y * width;
    for (let x = 0; x < width; x++) {
      if (data[offset + x]! >= BOX_INK) continue;
      const from = x;
      while (x < width && data[offset + x]! < BOX_INK) x++;
      if (count === start.length) {
        start = grown(start);
        end = grown(end);
        row = grown(row);
      }
      start[count] = from;
      end[count] = x;
      row[count] = y;
      count++;
    }
  }
  firstOfRow[height] = count;
  return { count, start, end, row, firstOfRow };
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Each run's root: the first run (in reading order) of the runs of ink it touches, diagonals included. Runs are
 * joined a row at a time, a union-find over runs rather than a flood over pixels: a page has ~100 times fewer.
 */
function joinTouchingRuns({ count, start, end, firstOfRow }: InkRuns, height: number): Int32Array {
  const parts = new DisjointSets(count);
  for (let y = 1; y < height; y++) {
    let above = firstOfRow[y - 1]!;
    for (let i = firstOfRow[y]!; i < firstOfRow[y + 1]!; i++) {
      // Touching diagonally too: a run above that ends at start − 1 or starts at end still joins.
      while (above < firstOfRow[y]! && end[above]! < start[i]!) above++;
      for (let k = above; k < firstOfRow[y]! && start[k]! <= end[i]!; k++) parts.join(i, k);
    }
  }
  const root = new Int32Array(count);
  for (let i = 0; i < count; i++) root[i] = parts.find(i);
  return root;
}

function boxSized(e: CharacterBox['outer']): boolean {
  const w = e.x1 - e.x0 + 1;
  const h = e.y1 - e.y0 + 1;
  return h >= MIN_HEIGHT && h <= MAX_HEIGHT && w >= MIN_ASPECT * h && w <= MAX_ASPECT * h;
}

/** The frame and its inside, when the run of ink `mask` (over the extent `e`) is a closed frame. */
function frameOf(mask: Uint8Array, e: CharacterBox['outer']): CharacterBox | undefined {
  const w = e.x1 - e.x0 + 1;
  const h = e.y1 - e.y0 + 1;
  const band = Math.max(3, Math.round(SIDE_BAND * Math.min(w, h)));
  const at = (x: number, y: number) => mask[(y - e.y0) * w + (x - e.x0)] === 1;
  const cover = (along: number, across: (i: number, d: number) => boolean) => {
    let n = 0;
    for (let i = 0; i < along; i++) {
      for (let d = 0; d < band; d++) {
        if (across(i, d)) {
          n++;
          break;
        }
      }
    }
    return n / along;
  };
  const sides = [
    cover(w, (i, d) => at(e.x0 + i, e.y0 + d)),
    cover(w, (i, d) => at(e.x0 + i, e.y1 - d)),
    cover(h, (i, d) => at(e.x0 + d, e.y0 + i)),
    cover(h, (i, d) => at(e.x1 - d, e.y0 + i)),
  ];
  if (sides.some((s) => s < MIN_SIDE_COVER)) return undefined;
  // Walk in from each side while the row or column is still wall.
  const rowShare = (y: number) => {
    let n = 0;
    for (let x = e.x0; x <= e.x1; x++) if (at(x, y)) n++;
    return n / w;
  };
  const colShare = (x: number) => {
    let n = 0;
    for (let y = e.y0; y <= e.y1; y++) if (at(x, y)) n++;
    return n / h;
  };
  let top = 0, bottom = 0, left = 0, right = 0;
  while (top < 2 * band && rowShare(e.y0 + top) > WALL_SHARE) top++;
  while (bottom < 2 * band && rowShare(e.y1 - bottom) > WALL_SHARE) bottom++;
  while (left < 2 * band && colShare(e.x0 + left) > WALL_SHARE) left++;
  while (right < 2 * band && colShare(e.x1 - right) > WALL_SHARE) right++;
  const inner = { x0: e.x0 + left + INSET, y0: e.y0 + top + INSET, x1: e.x1 - right - INSET, y1: e.y1 - bottom - INSET };
  if (inner.x1 - inner.x0 < MIN_HEIGHT / 3 || inner.y1 - inner.y0 < MIN_HEIGHT / 3) return undefined;
  // A frame is hollow: a filled square (a bullet, a redacted block) inks all four sides too.
  let filled = 0;
  for (let y = inner.y0; y <= inner.y1; y++) for (let x = inner.x0; x <= inner.x1; x++) if (at(x, y)) filled++;
  if (filled > MAX_FILL * (inner.x1 - inner.x0 + 1) * (inner.y1 - inner.y0 + 1)) return undefined;
  return { outer: e, inner };
}
