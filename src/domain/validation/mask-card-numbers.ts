// "A full card number is never stored": every payment-card-shaped digit run in a text becomes `**** 1234`.
// Used at the door (raw message headers and text parts, extracted document text) and again on parse results.
import { isValidRussianPost } from '../tracking-number.ts';
import { luhnValid } from './luhn-valid.ts';

/**
 * A Russian Post tracking number (14 digits in one run, its own check digit holding) that also passes Luhn —
 * one in ten does — is a tracking number, not a card: customers send them to confirm shipping, and masking one
 * lost the parcel. The only 14-digit cards are Diners Club's (300–305, 3095, 36, 38, 39); a run starting so
 * stays masked, whatever its check digit.
 */
const DINERS_PREFIX = /^(?:30[0-5]|3095|36|3[89])/;

function isTrackingNotCard(groups: string[]): boolean {
  return groups.length === 1 && isValidRussianPost(groups[0]!) && !DINERS_PREFIX.test(groups[0]!);
}

/** Digit groups joined by one space or dash: `5500 0000 0000 0004`, `5500-0000-0000-0004`, `5500000000000004`. */
const GROUPED_RUN = /(?<![\d])\d+(?:[ -]\d+)*/g;
const MIN_DIGITS = 13;
const MAX_DIGITS = 19;
/**
 * Card numbers are printed in groups of 4–6 (4-4-4-4, 4-6-5, 4-4-4-4-3); a group of one or two digits is a
 * quantity, a day or a month, and a row like `1 4000 1 4000 2500` must not be read as one long number.
 */
const MIN_GROUP = 3;

export function maskCardText(last4: string): string {
  return `**** ${last4}`;
}

/** Masks every Luhn-valid 13–19 digit run; `count` says how many were masked (0: `text` is returned unchanged). */
export function maskCardNumbers(text: string): { text: string; count: number } {
  let count = 0;
  const masked = text.replace(GROUPED_RUN, (run) => {
    const parts = run.split(/([ -])/);
    const groups = parts.filter((_, i) => i % 2 === 0);
    const separators = parts.filter((_, i) => i % 2 === 1);
    const out: string[] = [];
    let i = 0;
    while (i < groups.length) {
      const end = cardWindowEnd(groups, i);
      if (end === undefined) {
        out.push(groups[i]!, separators[i] ?? '');
        i += 1;
        continue;
      }
      count += 1;
      const digits = groups.slice(i, end + 1).join('');
      out.push(maskCardText(digits.slice(-4)), separators[end] ?? '');
      i = end + 1;
    }
    return out.join('');
  });
  return count === 0 ? { text, count } : { text: masked, count };
}

/** The last group of the longest Luhn-valid card-shaped window starting at group `start`, if any. */
function cardWindowEnd(groups: string[], start: number): number | undefined {
  let digits = 0;
  let found: number | undefined;
  for (let end = start; end < groups.length; end++) {
    const group = groups[end]!;
    if (group.length < MIN_GROUP && groups.length > 1) break;
    digits += group.length;
    if (digits > MAX_DIGITS) break;
    const window = groups.slice(start, end + 1);
    if (digits >= MIN_DIGITS && luhnValid(window.join('')) && !isTrackingNotCard(window)) found = end;
  }
  return found;
}
