// A comb field's value, put to its field's own check (a date exists, a phone is one an operator issues, a BIK
// is a Russian bank's): a value that fails it is read again from its digits' alternatives (digits/
// likeliest-valid-reading.ts) rather than dropped by the parser for one misread digit.
import type { Comb } from '../../domain/application-form.ts';
import type { TextLine } from '../../domain/document.ts';
import { isValidBik } from '../../domain/validation/is-valid-bik.ts';
import { normalizeDate } from '../../domain/validation/normalize-date.ts';
import { normalizePhone } from '../../domain/validation/normalize-phone.ts';
import { DISAGREEMENT_CONFIDENCE, type DigitReading } from './digits/combine-digit-readings.ts';
import { likeliestValidReading, type ValuePosition } from './digits/likeliest-valid-reading.ts';
import { combPlaces, combValue } from './read-comb-cells.ts';

/** A comb cell's reading; a digit cell's carries every digit the two readers found likely. */
export type CellLine = TextLine & { alternatives?: DigitReading['alternatives'] };

const isDate = (text: string) => normalizeDate(text) !== undefined;
const CHECKS: Readonly<Record<string, (text: string) => boolean>> = {
  orderDate: isDate,
  receivedDate: isDate,
  applicationDate: isDate,
  phone: (text) => normalizePhone(text) !== undefined,
  bik: isValidBik,
};

/** combValue, and where the value fails its check, the likeliest one that passes — no surer than a disagreement. */
export function checkedCombValue(field: Comb, cells: ReadonlyMap<number, CellLine | undefined>): { text: string; confidence: number } | undefined {
  const value = combValue(field, cells);
  const check = CHECKS[field.key];
  if (!value || !check || check(value.text)) return value;
  const text = likeliestValidReading(positions(field, cells), check);
  return text === undefined ? value : { text, confidence: Math.min(value.confidence, DISAGREEMENT_CONFIDENCE) };
}

/** The value's characters as combValue puts them together, each digit cell with its alternatives. */
function positions(field: Comb, cells: ReadonlyMap<number, CellLine | undefined>): ValuePosition[] {
  return combPlaces(field, cells).flatMap((place): ValuePosition[] => {
    if ('printed' in place) return [place.printed];
    const { cell, char } = place;
    if (char === undefined) return [];
    return [cell.alternatives?.[0]?.digit === char ? cell.alternatives : char];
  });
}
