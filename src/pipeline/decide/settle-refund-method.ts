// The refund method is where the money goes, and the refund details say that better than a ticked box: bank
// details that pass the BIK and account control-key checks mean a transfer to that account, a card's last four
// digits with no bank details mean the card. A method read with doubt that the details agree with is therefore
// settled by them (for the decision only; the stored value stays as read). Details of both kinds, or details that
// fail their checks, or a confidently read method the details contradict, go to a person.
import type { FieldValue, ParsedApplication, RefundMethod } from '../../domain/application.ts';
import type { DecisionReason } from '../../domain/decision.ts';
import { settlementAccountKeyValid } from '../../domain/validation/account-control-key.ts';
import { isValidBik } from '../../domain/validation/is-valid-bik.ts';
import { reason } from './decision-reasons.ts';

export interface SettledMethod {
  /** The method to decide with, when the details settle it; undefined leaves the field as read. */
  value?: FieldValue;
  reasons: DecisionReason[];
}

export function settleRefundMethod(application: ParsedApplication, minConfidence: number): SettledMethod {
  const { refundMethod, bik, account, cardLast4 } = application.fields;
  const confident = (v: FieldValue | undefined): v is FieldValue => v !== undefined && v.confidence >= minConfidence;
  const bank = confident(bik) && confident(account);
  const card = confident(cardLast4) && /^\d{4}$/.test(cardLast4.value);
  if (bank && !(isValidBik(bik.value) && settlementAccountKeyValid(bik.value, account.value))) {
    return { reasons: [reason('checksum_failed', `Account ${account.value} does not pass the control-key check with BIK ${bik.value}.`, 'account')] };
  }
  if (bank && card) {
    return { reasons: [reason('inconsistent', 'The application gives both bank details and a card; which one the refund goes to is for a person to confirm.', 'refundMethod')] };
  }
  const implied: RefundMethod | undefined = bank ? 'bank_account' : card && bik === undefined && account === undefined ? 'card' : undefined;
  if (implied === undefined) return { reasons: [] };
  if (refundMethod === undefined || refundMethod.value === implied) {
    const details = implied === 'bank_account' ? [bik!, account!] : [cardLast4!];
    const confidence = Math.max(refundMethod?.confidence ?? 0, Math.min(...details.map((d) => d.confidence)));
    return { value: { ...(refundMethod ?? { source: 'document' }), value: implied, confidence }, reasons: [] };
  }
  if (refundMethod.confidence >= minConfidence) {
    return { reasons: [reason('inconsistent', `The refund method reads "${refundMethod.value}" but the details given are for "${implied}".`, 'refundMethod')] };
  }
  // A doubtful method contradicted by confident, checked details: the details are what the customer wrote out.
  return { reasons: [reason('inconsistent', `The refund method was read as "${refundMethod.value}" with doubt, and the details given are for "${implied}".`, 'refundMethod')] };
}
