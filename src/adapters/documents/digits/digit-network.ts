// The digit classifier's network: convolutions (each followed by ReLU and a 2×2 max-pool), then fully connected
// layers (ReLU between them), softmax at the end. Weights are stored as 8-bit integers with one scale per output
// channel (a quarter of the size of floats, the same answers to within a rounding), trained by
// scripts/train-digit-model.ts.
import { z } from 'zod';

const Quantised = {
  inputs: z.number().int().positive(),
  outputs: z.number().int().positive(),
  /** Per output: weight = int8 × scale. */
  scales: z.array(z.number()),
  /** The int8 weights, output-major (then input channel, row, column), base64. */
  weights: z.string(),
  biases: z.array(z.number()),
};
const LayerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conv'), size: z.number().int().positive(), ...Quantised }),
  z.object({ kind: z.literal('dense'), ...Quantised }),
]);
export const DigitModelSchema = z.object({
  /** How the model was made (data, split, seed): read by people, not code. */
  trainedOn: z.string(),
  /** The input's side (a square image, one channel). */
  side: z.number().int().positive(),
  layers: z.array(LayerSchema).min(1),
});
export type DigitModel = z.infer<typeof DigitModelSchema>;
export type ModelLayer = DigitModel['layers'][number];

export interface NetworkLayer {
  kind: 'conv' | 'dense';
  /** Kernel side of a convolution; 1 for a dense layer. */
  size: number;
  inputs: number;
  outputs: number;
  weights: Float32Array;
  biases: Float32Array;
}

export interface DigitNetwork {
  side: number;
  layers: NetworkLayer[];
}

export function networkOf(model: DigitModel): DigitNetwork {
  return {
    side: model.side,
    layers: model.layers.map((l) => {
      const size = l.kind === 'conv' ? l.size : 1;
      const bytes = Buffer.from(l.weights, 'base64');
      const raw = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
      const perOutput = l.inputs * size * size;
      if (raw.length !== perOutput * l.outputs || l.scales.length !== l.outputs || l.biases.length !== l.outputs) throw new Error('digit model: layer sizes do not match');
      const weights = Float32Array.from(raw, (q, k) => q * l.scales[Math.floor(k / perOutput)]!);
      return { kind: l.kind, size, inputs: l.inputs, outputs: l.outputs, weights, biases: Float32Array.from(l.biases) };
    }),
  };
}

/** Probabilities of the ten digits for one normalised image. */
export function classify(net: DigitNetwork, input: Float32Array): Float32Array {
  let x = input;
  let side = net.side;
  net.layers.forEach((layer, k) => {
    if (layer.kind === 'conv') {
      const out = convolve(layer, x, side);
      side = side - layer.size + 1;
      x = maxPool(out, layer.outputs, side);
      side = Math.floor(side / 2);
      return;
    }
    x = dense(layer, x, k < net.layers.length - 1);
  });
  return softmax(x);
}

/** A valid (unpadded) convolution, ReLU applied. */
export function convolve(layer: NetworkLayer, x: Float32Array, side: number): Float32Array {
  const { size, inputs, outputs, weights, biases } = layer;
  const o = side - size + 1;
  const out = new Float32Array(outputs * o * o);
  for (let f = 0; f < outputs; f++) {
    for (let y = 0; y < o; y++) {
      for (let xx = 0; xx < o; xx++) {
        let s = biases[f]!;
        for (let c = 0; c < inputs; c++) {
          const w0 = ((f * inputs + c) * size) * size;
          const i0 = c * side * side;
          for (let ky = 0; ky < size; ky++) {
            const row = i0 + (y + ky) * side + xx;
            const wr = w0 + ky * size;
            for (let kx = 0; kx < size; kx++) s += weights[wr + kx]! * x[row + kx]!;
          }
        }
        out[(f * o + y) * o + xx] = s > 0 ? s : 0;
      }
    }
  }
  return out;
}

export function maxPool(x: Float32Array, channels: number, side: number): Float32Array {
  const p = Math.floor(side / 2);
  const out = new Float32Array(channels * p * p);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < p; y++) {
      for (let xx = 0; xx < p; xx++) {
        const i = (c * side + 2 * y) * side + 2 * xx;
        out[(c * p + y) * p + xx] = Math.max(x[i]!, x[i + 1]!, x[i + side]!, x[i + side + 1]!);
      }
    }
  }
  return out;
}

export function dense(layer: NetworkLayer, x: Float32Array, relu: boolean): Float32Array {
  const y = new Float32Array(layer.outputs);
  for (let o = 0; o < layer.outputs; o++) {
    let s = layer.biases[o]!;
    const row = o * layer.inputs;
    for (let i = 0; i < layer.inputs; i++) s += layer.weights[row + i]! * x[i]!;
    y[o] = relu ? Math.max(0, s) : s;
  }
  return y;
}

export function softmax(x: Float32Array): Float32Array {
  const max = Math.max(...x);
  const e = x.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
