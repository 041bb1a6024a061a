// The fields an automatic decision rests on (decisive-fields.ts) must be present and confident: read so from the
// paper, or confirmed or supplied by the order. Anything less goes to a person, each gap named.
import type { FieldValue, ParsedApplication } from '../../domain/application.ts';
import { ReasonSchema, RefundMethodSchema } from '../../domain/application.ts';
import type { DecisionReason } from '../../domain/decision.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import { reason } from './decision-reasons.ts';
import { DECISIVE_ITEM_FIELDS, decisiveFields } from './decisive-fields.ts';
import { settleRefundMethod } from './settle-refund-method.ts';

/** Problems the parser found that a person must look at even when the value was read confidently. */
const PARSE_PROBLEMS_FOR_REVIEW = new Set(['invalid_value', 'checksum_failed', 'inconsistent']);
/**
 * Fields no rule reads, or that the order and the e-mail establish: a reading problem with one of them is shown to
 * whoever opens the return, but is no reason to withhold a decision that rests on other values (issue #11: only
 * what only the customer can give must be read from the paper). The application's own date: every rule counts
 * from the e-mail's arrival (#13), so a signature date misread, unreadable or later than the arrival changes no
 * outcome. The buyer's name, e-mail and phone: the order says who the buyer is, and match-order.ts checks the
 * applicant against it. The order's date: the order's own, compared with it in match-order.ts.
 */
const NOT_RESTED_ON = new Set(['applicationDate', 'fullName', 'email', 'phone', 'orderDate']);

/** `exchangedItems`: items an agent exchanged, kept in the decision rather than on the application; returned all the same. */
export function checkRequiredFields(application: ParsedApplication, policy: Policy, exchangedItems = 0): DecisionReason[] {
  const minConfidence = policy.minConfidence;
  const reasons: DecisionReason[] = [];
  const check = (field: string, value: FieldValue | undefined) => {
    if (value === undefined || value.value.trim() === '') {
      reasons.push(reason('missing_field', `${field} is missing.`, field));
    } else if (value.confidence < minConfidence) {
      reasons.push(reason('low_confidence', `${field} "${value.value}" was read with confidence ${value.confidence.toFixed(2)} (< ${minConfidence}).`, field));
    }
  };

  const reasonValue = application.fields.reason?.value;
  const parsedReason = ReasonSchema.safeParse(reasonValue);
  if (reasonValue !== undefined && !parsedReason.success) {
    reasons.push(reason('invalid_value', `reason ${JSON.stringify(reasonValue)} is not one of ${ReasonSchema.options.join(', ')}.`, 'reason'));
  }
  const method = settleRefundMethod(application, minConfidence);
  reasons.push(...method.reasons);
  const fields = { ...application.fields, ...(method.value ? { refundMethod: method.value } : {}) };
  const parsedMethod = RefundMethodSchema.safeParse(fields.refundMethod?.value);
  if (fields.refundMethod !== undefined && !parsedMethod.success) {
    reasons.push(reason('invalid_value', `refundMethod ${JSON.stringify(fields.refundMethod.value)} is not one of ${RefundMethodSchema.options.join(', ')}.`, 'refundMethod'));
  }
  const decisive = decisiveFields(parsedReason.success ? parsedReason.data : undefined, parsedMethod.success ? parsedMethod.data : undefined);
  for (const key of decisive) check(key, fields[key]);

  if (application.items.length === 0 && exchangedItems === 0) reasons.push(reason('missing_field', 'No returned items are listed.', 'items'));
  application.items.forEach((item, index) => {
    for (const key of DECISIVE_ITEM_FIELDS) check(`items[${index}].${key}`, item[key]);
    const itemReason = item.reason?.value;
    if (itemReason !== undefined && !ReasonSchema.safeParse(itemReason).success) {
      reasons.push(reason('invalid_value', `Item reason ${JSON.stringify(itemReason)} is not one of ${ReasonSchema.options.join(', ')}.`, `items[${index}].reason`));
    }
  });

  for (const p of application.problems) {
    if (!PARSE_PROBLEMS_FOR_REVIEW.has(p.code) || NOT_RESTED_ON.has(p.field) || replacedByOrder(application, p.field)) continue;
    reasons.push({ code: p.code, field: p.field, message: p.message });
  }
  return reasons;
}

/**
 * A doubtful reading the order has replaced (complete-from-order.ts keeps what was read as `readValue`): the
 * problem was about that reading, and the decision rests on the order's value instead — a date of receipt whose
 * year OCR read as 2072 is the order's delivery date. A reading the order merely agrees with keeps its problem.
 */
function replacedByOrder(application: ParsedApplication, field: string): boolean {
  const item = /^items\[(\d+)\]\.(\w+)$/.exec(field);
  const value: FieldValue | undefined = item
    ? application.items[Number(item[1])]?.[item[2] as keyof ParsedApplication['items'][number]]
    : application.fields[field as keyof ParsedApplication['fields']];
  return value?.source === 'order' && value.readValue !== undefined;
}
