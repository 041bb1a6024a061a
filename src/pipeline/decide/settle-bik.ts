// Bank details are proven by their checks, not by how crisp the scan was (issue #11: "bank details pass the BIK and
// account control-key checks"). The reader trusts an account whose control key holds with the BIK (the key covers
// the BIK's last three digits and all twenty of the account's; a single misread digit there always breaks it,
// domain/validation/account-control-key.ts), but keeps the BIK itself below confident unless a correspondent
// account confirms it too. For the decision, a BIK of the right shape whose key holds with a confidently read
// account is settled: its first two digits are fixed ("04"), its last three are keyed, and only digits 3–6 rest
// on the reading alone — so that reading must be clean. The stored value stays as read.
import type { FieldValue, ParsedApplication } from '../../domain/application.ts';
import { settlementAccountKeyValid } from '../../domain/validation/account-control-key.ts';
import { isValidBik } from '../../domain/validation/is-valid-bik.ts';

/**
 * An OCR reading with no digit corrected and a sure line: the reader keeps every unchecked OCR value at or below
 * 0.88 and every corrected one at or below 0.85 (parse/score-confidence.ts), so this admits only the former.
 */
const BIK_READ_CLEANLY = 0.86;
/** A BIK the account's key holds with: what the reader gives a keyed OCR value (parse/score-confidence.ts). */
export const KEY_HOLDS = 0.95;

/** The BIK to decide with, when the account's key settles it; undefined leaves it as read. */
export function settleBik(application: ParsedApplication, minConfidence: number): FieldValue | undefined {
  const { bik, account } = application.fields;
  if (!bik || !account || bik.confidence >= minConfidence) return undefined;
  if (account.confidence < minConfidence || bik.confidence < BIK_READ_CLEANLY) return undefined;
  if (!isValidBik(bik.value) || !settlementAccountKeyValid(bik.value, account.value)) return undefined;
  return { ...bik, confidence: KEY_HOLDS, readConfidence: bik.confidence };
}
