// The reason is the customer's to give, and no order can confirm it; but the paper often says it twice: a code or
// an option (the box "5", "Брак / Defective") and, elsewhere on the page, the customer's own words ("не подошёл
// по фасону", "Clasp is broken"). Two readings of different places that name the same reason are evidence the
// way a control key is: a misread code or option would have to land on the very reason the words name by chance.
// So a reason read with doubt that the words confirm is settled for the decision (the stored value stays as read).
// Words that name no reason, or several, or that were read from the same place as the reason, confirm nothing.
import type { FieldValue, ParsedApplication, SourceBox } from '../../domain/application.ts';
import { reasonsNamed } from '../parse/infer-reason.ts';

/**
 * Below this the reader itself asks a person to look at a value (parse/score-confidence.ts LOW_CONFIDENCE): such a
 * reading is no witness, for the reason or for the words.
 */
const WITNESS_FLOOR = 0.6;
/** A reason two independent readings agree on: above the decision threshold, below an exact text layer. */
export const READINGS_AGREE = 0.95;

/** The reason to decide with, when the customer's words settle it; undefined leaves it as read. */
export function settleReason(application: ParsedApplication, minConfidence: number): FieldValue | undefined {
  const { reason, reasonText } = application.fields;
  if (!reason || !reasonText || reason.confidence >= minConfidence) return undefined;
  // Only two readings of the paper are two witnesses: an agent's or the order's value is settled already.
  if (!isPaper(reason) || !isPaper(reasonText)) return undefined;
  if (reason.confidence < WITNESS_FLOOR || reasonText.confidence < WITNESS_FLOOR) return undefined;
  // The same place read once: the reason was inferred from these very words.
  if (!reason.box || !reasonText.box || overlaps(reason.box, reasonText.box)) return undefined;
  const named = [...reasonsNamed(reasonText.value)];
  if (named.length !== 1 || named[0] !== reason.value) return undefined;
  return { ...reason, confidence: READINGS_AGREE, readConfidence: reason.confidence };
}

/** Read from a document: the reader's own output names the file, a stored value says `document`. */
function isPaper(value: FieldValue): boolean {
  return !['header', 'order', 'agent'].includes(value.source ?? '');
}

function overlaps(a: SourceBox, b: SourceBox): boolean {
  return a.page === b.page && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
