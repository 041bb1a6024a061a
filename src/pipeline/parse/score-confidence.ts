// Turns the evidence about one value into a calibrated confidence. The contract with the rest of the
// system: a value at ≥ 0.9 is right ≥ 99.5% of the time, so only exact sources (text layer, form field,
// typed e-mail) or OCR values confirmed by a checksum get there; any correction, any doubt, keeps a value
// below it. Below 0.6 a person must look (low_confidence).
export type Check = 'passed' | 'failed' | 'none';

export interface Evidence {
  /** Where the characters came from: exact sources are 'form' | 'text' | 'body'; 'ocr' can misread. */
  source: 'form' | 'text' | 'body' | 'ocr';
  /** OCR line confidence, 0–1 (1 for exact sources). */
  lineConfidence: number;
  /**
   * OCR's confidence in the value's own words, where known. Only a passed check weighs it: a control key or a check
   * digit says the characters are right, provided they were read as print at all; a row's junk beside the value (a
   * dark band on a photo) says nothing about that. Otherwise the line's confidence counts, which also weighs
   * whether the value is the label's at all.
   */
  valueConfidence?: number;
  /** The raw value had the field's strict shape. */
  strict: boolean;
  /** Corrections applied to reach the canonical value. */
  fixes: number;
  /** A checksum or cross-check on the value (control key, Luhn, items adding up to the total). */
  check: Check;
  /** Label read with edits, value taken from the next line, or found without a label. */
  weak?: boolean;
  /** The value could be read two ways. */
  ambiguous?: boolean;
  /** A cap from outside: inconsistent with another field, several candidates disagreeing, … */
  cap?: number;
}

export const CONFIDENT = 0.9;
export const LOW_CONFIDENCE = 0.6;
/** A value that failed its checksum is almost certainly wrong somewhere. */
const FAILED_CHECK_CAP = 0.3;
/** No unchecked OCR value may reach CONFIDENT: tesseract's own line confidence is too optimistic. */
const OCR_UNCHECKED_CAP = 0.88;
const CORRECTED_CAP = 0.85;
const AMBIGUOUS_CAP = 0.55;
/** Below this OCR doubts the characters too much for a passed check to vouch for them. */
const CHECKED_PRINT = 0.5;

const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;

export function scoreConfidence(e: Evidence): number {
  let c: number;
  if (e.source === 'ocr') {
    c = 0.15 + 0.75 * e.lineConfidence;
    if (!e.strict) c *= 0.9;
    c *= 0.85 ** e.fixes;
    if (e.weak) c *= 0.9;
    const readAsPrint = Math.max(e.lineConfidence, e.valueConfidence ?? 0) >= CHECKED_PRINT;
    if (e.check === 'passed' && readAsPrint) c = Math.max(c, e.fixes <= 2 ? 0.95 : 0.9);
    else c = Math.min(c, OCR_UNCHECKED_CAP);
  } else {
    c = e.source === 'form' ? 1 : e.source === 'text' ? 0.99 : 0.97;
    if (!e.strict) c -= 0.04;
    c *= 0.85 ** e.fixes;
    if (e.weak) c *= 0.9;
    // Exact characters whose control key holds (a BIK and its account): the key settles the value, however
    // loosely its label was matched.
    if (e.check === 'passed' && e.fixes === 0) c = Math.max(c, 0.95);
  }
  if (e.fixes > 0 && e.check !== 'passed') c = Math.min(c, CORRECTED_CAP);
  if (e.check === 'failed') c = Math.min(c, FAILED_CHECK_CAP);
  if (e.ambiguous) c = Math.min(c, AMBIGUOUS_CAP);
  if (e.cap !== undefined) c = Math.min(c, e.cap);
  return round(c);
}
