// The return page's model: parsed fields beside the scan (with their boxes as fractions of the page, so they
// line up at any zoom), what is doubtful or invalid, the order match and the refund, and what may happen next.
import { FIELD_KEYS, ITEM_KEYS, ReasonSchema, RefundMethodSchema, type FieldValue, type ParsedApplication } from '../../domain/application.ts';
import { allowedEvents } from '../../domain/lifecycle/transitions.ts';
import { addIsoDays } from '../../domain/iso-date-math.ts';
import { isoDay } from '../../domain/iso-day.ts';
import { toRoublesString } from '../../domain/money/money.ts';
import { describeSource, sourceOf } from '../../domain/value-provenance.ts';
import { isPlaceholderAddress } from '../../domain/policy/placeholder-address.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { ReturnRef } from '../../domain/ports/return-updates.ts';
import type { ReturnDetail } from '../../domain/ports/store.ts';
import { REJECTION_REASONS } from '../../pipeline/review/decide-review.ts';
import type { ReviewCheck } from '../../pipeline/review/review-check.ts';
import { exchangedItems } from '../../pipeline/review/desk-steps.ts';
import { exchangeShippingRefund } from '../../pipeline/refunds/exchange-shipping-refund.ts';
import { describeEvidenceSource } from '../../pipeline/decide/evidence.ts';

export const FIELD_LABELS: Record<string, string> = {
  orderNumber: 'Order number',
  orderDate: 'Order date',
  receivedDate: 'Received on',
  fullName: 'Full name',
  email: 'E-mail',
  phone: 'Phone',
  reason: 'Reason',
  reasonText: "Customer's words",
  refundMethod: 'Refund method',
  bik: 'BIK',
  account: 'Account',
  corrAccount: 'Corr. account',
  accountHolder: 'Account holder',
  cardLast4: 'Card, last 4',
  applicationDate: 'Signed on',
};

interface BoxView {
  docId: string;
  page: number;
  left: string;
  top: string;
  width: string;
  height: string;
}

export interface FieldView {
  key: string;
  label: string;
  value: string;
  confidence: number | null;
  low: boolean;
  /** One plain message per problem of this field, as a phrase to translate and its values. */
  issues: Issue[];
  error?: string;
  edited: boolean;
  source: string | null;
  fromOrder: boolean;
  box?: BoxView;
  /** A closed set of values (reason, refund method): offered as choices in words, never typed as codes. */
  options?: Array<{ value: string; label: string; selected: boolean }>;
}

const CHOICES: Record<string, readonly string[]> = { reason: ReasonSchema.options, refundMethod: RefundMethodSchema.options };

function choicesFor(key: string, value: string): FieldView['options'] {
  const base = key.replace(/^items\.\d+\./, '');
  const values = CHOICES[base];
  if (!values) return undefined;
  // A value the parser read that is none of the choices stays visible (and invalid) until the agent picks one.
  const all = value && !values.includes(value) ? [value, ...values] : values;
  return [{ value: '', label: '—', selected: value === '' }, ...all.map((v) => ({ value: v, label: v.replaceAll('_', ' '), selected: v === value }))];
}

