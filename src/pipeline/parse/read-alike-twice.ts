// A value no check can prove is still proven when two documents of one message read it alike: a PDF and a photo
// of the same form, or the form and the customer's covering note in the e-mail body. Each document is read on its
// own, so a misread would have to land on the very same characters twice. Copies of one file (the same bytes
// attached twice, or forwarded with the original) were read once, whatever their names: one witness, not two.
import type { FieldKey, FieldValue } from '../../domain/application.ts';
import { LOW_CONFIDENCE } from './score-confidence.ts';

/**
 * Only a card's last four digits: the one refund detail with no check of its own (the number is masked, so no
 * Luhn) that no order confirms either. Other fields have their checks or the order; and a value inferred from
 * words (a reason from a form's printed terms) can be inferred the same wrong way from two copies of one page.
 * Measured on the devset's OCR'd pages (both seeds): a single reading of a four-digit group at word confidence
 * ≥ 0.95 was wrong 1 time in 237, so one reading cannot carry a decision (docs/orders-import.md).
 */
const READ_TWICE_FIELDS: ReadonlySet<FieldKey> = new Set(['cardLast4']);
/** Two independent readings that agree: as sure as a passed checksum (parse-document.ts AGREEING_READINGS). */
export const READ_ALIKE_TWICE = 0.95;

export interface DocumentReading extends FieldValue {
  /** The document's name. */
  source: string;
  /** The document's bytes' hash, which tells two files from two copies of one. */
  sha256?: string;
}

/** Whether another document's reading confirms `chosen`: the same value, read on its own, neither below review level. */
export function readAlikeTwice(key: FieldKey, chosen: DocumentReading, readings: readonly DocumentReading[]): boolean {
  if (!READ_TWICE_FIELDS.has(key) || chosen.confidence < LOW_CONFIDENCE || chosen.sha256 === undefined) return false;
  return readings.some((r) => r !== chosen && r.source !== chosen.source && r.sha256 !== undefined && r.sha256 !== chosen.sha256 && r.confidence >= LOW_CONFIDENCE && r.value.trim() === chosen.value.trim());
}
