// Brings one handwritten character to the shape MNIST's digits have, so a classifier trained on them reads it:
// ink as values 0–1, its bounding box scaled to fit 20×20 keeping its aspect, placed by its centre of mass in the
// middle of 28×28, and straightened by its second moments (a slanted hand and an upright one then look alike).

/** MNIST's side, and the box its digits' ink is scaled into. */
export const DIGIT_SIDE = 28;
const FIT = 20;
/** Ink at least this strong counts for the bounding box; fainter pixels are a stroke's anti-aliased edge or dust. */
const BOX_INK = 0.3;
/** Samples per output pixel side when scaling down: an area average, so a thin stroke keeps its weight. */
const SUPERSAMPLE = 4;

/** An ink map: one value per pixel, 0 (paper) to 1 (full ink), row-major. */
export interface InkMap {
  ink: Float32Array;
  width: number;
  height: number;
}

/** Paper is at least this light in a cleaned crop (white after whitening); ink this dark or darker is full. */
const PAPER = 230;
const FULL_INK = 100;

/** A cleaned grey crop (paper 255) as an ink map. */
export function inkOf(img: { data: Uint8Array; width: number; height: number }): InkMap {
  const ink = new Float32Array(img.width * img.height);
  for (let i = 0; i < ink.length; i++) ink[i] = Math.min(1, Math.max(0, (PAPER - img.data[i]!) / (PAPER - FULL_INK)));
  return { ink, width: img.width, height: img.height };
}

/** The 28×28 MNIST-shaped image of the ink, undefined when there is none. */
export function normaliseDigit(map: InkMap): Float32Array | undefined {
  const box = inkBox(map);
  if (!box) return undefined;
  const scale = FIT / Math.max(box.width, box.height);
  const w = Math.max(1, Math.round(box.width * scale));
  const h = Math.max(1, Math.round(box.height * scale));
  const small = resample(map, box, w, h);
  // Centre of mass onto the middle: MNIST placed its digits so, not by their box.
  let [sum, sx, sy] = [0, 0, 0];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) (sum += small[y * w + x]!, sx += x * small[y * w + x]!, sy += y * small[y * w + x]!);
  const dx = Math.round(DIGIT_SIDE / 2 - (sx / sum + 0.5));
  const dy = Math.round(DIGIT_SIDE / 2 - (sy / sum + 0.5));
  const out = new Float32Array(DIGIT_SIDE * DIGIT_SIDE);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [tx, ty] = [x + dx, y + dy];
      if (tx >= 0 && ty >= 0 && tx < DIGIT_SIDE && ty < DIGIT_SIDE) out[ty * DIGIT_SIDE + tx] = small[y * w + x]!;
    }
  }
  return deskew(out);
}

function inkBox(map: InkMap): { x: number; y: number; width: number; height: number } | undefined {
  let [x0, y0, x1, y1] = [map.width, map.height, -1, -1];
  for (let y = 0; y < map.height; y++) {
    for (let x = 0; x < map.width; x++) {
      if (map.ink[y * map.width + x]! < BOX_INK) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return x1 < 0 ? undefined : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** The box of `map` scaled to w×h, each output pixel the mean of bilinear samples over its area. */
function resample(map: InkMap, box: { x: number; y: number; width: number; height: number }, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  const [fx, fy] = [box.width / w, box.height / h];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let j = 0; j < SUPERSAMPLE; j++) {
        for (let i = 0; i < SUPERSAMPLE; i++) {
          acc += bilinear(map.ink, map.width, map.height, box.x + (x + (i + 0.5) / SUPERSAMPLE) * fx - 0.5, box.y + (y + (j + 0.5) / SUPERSAMPLE) * fy - 0.5);
        }
      }
      out[y * w + x] = acc / (SUPERSAMPLE * SUPERSAMPLE);
    }
  }
  return out;
}

/** The value at a fractional point, 0 outside the image. */
export function bilinear(img: Float32Array, width: number, height: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const [ax, ay] = [x - x0, y - y0];
  return (
    (1 - ay) * ((1 - ax) * at(img, width, height, x0, y0) + ax * at(img, width, height, x0 + 1, y0)) +
    ay * ((1 - ax) * at(img, width, height, x0, y0 + 1) + ax * at(img, width, height, x0 + 1, y0 + 1))
  );
}

function at(img: Float32Array, width: number, height: number, x: number, y: number): number {
  return x < 0 || y < 0 || x >= width || y >= height ? 0 : img[y * width + x]!;
}

/** The image sheared so its ink's principal axis stands upright (the usual deskew by moments). */
function deskew(img: Float32Array): Float32Array {
  const n = DIGIT_SIDE;
  let [sum, sx, sy] = [0, 0, 0];
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) (sum += img[y * n + x]!, sx += x * img[y * n + x]!, sy += y * img[y * n + x]!);
  const [cx, cy] = [sx / sum, sy / sum];
  let [mu11, mu02] = [0, 0];
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) (mu11 += (x - cx) * (y - cy) * img[y * n + x]!, mu02 += (y - cy) ** 2 * img[y * n + x]!);
  if (mu02 < 1e-6) return img;
  const skew = mu11 / mu02;
  const out = new Float32Array(n * n);
  // Output (x, y) samples the input where the slant puts it; the centre of mass stays in the middle.
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) out[y * n + x] = bilinear(img, n, n, x + skew * (y - cy), y);
  return out;
}
