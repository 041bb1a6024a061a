// A digit cell's Tesseract reading joined with the MNIST classifier's: the digit both make most likely, sure only
// where they agree (combine-digit-readings.ts), its alternatives kept for the field's check (checked-comb-value.ts).
import type { GreyImage } from '../../images/warp-region.ts';
import type { OcrOutcome } from '../../ocr/ocr-engine.ts';
import type { CellLine } from '../checked-comb-value.ts';
import { cellCharacter } from '../read-comb-cells.ts';
import type { DigitCellClassifier } from './classify-digit-cell.ts';
import { combineDigitReadings } from './combine-digit-readings.ts';

/** `cell` is the crop Tesseract read, walls cleared, before its white margin. */
export function withSecondReader(outcome: OcrOutcome, cell: GreyImage, digits: DigitCellClassifier): OcrOutcome {
  if (outcome.status !== 'done') return outcome;
  const probabilities = digits(cell);
  if (!probabilities) return outcome;
  const first = outcome.page.lines;
  const read = cellCharacter(first.map((l) => l.text).join(' '), true);
  const confidence = first.length === 0 ? 0 : Math.min(...first.map((l) => l.confidence));
  const joint = combineDigitReadings({ digit: read, confidence }, probabilities);
  const line: CellLine = { ...first[0], text: joint.digit, confidence: joint.confidence, alternatives: joint.alternatives };
  return { status: 'done', page: { ...outcome.page, lines: [line] } };
}