export function buildReturnView(
  detail: ReturnDetail,
  ref: ReturnRef | null,
  check: ReviewCheck,
  options: { minConfidence: number; policy: Parameters<typeof exchangeShippingRefund>[1] & Pick<Policy, 'addresses'>; errors?: Partial<Record<string, string>>; submitted?: Record<string, string>; now: Date; timeZone: string; shipWithinDays: number },
) {
  const { application } = detail;
  const docsByName = new Map(detail.documents.map((d) => [d.name, d]));
  const boxOf = (field: FieldValue | undefined): BoxView | undefined => {
    if (!field?.box) return undefined;
    // Older rows name the document in `source` itself.
    const name = field.document ?? field.source;
    const doc = (name ? docsByName.get(name) : undefined) ?? detail.documents.find((d) => d.kind !== 'text');
    const page = doc?.pages.find((p) => p.page === field.box!.page);
    if (!doc || !page?.width || !page.height) return undefined;
    const pct = (value: number, of: number) => `${((value / of) * 100).toFixed(3)}%`;
    return {
      docId: doc.id,
      page: field.box.page,
      left: pct(field.box.x, page.width),
      top: pct(field.box.y, page.height),
      width: pct(field.box.width, page.width),
      height: pct(field.box.height, page.height),
    };
  };
  const view = (key: string, label: string, field: FieldValue | undefined): FieldView => {
    const box = boxOf(field);
    const issues = fieldIssues(key, field, application, check);
    const value = options.submitted?.[key] ?? field?.value ?? '';
    const choices = choicesFor(key, value);
    return {
      key,
      label,
      value,
      ...(choices ? { options: choices } : {}),
      confidence: field ? field.confidence : null,
      low: field !== undefined && field.confidence < options.minConfidence,
      issues,
      ...(options.errors?.[key] ? { error: options.errors[key] } : {}),
      edited: field?.source === 'agent',
      // Where the value came from: paper, order, paper confirmed by the order, e-mail header (value-provenance.ts).
      source: field ? describeSource(field) : null,
      fromOrder: field !== undefined && sourceOf(field) === 'order',
      ...(box ? { box } : {}),
    };
  };

  const fields = FIELD_KEYS.map((key) => view(key, FIELD_LABELS[key] ?? key, application.fields[key]));
  const items = application.items.map((item, index) => ({
    // `index` keys the form (outcome.0); people count items from 1, as the messages do ("item 1 SKU").
    index,
    number: index + 1,
    cells: ITEM_KEYS.map((key) => view(`items.${index}.${key}`, key, item[key])),
    // Problems of the item as a whole (not one of its cells, which show their own under the value).
    issues: itemIssues(index, check),
  }));

  const refund = check.decision.refund;
  const money = (kopecks: number) => toRoublesString(kopecks);
  const events = allowedEvents(detail.state);
  const inspected = detail.events.some((e) => e.type === 'inspection_passed');
  const exchange = exchangedItems(detail);
  // An exchange of everything still owes the return postage of a defective or wrong item (no ref: nothing owed).
  const postage = ref ? exchangeShippingRefund(ref, options.policy) : { eligible: false, amount: 0 };
  const scans = detail.documents
    .filter((d) => d.kind !== 'text' && d.kind !== 'unsupported' && d.pageCount > 0)
    .map((d) => ({ id: d.id, name: d.name, pages: Array.from({ length: d.pageCount }, (_, i) => i + 1) }));

  return {
    ...detail,
    // Each edit shows what the value was and what it became (the audit trail with values, issue #14).
    events: detail.events.map((e) => ({ ...e, changes: e.changes?.map((c) => ({ ...c, label: changeLabel(c.field) })) ?? [] })),
    fields,
    items,
    scans,
    hasScans: scans.length > 0,
    reviewing: detail.state === 'needs_review',
    // Under review while the return address is still the preset's placeholder: approving is allowed, and the page
    // says what the customer then gets (approved now, the shipping instructions once the address is set).
    approveWaitsForAddress: detail.state === 'needs_review' ? placeholderRegion(check, options.policy) : null,
    // Approved while the policy's return address is the preset's placeholder: the instructions are not sent yet.
    waitingForAddress: detail.state === 'approved' ? { region: (detail.decision as { shipping?: { variant?: string } }).shipping?.variant === 'international' ? 'international' : 'domestic' } : null,
    otherProblems: application.problems.filter((p) => !(FIELD_KEYS as readonly string[]).includes(p.field) && !p.field.startsWith('items[')),
    reasons: check.decision.reasons,
    // Each decisive field and where its value came from, as the checks above judged it.
    evidence: (check.decision.evidence ?? []).map((e) => ({ field: e.field, source: describeEvidenceSource(e, describeSource({ value: '', ...e, ...(e.corrected ? { readValue: '' } : {}) })), confidence: e.confidence })),
    orderFoundBy: check.decision.orderFoundBy ?? null,
    order: check.order
      ? {
          ...check.order,
          lines: check.order.lines.map((l) => ({ ...l, unitPrice: money(l.unitPrice) })),
          discounts: check.order.discounts.map((d) => ({ ...d, amount: money(d.amount) })),
          shippingPaid: money(check.order.shippingPaid),
        }
      : null,
    orderSourceAvailable: check.orderSourceAvailable,
    refund: refund
      ? {
          lines: refund.lines.map((l) => ({ ...l, unitPrice: money(l.unitPrice), amount: money(l.amount) })),
          itemsTotal: money(refund.itemsTotal),
          deductions: refund.discountDeductions.map((d) => ({ ...d, amount: money(d.amount) })),
          shipping: { ...refund.shipping, amount: money(refund.shipping.amount) },
          total: money(refund.total),
          flooredAtZero: refund.flooredAtZero,
          earlierRefunded: refund.earlierRefunded > 0 ? money(refund.earlierRefunded) : null,
        }
      : null,
    refundAmount: refund ? money(refund.total) : '',
    exchange,
    exchangePostage: postage.eligible ? { amount: postage.amount > 0 ? money(postage.amount) : null, paid: ref?.refundPaid ? money(ref.refundPaid.amount) : null } : null,
    receiptAmount: ref?.returnShippingCost != null ? money(ref.returnShippingCost) : '',
    refundMethod: application.fields.refundMethod?.value ?? 'bank_account',
    rejectionReasons: REJECTION_REASONS,
    can: {
      review: detail.state === 'needs_review',
      parcelReceived: events.includes('receive_at_warehouse'),
      // The refund form appears once the inspection has accepted the goods, as the lifecycle requires.
      inspect: detail.state === 'received_at_warehouse' && !inspected,
      // An exchange with nothing refunded ends with the replacement, not with a refund.
      refund: events.includes('refund') && inspected && !(exchange.length > 0 && application.items.length === 0),
      replacement: exchange.length > 0 && inspected && !ref?.replacementSentAt && ['received_at_warehouse', 'refunded'].includes(detail.state),
      // The postage on the receipt, for a refund that owes shipping: entered while the parcel is on its way or in.
      receipt: ['shipped', 'received_at_warehouse'].includes(detail.state) && (refund?.shipping.eligible === true || postage.eligible),
      cancel: events.includes('cancel'),
      reopen: events.includes('reopen'),
      extend: detail.state === 'awaiting_shipment',
      revive: events.includes('revive'),
    },
    ...shipByChoices(ref?.deadlines.shipBy ?? null, options),
    deadlines: ref?.deadlines ?? null,
    trackingNumber: ref?.trackingNumber ?? null,
    sla: slaBadge(ref?.deadlines.reviewDueAt ?? null, detail.state, options.now),
  };
}

