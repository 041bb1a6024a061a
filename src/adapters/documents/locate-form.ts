// Places our form on a page image: the homography from the form's millimetres to the page's pixels, through
// the items table's outer frame. A photo's frame is not always one clean blob (a shadow or blur breaks its
// thin rules, a heading touches it), so several readings of the ink are tried and each candidate is checked
// against the grid the form prints: a frame found in pieces puts the inner rules in the wrong place and
// scores low. The corners are then refined by fitting a line to each edge of the frame, which places them to
// a pixel where the blob's extreme points can be off by several.
import { FORM_ITEMS_TABLE } from '../../domain/application-form.ts';
import { darkestBlocks, findTableCandidates, type Quad } from '../images/find-table-corners.ts';
import { applyHomography, solveHomography, type Homography, type Point } from '../images/homography.ts';
import type { GreyImage } from '../images/warp-region.ts';
import { TABLE_CORNERS_MM, TABLE_FRAME } from './form-zones.ts';

export interface FormLocation {
  /** Form millimetres → page pixels. */
  h: Homography;
  /** Share of the printed grid's sample points that fall on ink, 0–1. */
  gridScore: number;
}

/**
 * Ink levels tried in turn: the default catches crisp scans without merging text into the frame; the lighter
 * one keeps a blurred photo's grey rules in one piece.
 */
const INK_LEVELS = [150, 200] as const;
/** Candidates checked per ink level (best aspect first); more are only text blocks. */
const CANDIDATES = 3;
/** A grid this well matched is certainly the table: stop looking. */
const GOOD_GRID = 0.9;
/** Below this the frame is not our table (or not found in one piece); the caller falls back. */
const MIN_GRID = 0.6;
/** A sample point counts as on a rule when a pixel this dark lies within GRID_SLACK_PX of it. */
const GRID_INK = 200;
const GRID_SLACK_PX = 3;
/** How far either side of a first-guess edge its rule is looked for, and how far a fitted point may stray. */
const EDGE_SEARCH_PX = 10;
const EDGE_OUTLIER_PX = 1.5;

export function locateForm(page: GreyImage): FormLocation | undefined {
  const aspect = (TABLE_FRAME.right - TABLE_FRAME.left) / (TABLE_FRAME.bottom - TABLE_FRAME.top);
  let best: FormLocation | undefined;
  const shrunk = darkestBlocks(page);
  for (const ink of INK_LEVELS) {
    for (const quad of findTableCandidates(page, { aspect, minWidthShare: 0.45, ink }, shrunk).slice(0, CANDIDATES)) {
      for (const corners of [refineCorners(page, quad), quad]) {
        if (!corners) continue;
        const h = solveHomography(TABLE_CORNERS_MM, [corners.topLeft, corners.topRight, corners.bottomRight, corners.bottomLeft]);
        if (!h) continue;
        const gridScore = scoreGrid(page, h);
        if (!best || gridScore > best.gridScore) best = { h, gridScore };
      }
      if (best && best.gridScore >= GOOD_GRID) return best;
    }
  }
  return best && best.gridScore >= MIN_GRID ? best : undefined;
}

/** Share of points along the table's printed rules (mm → page through `h`) that land on ink. */
export function scoreGrid(page: GreyImage, h: Homography): number {
  const t = FORM_ITEMS_TABLE;
  const { left, right, top, bottom } = TABLE_FRAME;
  const points: Point[] = [];
  const STEP_MM = 1.5;
  for (let r = 0; r <= t.maxRows + 1; r++) {
    const y = t.y + r * t.rowHeight;
    for (let x = left + 1; x < right - 1; x += STEP_MM) points.push({ x, y });
  }
  for (const x of [...t.columns.map((c) => c.x), right]) {
    for (let y = top + 1; y < bottom - 1; y += STEP_MM) points.push({ x, y });
  }
  let onInk = 0;
  for (const p of points) if (darkestNear(page, applyHomography(h, p), GRID_SLACK_PX) < GRID_INK) onInk++;
  return onInk / points.length;
}

