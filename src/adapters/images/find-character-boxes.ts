// Small closed frames printed for a few characters to be written in: a code in its box, a card number's groups
// of four. Full-page OCR reads such a box with its walls and its neighbours around it, and a handwritten digit
// there is often dropped or read as a bracket; the inside of the frame, cut out alone, can be read again.
// A frame is a connected run of ink whose four sides are each inked along nearly their whole length; a table's
// grid is one much larger run and never qualifies, a letter or a digit never inks all four sides of its box.
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
  const { width, height, data } = page;
  // One byte a pixel to mark what was visited, and the fill's queue, which ends holding the run's pixels.
  const visited = new Uint8Array(width * height);
  const queue = new Int32Array(width * height);
  const boxes: CharacterBox[] = [];
  for (let start = 0; start < width * height; start++) {
    if (visited[start] !== 0 || data[start]! >= BOX_INK) continue;
    // Flood fill the run of ink (8-connected), keeping its extent.
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    visited[start] = 1;
    let x0 = width, y0 = height, x1 = 0, y1 = 0;
    while (head < tail) {
      const p = queue[head++]!;
      const x = p % width;
      const y = (p - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (visited[q] === 0 && data[q]! < BOX_INK) {
            visited[q] = 1;
            queue[tail++] = q;
          }
        }
      }
    }
    const e = { x0, y0, x1, y1 };
    if (!boxSized(e)) continue;
    // The run alone, on a mask of its own extent: other ink inside the frame is not the frame.
    const w = x1 - x0 + 1;
    const mask = new Uint8Array(w * (y1 - y0 + 1));
    for (let k = 0; k < tail; k++) {
      const p = queue[k]!;
      const x = p % width;
      mask[((p - x) / width - y0) * w + (x - x0)] = 1;
    }
    const box = frameOf(mask, e);
    if (box) boxes.push(box);
  }
  return boxes.length > MAX_BOXES ? [] : boxes;
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