/**
 * The ship-by forms start from a day they accept: the policy's days to ship counted from the ship-by day in force when
 * it is still ahead (regression: extending offered the very day in force, which the desk's rule then refused), else
 * from today; an extension must be later than the day in force.
 */
function shipByChoices(shipBy: Date | null, options: { now: Date; timeZone: string; shipWithinDays: number }) {
  const today = isoDay(options.now, options.timeZone);
  const inForce = shipBy ? isoDay(shipBy, options.timeZone) : null;
  const ahead = inForce !== null && inForce >= today ? inForce : null;
  return {
    suggestedShipBy: addIsoDays(ahead ?? today, options.shipWithinDays),
    earliestExtension: ahead ? addIsoDays(ahead, 1) : today,
    today,
  };
}

export interface Issue {
  phrase: string;
  values: Record<string, string>;
}

/** Problems that a corrected value settles: the agent read the scan and typed the value. */
const SETTLED_BY_EDIT = new Set(['low_confidence', 'missing_field', 'invalid_value', 'checksum_failed']);

/**
 * One plain message per problem of a field (issue #14: each low-confidence warning showed twice, in developer
 * wording, and stayed after the field was corrected). The checks re-run on the application as it stands decide;
 * a parser's problem is shown only while the value is still the parser's, and never twice for one code.
 */
