// What a decision rests on: for each decisive field, where its value came from (paper, order, e-mail header,
// agent). Kept in the decision (shown by the review UI and `intake returns list`) and summed up in the audit
// trail. Field names and sources only: no customer data goes into the trail's text.
import type { FieldValue, ParsedApplication, ValueSource } from '../../domain/application.ts';
import { ReasonSchema, RefundMethodSchema } from '../../domain/application.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import { describeSource, sourceOf } from '../../domain/value-provenance.ts';
import { DECISIVE_ITEM_FIELDS, decisiveFields } from './decisive-fields.ts';

export interface Evidence {
  field: string;
  source: ValueSource;
  /** The document the value was read from, when it was read at all. */
  document?: string;
  confidence: number;
  /** Read from the paper and confirmed by the order: what the reading alone was worth. */
  readConfidence?: number;
  /** The order corrected a doubtful reading (the value is the order's, not what was read). */
  corrected?: true;
  /** What on the paper itself confirmed a doubtful reading for this decision (settle-reason.ts, settle-bank-details.ts). */
  confirmedBy?: Confirmation;
}

/** How the paper can confirm itself, as the review page and the audit trail say it. */
export const CONFIRMATIONS = {
  reasonText: "paper, confirmed by the customer's own words",
  controlKey: 'paper, confirmed by the control key',
} as const;
export type Confirmation = keyof typeof CONFIRMATIONS;

/** A value's source for people, with what confirmed it on the paper itself when that settled it. */
export function describeEvidenceSource(evidence: Evidence, fallback: string): string {
  return evidence.confirmedBy !== undefined ? CONFIRMATIONS[evidence.confirmedBy] : fallback;
}

/** `confirmedBy`: per field, what on the paper itself confirmed its doubtful reading for this decision. */
export function evidenceOf(application: ParsedApplication, policy: Policy, confirmedBy: Readonly<Partial<Record<string, Confirmation>>> = {}): Evidence[] {
  const reason = ReasonSchema.safeParse(application.fields.reason?.value);
  const method = RefundMethodSchema.safeParse(application.fields.refundMethod?.value);
  const one = (field: string, value: FieldValue | undefined): Evidence[] =>
    value
      ? [{
          field,
          source: sourceOf(value),
          ...(value.document !== undefined ? { document: value.document } : {}),
          confidence: value.confidence,
          ...(value.readConfidence !== undefined ? { readConfidence: value.readConfidence } : {}),
          ...(value.readValue !== undefined ? { corrected: true } : {}),
          ...(confirmedBy[field] !== undefined ? { confirmedBy: confirmedBy[field]! } : {}),
        }]
      : [];
  return [
    ...decisiveFields(reason.success ? reason.data : undefined, method.success ? method.data : undefined).flatMap((key) => one(key, application.fields[key])),
    ...application.items.flatMap((item, index) => DECISIVE_ITEM_FIELDS.flatMap((key) => one(`items[${index}].${key}`, item[key]))),
  ];
}

/** "orderNumber: paper, confirmed by the order; items[0].sku: order; …" for the audit trail. */
export function describeEvidence(application: ParsedApplication, evidence: readonly Evidence[]): string {
  return evidence
    .map((e) => {
      const item = /^items\[(\d+)\]\.(\w+)$/.exec(e.field);
      const value = item ? application.items[Number(item[1])]?.[item[2] as 'sku'] : application.fields[e.field as 'reason'];
      return `${e.field}: ${describeEvidenceSource(e, value ? describeSource(value) : e.source)}`;
    })
    .join('; ');
}
