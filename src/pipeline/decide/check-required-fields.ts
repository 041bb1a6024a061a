// The fields an automatic decision rests on must be present and read confidently; anything less goes to a person.
import type { FieldValue, ParsedApplication } from '../../domain/application.ts';
import { ReasonSchema, RefundMethodSchema } from '../../domain/application.ts';
import type { DecisionReason } from '../../domain/decision.ts';
import { reason } from './decision-reasons.ts';

const REQUIRED_FIELDS = ['orderNumber', 'fullName', 'receivedDate', 'reason', 'refundMethod'] as const;
const REQUIRED_ITEM_FIELDS = ['sku', 'quantity'] as const;
/** Where the money goes depends on the method; the card number itself is never stored, only its last 4 digits. */
const REFUND_DETAILS = {
  bank_account: ['bik', 'account', 'accountHolder'],
  card: ['cardLast4'],
} as const;

/** Problems the parser found that a person must look at even when the value was read confidently. */
const PARSE_PROBLEMS_FOR_REVIEW = new Set(['invalid_value', 'checksum_failed', 'inconsistent']);

export function checkRequiredFields(application: ParsedApplication, minConfidence: number): DecisionReason[] {
  const reasons: DecisionReason[] = [];
  const check = (field: string, value: FieldValue | undefined) => {
    if (value === undefined || value.value.trim() === '') {
      reasons.push(reason('missing_field', `${field} is missing.`, field));
    } else if (value.confidence < minConfidence) {
      reasons.push(reason('low_confidence', `${field} "${value.value}" was read with confidence ${value.confidence.toFixed(2)} (< ${minConfidence}).`, field));
    }
  };

  for (const key of REQUIRED_FIELDS) check(key, application.fields[key]);

  const reasonValue = application.fields.reason?.value;
  if (reasonValue !== undefined && !ReasonSchema.safeParse(reasonValue).success) {
    reasons.push(reason('invalid_value', `reason ${JSON.stringify(reasonValue)} is not one of ${ReasonSchema.options.join(', ')}.`, 'reason'));
  }
  const method = application.fields.refundMethod?.value;
  if (method !== undefined) {
    const parsed = RefundMethodSchema.safeParse(method);
    if (!parsed.success) {
      reasons.push(reason('invalid_value', `refundMethod ${JSON.stringify(method)} is not one of ${RefundMethodSchema.options.join(', ')}.`, 'refundMethod'));
    } else {
      for (const key of REFUND_DETAILS[parsed.data]) check(key, application.fields[key]);
    }
  }

  if (application.items.length === 0) reasons.push(reason('missing_field', 'No returned items are listed.', 'items'));
  application.items.forEach((item, index) => {
    for (const key of REQUIRED_ITEM_FIELDS) check(`items[${index}].${key}`, item[key]);
    const itemReason = item.reason?.value;
    if (itemReason !== undefined && !ReasonSchema.safeParse(itemReason).success) {
      reasons.push(reason('invalid_value', `Item reason ${JSON.stringify(itemReason)} is not one of ${ReasonSchema.options.join(', ')}.`, `items[${index}].reason`));
    }
  });

  for (const p of application.problems) {
    if (PARSE_PROBLEMS_FOR_REVIEW.has(p.code)) reasons.push({ code: p.code, field: p.field, message: p.message });
  }
  return reasons;
}
