// Reads a comb cell's handwritten digit with a small network trained on MNIST (scripts/train-digit-model.ts):
// a second reader beside Tesseract, whose models know print. It gives a probability for each of the ten digits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GreyImage } from '../../images/warp-region.ts';
import { classify, DigitModelSchema, networkOf, type DigitNetwork } from './digit-network.ts';
import { inkOf, normaliseDigit } from './normalise-digit.ts';

const MODEL_FILE = path.join(import.meta.dirname, 'digit-model.json');

/** The ten digits' probabilities for a cleaned cell crop (paper white, walls cleared); undefined for a blank one. */
export type DigitCellClassifier = (cell: GreyImage) => Float32Array | undefined;

export function digitCellClassifier(network: DigitNetwork): DigitCellClassifier {
  return (cell) => {
    const image = normaliseDigit(inkOf(cell));
    return image && classify(network, image);
  };
}

let shipped: DigitCellClassifier | undefined;

/** The classifier with the model shipped beside this file, loaded on first use (the file is read and checked once). */
export function shippedDigitClassifier(): DigitCellClassifier {
  shipped ??= digitCellClassifier(networkOf(DigitModelSchema.parse(JSON.parse(readFileSync(MODEL_FILE, 'utf8')))));
  return shipped;
}
