// A page photographed or fed askew, whose sheet could not be found to flatten it: its slant is measured from
// the ink and taken out by a rotation, so rule lines are level again (and removed) and text lines run straight
// for OCR. The angle is the one whose row profile of dark pixels is sharpest (text lines and rules line up).
import sharp from 'sharp';
import type { Homography } from './homography.ts';
import type { GreyImage } from './warp-region.ts';

/** Slants searched, in degrees either way, and the step. A phone photo is within a few degrees of level. */
const MAX_DEGREES = 6;
const STEP_DEGREES = 0.2;
/** Below this a page is level enough; rotating would only blur it. */
const MIN_DEGREES = 0.3;
/** The profile is measured on about this many columns of the page. */
const SAMPLE_WIDTH = 500;
const INK = 110;

export function estimateSkew(page: GreyImage): number {
  const step = Math.max(1, Math.floor(page.width / SAMPLE_WIDTH));
  const points: Array<[number, number]> = [];
  for (let y = 0; y < page.height; y += step) {
    for (let x = 0; x < page.width; x += step) if (page.data[y * page.width + x]! < INK) points.push([x, y]);
  }
  if (points.length < 100) return 0;
  const bins = new Float64Array(Math.ceil(page.height / step) + Math.ceil(page.width / step) + 2);
  const offset = Math.ceil(page.width / step);
  const sharpness = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (const [x, y] of points) bins[Math.round((y - x * t) / step) + offset]! += 1;
    let score = 0;
    for (const b of bins) score += b * b;
    return score;
  };
  // Coarse, then fine around the best coarse angle.
  const search = (from: number, to: number, by: number) => {
    let best = from;
    let bestScore = -1;
    for (let deg = from; deg <= to + 1e-9; deg += by) {
      const score = sharpness(deg);
      if (score > bestScore) [best, bestScore] = [deg, score];
    }
    return best;
  };
  const coarse = search(-MAX_DEGREES, MAX_DEGREES, 1);
  return search(coarse - 1, coarse + 1, STEP_DEGREES);
}

/** The page turned level, with the map from its pixels back onto the original's; undefined when it is level already. */
export async function deskewPage(page: GreyImage): Promise<{ image: GreyImage; toPhoto: Homography } | undefined> {
  const degrees = estimateSkew(page);
  if (Math.abs(degrees) < MIN_DEGREES) return undefined;
  // libvips turns the page on a larger canvas, blank corners filled as paper.
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .rotate(-degrees, { background: { r: 255, g: 255, b: 255 } })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Rows tilt by `degrees` (down to the right for a positive angle): a level pixel sits at that angle's
  // rotation of it about the page centre, the canvases' centres matching.
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const [cx, cy, lx, ly] = [page.width / 2, page.height / 2, info.width / 2, info.height / 2];
  const toPhoto: Homography = [cos, -sin, cx - cos * lx + sin * ly, sin, cos, cy - sin * lx - cos * ly, 0, 0];
  return { image: { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height }, toPhoto };
}
