// Finds a photographed sheet of paper: the four corners of the largest paper-coloured, quadrilateral region
// that does not fill the whole frame (a scan's page does; there is nothing to correct). Used when the layout
// is not recognised through its table, so the page can still be flattened before it is read. Paper is told
// from the desk by colour, not brightness: a hand's shadow makes paper as dark as a wooden desk, but white
// paper stays grey in shadow while wood, skin and most desks are clearly coloured.
import type { Quad } from './find-table-corners.ts';

/** The sheet covers at least this share of the photo. */
const MIN_AREA_SHARE = 0.2;
/** A sheet's blob fills its own quadrilateral almost completely; a lit patch of desk or a hand does not. */
const MIN_QUAD_FILL = 0.9;

/** Paper: colour spread (max − min channel) below this share of its brightness, and not black. */
const MAX_CHROMA = 0.16;
const MIN_BRIGHTNESS = 40;

export interface RgbImage {
  /** Three bytes per pixel, row-major. */
  data: Uint8Array;
  width: number;
  height: number;
}

/** `img` is a small (~320 px wide) RGB copy of the photo; corners come back in its pixels. */
export function findPageQuad(img: RgbImage): Quad | undefined {
  const { width: w, height: h } = img;
  const data = paperMask(img);
  const threshold = 1;
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  let best: { count: number; corners: Quad; touches: number } | undefined;
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start]! < threshold) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let count = 0;
    let touches = 0;
    const score = [-Infinity, -Infinity, -Infinity, -Infinity];
    const corners = [
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 0, y: 0 },
    ];
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % w;
      const y = (i - x) / w;
      count++;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) touches++;
      const s = [-x - y, x - y, x + y, y - x];
      for (let k = 0; k < 4; k++) {
        if (s[k]! > score[k]!) {
          score[k] = s[k]!;
          corners[k] = { x, y };
        }
      }
      for (const j of [i - w, i + w, x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1]) {
        if (j >= 0 && j < data.length && !seen[j] && data[j]! >= threshold) {
          seen[j] = 1;
          stack[top++] = j;
        }
      }
    }
    if (!best || count > best.count) {
      best = { count, touches, corners: { topLeft: corners[0]!, topRight: corners[1]!, bottomRight: corners[2]!, bottomLeft: corners[3]! } };
    }
  }
  if (!best || best.count < MIN_AREA_SHARE * w * h) return undefined;
  // Touching the frame along much of its edge: the page fills the picture (a scan) or runs out of it.
  if (best.touches > 0.1 * (w + h)) return undefined;
  const q = best.corners;
  const pts = [q.topLeft, q.topRight, q.bottomRight, q.bottomLeft];
  const area = quadArea(pts);
  if (area <= 0 || best.count / area < MIN_QUAD_FILL) return undefined;
  // A sheet, not a sliver: every side at least a third of the longest (perspective shortens, never collapses).
  const sides = pts.map((p, i) => Math.hypot(pts[(i + 1) % 4]!.x - p.x, pts[(i + 1) % 4]!.y - p.y));
  if (Math.min(...sides) < Math.max(...sides) / 3) return undefined;
  return q;
}

function paperMask(img: RgbImage): Uint8Array {
  const mask = new Uint8Array(img.width * img.height);
  for (let i = 0, j = 0; i < mask.length; i++, j += 3) {
    const r = img.data[j]!;
    const g = img.data[j + 1]!;
    const b = img.data[j + 2]!;
    const max = Math.max(r, g, b);
    if (max >= MIN_BRIGHTNESS && max - Math.min(r, g, b) < MAX_CHROMA * max) mask[i] = 1;
  }
  return mask;
}

function quadArea(p: Array<{ x: number; y: number }>): number {
  let a = 0;
  for (let i = 0; i < p.length; i++) {
    const j = (i + 1) % p.length;
    a += p[i]!.x * p[j]!.y - p[j]!.x * p[i]!.y;
  }
  return Math.abs(a) / 2;
}
