// Finds the four outer corners of the largest ruled table on a page: the anchor zone OCR uses to place our
// form's fields on a scan or a photo. The table's grid is one connected blob of ink that is wide, hollow and
// clear of the image border, which sets it apart from text (small blobs) and from a dark background around
// a photographed page (touches the border).
import type { Point } from './homography.ts';
import type { GreyImage } from './warp-region.ts';

export interface Quad {
  topLeft: Point;
  topRight: Point;
  bottomRight: Point;
  bottomLeft: Point;
}

export interface TableShape {
  /** Expected width / height of the table; a candidate may differ by the factor below (perspective). */
  aspect: number;
  /** Narrowest table, as a share of the page width. */
  minWidthShare: number;
  /**
   * Pixels darker than this are ink (default 150). A blurred photo's thin rules come out lighter than that
   * in places and the frame falls apart into pieces; a caller that can check a candidate tries a lighter one.
   */
  ink?: number;
}

/** Searching at half resolution is 4× cheaper and still places corners within ~2 px at 300 dpi. */
const STEP = 2;
const INK = 150;
/** Ink covers a small share of a table's bounding box; a filled shape or a photo of a dark object is denser. */
const MAX_FILL = 0.3;
const ASPECT_TOLERANCE = 1.6;

interface Blob {
  count: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  corners: [Point, Point, Point, Point];
  score: [number, number, number, number];
}

export function findTableCorners(page: GreyImage, shape: TableShape): Quad | undefined {
  return findTableCandidates(page, shape)[0];
}

/**
 * The page shrunk by STEP, each pixel the darkest of its STEP × STEP block, so thin rules survive the shrink. One
 * shrink serves every ink level a caller tries (locate-form.ts tries two).
 */
export function darkestBlocks(page: GreyImage): GreyImage {
  const w = Math.floor(page.width / STEP);
  const h = Math.floor(page.height / STEP);
  const data = new Uint8Array(w * h);
  const src = page.data;
  // STEP is 2: each block is two pixels of two rows, compared directly (the general loop took ~35 ms a page).
  for (let y = 0; y < h; y++) {
    let a = y * STEP * page.width;
    let b = a + page.width;
    const out = y * w;
    for (let x = 0; x < w; x++, a += STEP, b += STEP) {
      const top = src[a]! < src[a + 1]! ? src[a]! : src[a + 1]!;
      const bottom = src[b]! < src[b + 1]! ? src[b]! : src[b + 1]!;
      data[out + x] = top < bottom ? top : bottom;
    }
  }
  return { data, width: w, height: h };
}

/**
 * Every table-like blob's corners, the one shaped most like the expected table first. `shrunk` is the page's
 * darkestBlocks, when the caller has it already.
 */
export function findTableCandidates(page: GreyImage, shape: TableShape, shrunk: GreyImage = darkestBlocks(page)): Quad[] {
  const inkLevel = shape.ink ?? INK;
  const { width: w, height: h } = shrunk;
  const ink = new Uint8Array(w * h);
  for (let i = 0; i < ink.length; i++) if (shrunk.data[i]! < inkLevel) ink[i] = 1;

  // Of the table-like blobs, the one shaped most like the expected table: on a photo the page's own edge
  // against a textured desk can also be a wide hollow blob, but it is not 3.75 : 1.
  const found: Array<{ blob: Blob; error: number }> = [];
  const stack = new Int32Array(w * h);
  for (let start = 0; start < ink.length; start++) {
    if (ink[start] !== 1) continue;
    const blob = flood(ink, w, h, start, stack);
    if (!isTableLike(blob, w, h, shape)) continue;
    found.push({ blob, error: Math.abs(Math.log(quadAspect(blob) / shape.aspect)) });
  }
  found.sort((a, b) => a.error - b.error);
  return found.map(({ blob }) => {
    const [topLeft, topRight, bottomRight, bottomLeft] = blob.corners.map((p) => ({ x: (p.x + 0.5) * STEP, y: (p.y + 0.5) * STEP }));
    return { topLeft: topLeft!, topRight: topRight!, bottomRight: bottomRight!, bottomLeft: bottomLeft! };
  });
}

/**
 * Marks the 8-connected blob at `start` as visited (2) and returns its extent and extreme corners. It visits every
 * ink pixel of the page (text included), so it keeps its running values in locals and two small typed arrays: no
 * allocation per pixel.
 */
function flood(ink: Uint8Array, w: number, h: number, start: number, stack: Int32Array): Blob {
  let count = 0;
  let minX = w;
  let maxX = -1;
  let minY = h;
  let maxY = -1;
  // Extreme points along the diagonals are the corners of any quadrilateral tilted less than 45°: the first pixel
  // reached with the highest -x-y (top left), x-y (top right), x+y (bottom right) and y-x (bottom left).
  const score = new Float64Array(4).fill(-Infinity);
  const corner = new Int32Array(8);
  let top = 0;
  stack[top++] = start;
  ink[start] = 2;
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % w;
    const y = (i - x) / w;
    count++;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    for (let k = 0; k < 4; k++) {
      const along = (k === 1 || k === 2 ? x : -x) + (k >= 2 ? y : -y);
      if (along > score[k]!) {
        score[k] = along;
        corner[2 * k] = x;
        corner[2 * k + 1] = y;
      }
    }
    for (let dy = -1; dy <= 1; dy++) {
      const ny = y + dy;
      if (ny < 0 || ny >= h) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        if (nx < 0 || nx >= w) continue;
        const j = ny * w + nx;
        if (ink[j] === 1) {
          ink[j] = 2;
          stack[top++] = j;
        }
      }
    }
  }
  const at = (k: number): Point => ({ x: corner[2 * k]!, y: corner[2 * k + 1]! });
  return { count, minX, maxX, minY, maxY, corners: [at(0), at(1), at(2), at(3)], score: [score[0]!, score[1]!, score[2]!, score[3]!] };
}

function isTableLike(b: Blob, w: number, h: number, shape: TableShape): boolean {
  const bw = b.maxX - b.minX + 1;
  const bh = b.maxY - b.minY + 1;
  if (bw < shape.minWidthShare * w || bh < 8) return false;
  if (b.minX === 0 || b.minY === 0 || b.maxX === w - 1 || b.maxY === h - 1) return false;
  if (b.count / (bw * bh) > MAX_FILL) return false;
  const aspect = quadAspect(b);
  return aspect > shape.aspect / ASPECT_TOLERANCE && aspect < shape.aspect * ASPECT_TOLERANCE;
}

function quadAspect(b: Blob): number {
  const [tl, tr, br, bl] = b.corners;
  const top = Math.hypot(tr.x - tl.x, tr.y - tl.y);
  const bottom = Math.hypot(br.x - bl.x, br.y - bl.y);
  const left = Math.hypot(bl.x - tl.x, bl.y - tl.y);
  const right = Math.hypot(br.x - tr.x, br.y - tr.y);
  return (top + bottom) / Math.max(1, left + right);
}