function darkestNear(page: GreyImage, p: Point, r: number): number {
  const cx = Math.round(p.x);
  const cy = Math.round(p.y);
  let min = 255;
  for (let y = Math.max(0, cy - r); y <= Math.min(page.height - 1, cy + r); y++) {
    const row = y * page.width;
    for (let x = Math.max(0, cx - r); x <= Math.min(page.width - 1, cx + r); x++) min = Math.min(min, page.data[row + x]!);
  }
  return min;
}

interface Line {
  /** A point on the line and its unit direction. */
  p: Point;
  d: Point;
}

/** Corners as the intersections of lines fitted to the frame's four edges; undefined when an edge is not found. */
function refineCorners(page: GreyImage, q: Quad): Quad | undefined {
  const edges = [
    fitEdge(page, q.topLeft, q.topRight),
    fitEdge(page, q.topRight, q.bottomRight),
    fitEdge(page, q.bottomRight, q.bottomLeft),
    fitEdge(page, q.bottomLeft, q.topLeft),
  ];
  if (edges.some((e) => !e)) return undefined;
  const [top, right, bottom, left] = edges as [Line, Line, Line, Line];
  const corners = [intersect(left, top), intersect(top, right), intersect(right, bottom), intersect(bottom, left)];
  if (corners.some((c) => !c)) return undefined;
  const [topLeft, topRight, bottomRight, bottomLeft] = corners as [Point, Point, Point, Point];
  // A refinement that moved a corner far was caught by something else (text, a heading's rule): keep the guess.
  const moved = Math.max(...[topLeft, topRight, bottomRight, bottomLeft].map((c, i) => dist(c, [q.topLeft, q.topRight, q.bottomRight, q.bottomLeft][i]!)));
  if (moved > 4 * EDGE_SEARCH_PX) return undefined;
  return { topLeft, topRight, bottomRight, bottomLeft };
}

/** The rule along a first-guess edge a→b: the darkest pixel across the edge at many points, fitted to a line. */
function fitEdge(page: GreyImage, a: Point, b: Point): Line | undefined {
  const length = dist(a, b);
  if (length < 20) return undefined;
  const d = { x: (b.x - a.x) / length, y: (b.y - a.y) / length };
  const n = { x: -d.y, y: d.x };
  const found: Point[] = [];
  const SAMPLES = 60;
  for (let k = 0; k < SAMPLES; k++) {
    // Stay clear of the corners, where the crossing edge is dark across the whole search.
    const t = 0.06 + (0.88 * k) / (SAMPLES - 1);
    const base = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    let darkest = 256;
    let at = 0;
    for (let s = -EDGE_SEARCH_PX; s <= EDGE_SEARCH_PX; s++) {
      const v = pixel(page, base.x + n.x * s, base.y + n.y * s);
      // Ties go to the offset nearest the guess.
      if (v < darkest || (v === darkest && Math.abs(s) < Math.abs(at))) {
        darkest = v;
        at = s;
      }
    }
    if (darkest < GRID_INK) found.push({ x: base.x + n.x * at, y: base.y + n.y * at });
  }
  if (found.length < SAMPLES / 3) return undefined;
  let line = fitLine(found);
  // Once more without the points far off the first fit (a crossing rule, a letter touching the frame).
  const kept = found.filter((p) => Math.abs((p.x - line.p.x) * -line.d.y + (p.y - line.p.y) * line.d.x) <= EDGE_OUTLIER_PX);
  if (kept.length >= SAMPLES / 3) line = fitLine(kept);
  return line;
}

/** Total least squares: through the centroid, along the principal axis. */
function fitLine(points: Point[]): Line {
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { p: { x: mx, y: my }, d: { x: Math.cos(angle), y: Math.sin(angle) } };
}

function intersect(l1: Line, l2: Line): Point | undefined {
  const det = l1.d.x * l2.d.y - l1.d.y * l2.d.x;
  if (Math.abs(det) < 1e-6) return undefined;
  const t = ((l2.p.x - l1.p.x) * l2.d.y - (l2.p.y - l1.p.y) * l2.d.x) / det;
  return { x: l1.p.x + l1.d.x * t, y: l1.p.y + l1.d.y * t };
}

function pixel(page: GreyImage, x: number, y: number): number {
  const ix = Math.round(x);
  const iy = Math.round(y);
  if (ix < 0 || iy < 0 || ix >= page.width || iy >= page.height) return 255;
  return page.data[iy * page.width + ix]!;
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
