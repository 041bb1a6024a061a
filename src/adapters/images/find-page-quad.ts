// Finds a photographed sheet of paper: the four corners of the largest paper-coloured, quadrilateral region
// that does not fill the whole frame (a scan's page does; there is nothing to correct). Used when the layout
// is not recognised through its table, so the page can still be flattened before it is read. Paper is told
// from the desk by colour, not brightness: a hand's shadow makes paper as dark as a wooden desk, but white
// paper stays grey in shadow while wood, skin and most desks are clearly coloured. On a grey desk colour
// tells nothing, so paper is then told by being brighter than the desk as well (a threshold between the
// two, from the photo's own histogram).
import type { Quad } from './find-table-corners.ts';

/** The sheet covers at least this share of the photo. */
const MIN_AREA_SHARE = 0.2;
/** A sheet's blob fills its own quadrilateral almost completely; a lit patch of desk or a hand does not. */
const MIN_QUAD_FILL = 0.9;

/** Long side over short side of a photographed page: A4 is 1.41 and Letter 1.29; perspective bends it a little. */
const MIN_PAGE_RATIO = 1.2;
const MAX_PAGE_RATIO = 1.7;

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
  const neutral = paperMask(img);
  return largestSheet(neutral, img.width, img.height) ?? largestSheet(brighterThanDesk(img, neutral), img.width, img.height);
}

function largestSheet(data: Uint8Array, w: number, h: number): Quad | undefined {
  const threshold = 1;
  /** Blob number of each pixel, from 1; 0 for none. */
  const seen = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  let best: { id: number; count: number; corners: Quad; touches: number } | undefined;
  let id = 0;
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start]! < threshold) continue;
    id++;
    let top = 0;
    stack[top++] = start;
    seen[start] = id;
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
          seen[j] = id;
          stack[top++] = j;
        }
      }
    }
    if (!best || count > best.count) {
      best = { id, count, touches, corners: { topLeft: corners[0]!, topRight: corners[1]!, bottomRight: corners[2]!, bottomLeft: corners[3]! } };
    }
  }
  if (!best || best.count < MIN_AREA_SHARE * w * h) return undefined;
  // Touching the frame along much of its edge: the page fills the picture (a scan) or runs out of it.
  if (best.touches > 0.1 * (w + h)) return undefined;
  const q = best.corners;
  const pts = [q.topLeft, q.topRight, q.bottomRight, q.bottomLeft];
  const area = quadArea(pts);
  if (area <= 0 || withHoles(seen, best.id, w, h) / area < MIN_QUAD_FILL) return undefined;
  // A sheet, not a sliver: every side at least a third of the longest (perspective shortens, never collapses).
  const sides = pts.map((p, i) => Math.hypot(pts[(i + 1) % 4]!.x - p.x, pts[(i + 1) % 4]!.y - p.y));
  if (Math.min(...sides) < Math.max(...sides) / 3) return undefined;
  // Shaped like a page: the flat page is cut out as A4 (Letter is close), so a region as square as this
  // is part of a sheet — its brighter half under falling light — and flattening it would stretch the print.
  const [top, right, bottom, left] = sides as [number, number, number, number];
  const ratio = (left + right) / (top + bottom);
  if (Math.max(ratio, 1 / ratio) < MIN_PAGE_RATIO || Math.max(ratio, 1 / ratio) > MAX_PAGE_RATIO) return undefined;
  return q;
}

/** The blob's pixels and everything it encloses: the print on the sheet (text, black bands) is no gap in it. */
function withHoles(blobs: Int32Array, id: number, w: number, h: number): number {
  const outside = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  let top = 0;
  const push = (i: number) => {
    if (!outside[i] && blobs[i] !== id) {
      outside[i] = 1;
      stack[top++] = i;
    }
  };
  for (let x = 0; x < w; x++) {
    push(x);
    push((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    push(y * w);
    push(y * w + w - 1);
  }
  let reached = 0;
  while (top > 0) {
    const i = stack[--top]!;
    reached++;
    const x = i % w;
    if (i >= w) push(i - w);
    if (i + w < w * h) push(i + w);
    if (x > 0) push(i - 1);
    if (x < w - 1) push(i + 1);
  }
  return w * h - reached;
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

/** Neutral pixels brighter than the threshold that best splits the neutral pixels' brightness in two (Otsu). */
function brighterThanDesk(img: RgbImage, neutral: Uint8Array): Uint8Array {
  const brightness = new Uint8Array(neutral.length);
  const histogram = new Float64Array(256);
  for (let i = 0, j = 0; i < neutral.length; i++, j += 3) {
    brightness[i] = Math.max(img.data[j]!, img.data[j + 1]!, img.data[j + 2]!);
    if (neutral[i]) histogram[brightness[i]!]!++;
  }
  const threshold = otsuThreshold(histogram);
  const mask = new Uint8Array(neutral.length);
  for (let i = 0; i < mask.length; i++) if (neutral[i] && brightness[i]! > threshold) mask[i] = 1;
  return mask;
}

function otsuThreshold(histogram: Float64Array): number {
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    total += histogram[v]!;
    sum += v * histogram[v]!;
  }
  let below = 0;
  let sumBelow = 0;
  let best = 0;
  let threshold = 127;
  for (let v = 0; v < 256; v++) {
    below += histogram[v]!;
    sumBelow += v * histogram[v]!;
    const above = total - below;
    if (below === 0 || above === 0) continue;
    const between = below * above * (sumBelow / below - (sum - sumBelow) / above) ** 2;
    if (between > best) {
      best = between;
      threshold = v;
    }
  }
  return threshold;
}

function quadArea(p: Array<{ x: number; y: number }>): number {
  let a = 0;
  for (let i = 0; i < p.length; i++) {
    const j = (i + 1) % p.length;
    a += p[i]!.x * p[j]!.y - p[j]!.x * p[i]!.y;
  }
  return Math.abs(a) / 2;
}