function fieldIssues(key: string, field: FieldValue | undefined, application: ParsedApplication, check: ReviewCheck): Issue[] {
  const checkKey = key.replace(/^items\.(\d+)\.(\w+)$/, 'items[$1].$2');
  const edited = field?.source === 'agent';
  const found = [
    ...check.decision.reasons.filter((r) => r.field === checkKey),
    ...application.problems.filter((p) => p.field === checkKey && !(edited && SETTLED_BY_EDIT.has(p.code))),
  ];
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const problem of found) {
    if (seen.has(problem.code)) continue;
    seen.add(problem.code);
    issues.push(plainIssue(problem.code, problem.message, field));
  }
  return issues;
}

function itemIssues(index: number, check: ReviewCheck): Issue[] {
  return check.decision.reasons.filter((r) => r.field === `items[${index}]`).map((r) => plainIssue(r.code, r.message, undefined));
}

function plainIssue(code: string, message: string, field: FieldValue | undefined): Issue {
  if (code === 'low_confidence') {
    return { phrase: 'Read with low confidence ({percent}): check it against the scan.', values: { percent: field ? `${Math.round(field.confidence * 100)}%` : '?' } };
  }
  if (code === 'missing_field') return { phrase: 'Missing: fill it in from the scan.', values: {} };
  // Other checks word their own reason (an account failing its key, a date out of order): the message is the phrase,
  // recognised in the UI's dictionary by its pattern (ru-messages.yaml) and shown in the page's language.
  return { phrase: message, values: {} };
}

/** `email` → "E-mail", `items.0.size` → "item 1 size", `shipBy` stays as it is. */
function changeLabel(field: string): string {
  const item = /^items\.(\d+)\.(\w+)$/.exec(field);
  if (item) return `item ${Number(item[1]) + 1} ${item[2]}`;
  return FIELD_LABELS[field] ?? field;
}

/** The 24 h review SLA as a badge: time left, or how long ago it was breached (`phrase` and `unit` are translated). */
export function slaBadge(
  dueAt: Date | null,
  state: string,
  now: Date,
): { text: string; level: 'ok' | 'soon' | 'breached'; phrase: string; unit: string; n: number } | null {
  if (!dueAt || !['received', 'parsed', 'needs_review'].includes(state)) return null;
  const hours = (dueAt.getTime() - now.getTime()) / 3_600_000;
  const { n, unit } = amountOf(Math.abs(hours));
  const amount = unit.replace('{n}', String(n));
  if (hours < 0) return { text: `SLA breached ${amount} ago`, level: 'breached', phrase: 'SLA breached {amount} ago', unit, n };
  return { text: `${amount} left`, level: hours < 4 ? 'soon' : 'ok', phrase: '{amount} left', unit, n };
}

function amountOf(hours: number): { n: number; unit: string } {
  if (hours < 1) return { n: Math.max(1, Math.round(hours * 60)), unit: '{n} min' };
  if (hours < 48) return { n: Math.round(hours), unit: '{n} h' };
  return { n: Math.round(hours / 24), unit: '{n} d' };
}

function placeholderRegion(check: ReviewCheck, policy: Pick<Policy, 'addresses'>): { region: 'domestic' | 'international' } | null {
  const region = check.decision.shipping?.variant ?? 'domestic';
  return isPlaceholderAddress(check.decision.shipping?.address ?? policy.addresses[region]) ? { region } : null;
}
