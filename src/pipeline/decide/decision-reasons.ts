// The stable reason codes a decision can carry. Templates, the review UI and metrics key on them, so they
// never change meaning; the message is for people and may be reworded.
import type { DecisionReason } from '../../domain/decision.ts';

export const REASON_CODES = [
  // certain violations: the only grounds for an automatic rejection
  'out_of_window',
  'custom_made',
  // need a person
  'out_of_window_unconfirmed',
  'order_not_found',
  // two of the buyer's orders fit the application equally well: a person picks
  'order_ambiguous',
  // the form and the order disagree about a value (what disagrees is in the message)
  'order_mismatch',
  'order_unverified',
  'customer_mismatch',
  'customer_unverified',
  'item_not_in_order',
  'quantity_exceeds_order',
  'already_returned',
  'date_in_future',
  'date_before_order',
  'order_date_mismatch',
  'low_confidence',
  'missing_field',
  'invalid_value',
  'checksum_failed',
  'inconsistent',
  'application_missing',
  // the shop's own return address is not set yet: the preset's EXAMPLE address must never reach a customer
  'placeholder_address',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export function reason(code: ReasonCode, message: string, field?: string): DecisionReason {
  return field === undefined ? { code, message } : { code, field, message };
}
