// Decides a parsed application against the order and the policy. Approves automatically only when every check
// passes on confidently read fields; rejects automatically only for a violation that is certain; everything
// else goes to a person with every reason listed, so the agent sees the whole picture at once.
import type { FieldValue, ParsedApplication, Reason } from '../../domain/application.ts';
import { ReasonSchema } from '../../domain/application.ts';
import type { Decision, DecisionReason } from '../../domain/decision.ts';
import type { Kopecks } from '../../domain/money/money.ts';
import type { Order } from '../../domain/order.ts';
import { isPlaceholderAddress, placeholderMessage } from '../../domain/policy/placeholder-address.ts';
import type { Party, Policy, PostalAddress } from '../../domain/policy/policy-schema.ts';
import type { ReplyTemplate } from '../../domain/reply.ts';
import { checkDates } from './check-dates.ts';
import { checkRequiredFields } from './check-required-fields.ts';
import { computeRefund, type EarlierReturn, type RefundBreakdown } from './compute-refund.ts';
import { completeFromOrder, type Correction } from './complete-from-order.ts';
import { evidenceOf, type Confirmation, type Evidence } from './evidence.ts';
import { reason } from './decision-reasons.ts';
import { daysBetween, isIsoDate } from './iso-date.ts';
import { matchOrder, type MatchedItem } from './match-order.ts';
import { settleBik } from './settle-bik.ts';
import { settleReason } from './settle-reason.ts';
import { paperConfidence, withoutOrderEvidence } from '../../domain/value-provenance.ts';

export interface DecideInput {
  application: ParsedApplication;
  /** The order named by the application, or null when the source has no such order (or there is no source). */
  order: Order | null;
  /** False when no order source is configured: the order could not be checked at all. */
  orderSourceAvailable: boolean;
  policy: Policy;
  /** YYYY-MM-DD: the day the application arrived, against which windows and future dates are judged. */
  today: string;
  /**
   * The order's other returns that claim their items, oldest first. All of them count against the quantities
   * still returnable; those made before this one (`earlier`) also shaped what is left to refund.
   */
  otherReturns?: readonly OtherReturn[];
  /** The shipping receipt, once there is one: shipping is refunded for a defect or a wrong item against it. */
  shippingReceipt?: { present: boolean; returnShippingCost?: Kopecks };
  /** Why no order could be settled on (find-order.ts), in place of a plain `order_not_found`. */
  lookupReasons?: readonly DecisionReason[];
  /** How the order was found when not by the number as read, for the audit trail. */
  lookupNote?: string;
  /** The order was found by the paper's digits weighed together (find-by-digit-evidence.ts): what it gives stays below confident. */
  orderProbable?: boolean;
  /** Items exchanged instead of refunded (review-check.ts): on the decision, not the application, yet returned items. */
  exchangedItems?: number;
}

export interface OtherReturn extends EarlierReturn {
  returnNumber: string;
  /** Made before the return being decided (a new application: every one). */
  earlier: boolean;
}

export interface ShippingInstructions {
  /** From the order's region: which address and which reply variant. */
  variant: 'domestic' | 'international';
  address: PostalAddress;
  paidBy: Party;
  shipWithinDays: number;
  returnNumberNoteInParcel: boolean;
  returnNumberOnShippingForm: boolean;
  confirmWithTrackingNumber: boolean;
  confirmWithReceiptPhoto: boolean;
}

export type ApplicationDecision = Decision & {
  reply: ReplyTemplate;
  shipping?: ShippingInstructions;
  refund?: RefundBreakdown;
  corrections: Correction[];
  /** Fields the order confirmed, so a faint scan of a matching application can still be approved. */
  confirmed?: Array<{ field: string; by: string }>;
  /** The application as decided: completed and confirmed by the order, each value's source recorded. Stored. */
  application?: ParsedApplication;
  /** For each field the decision rests on, its value's source (paper, order, e-mail header, agent). */
  evidence?: Evidence[];
  /** How the order was found when not by its number as read. */
  orderFoundBy?: string;
};

export function decideApplication(input: DecideInput): ApplicationDecision {
  const { application, order, policy, today } = input;

  if (isApplicationMissing(application)) {
    const missing = reason('application_missing', 'The message holds no return application form.');
    return policy.applicationRequired
      ? { status: 'awaiting_application', state: 'awaiting_application', reasons: [missing], reply: 'application_missing', corrections: [] }
      : { status: 'needs_review', state: 'needs_review', reasons: [missing], reply: 'needs_review', corrections: [] };
  }

  const reasons: DecisionReason[] = [];
  // The order completes and confirms what was read (complete-from-order.ts); deciding again starts from the paper.
  let checked = withoutOrderEvidence(application);
  let corrections: Correction[] = [];
  const appReason = parseReason(checked.fields.reason?.value);
  let items: MatchedItem[] = [];
  let customerMatched = false;

  if (!input.orderSourceAvailable) {
    reasons.push(reason('order_unverified', 'No order source is configured, so the order could not be checked.', 'orderNumber'));
    reasons.push(...checkDates(checked, today));
  } else if (order === null) {
    const number = checked.fields.orderNumber?.value;
    if (input.lookupReasons && input.lookupReasons.length > 0) reasons.push(...input.lookupReasons);
    else reasons.push(reason('order_not_found', number ? `Order ${number} was not found.` : 'No order number to look up.', 'orderNumber'));
    reasons.push(...checkDates(checked, today));
  } else {
    const completion = completeFromOrder(checked, order, policy.minConfidence, { latest: today, probable: input.orderProbable === true });
    ({ application: checked, corrections } = completion);
    reasons.push(...completion.reasons);
    const alreadyReturned = (input.otherReturns ?? []).flatMap((r) => r.items.map((i) => ({ sku: i.sku, quantity: i.quantity })));
    const match = matchOrder({ application: checked, order, today, alreadyReturned });
    // Item lines complete-from-order.ts could not match are already named; match-order.ts's SKU view adds nothing.
    const unmatched = new Set(completion.reasons.filter((r) => r.code === 'item_not_in_order').map((r) => r.field));
    reasons.push(...match.reasons.filter((r) => !(r.code === 'item_not_in_order' && unmatched.has(r.field?.replace(/\.sku$/, '')))));
    ({ items, customerMatched } = match);
    corrections = [...corrections, ...match.corrections.map((c) => ({ field: `items[${c.item}].sku`, from: c.from, to: c.to, message: c.message }))];
  }
  // What the paper proves by itself (two readings agreeing, a control key holding) is settled for the decision
  // only; the stored application keeps every value as read, so deciding again weighs the same evidence again.
  const settledReason = settleReason(checked, policy.minConfidence);
  const settledBik = settleBik(checked, policy.minConfidence);
  const weighed: ParsedApplication = {
    ...checked,
    fields: { ...checked.fields, ...(settledReason ? { reason: settledReason } : {}), ...(settledBik ? { bik: settledBik } : {}) },
  };
  const confirmedWithin: Partial<Record<string, Confirmation>> = {};
  if (settledReason) confirmedWithin['reason'] = 'reasonText';
  if (settledBik) confirmedWithin['bik'] = 'controlKey';
  reasons.unshift(...checkRequiredFields(weighed, policy, input.exchangedItems));
  const evidence = evidenceOf(weighed, policy, confirmedWithin);
  const confirmed = confirmedFields(checked).map((field) => ({ field, by: `order ${order?.orderNumber}` }));

  const confident = (value: { confidence: number } | undefined) => value !== undefined && value.confidence >= policy.minConfidence;
  // An automatic rejection needs to be sure it is looking at this customer's order.
  // An order found by correcting a doubtful number (or by the buyer alone) can approve, never reject.
  const numberAsRead = checked.fields.orderNumber !== undefined && checked.fields.orderNumber.readValue === undefined && !(checked.fields.orderNumber.source === 'order' && checked.fields.orderNumber.readConfidence === undefined);
  const orderCertain = order !== null && customerMatched && numberAsRead && confident(checked.fields.orderNumber);
  const effectiveReason = (item: MatchedItem): Reason | undefined => item.reason ?? appReason;
  const reasonCertain = (item: MatchedItem) =>
    item.reason !== undefined ? confident(checked.items[item.index]?.reason) : confident(weighed.fields.reason);

  // Certain violations, item by item: the whole application is rejected only when every item has one.
  const violations: DecisionReason[] = [];
  const violatingItems = new Set<number>();

  const window = checkWindow(checked, order, policy, today, corrections);
  const properQualityItems = items.filter((i) => effectiveReason(i) === 'proper_quality');
  const windowApplies = properQualityItems.length > 0 || (items.length === 0 && appReason === 'proper_quality');
  if (windowApplies && window.outside) {
    if (window.certain && orderCertain) {
      violations.push(reason('out_of_window', window.message, 'receivedDate'));
      for (const i of properQualityItems) if (reasonCertain(i)) violatingItems.add(i.index);
    } else {
      reasons.push(reason('out_of_window_unconfirmed', window.message, 'receivedDate'));
    }
  }

  for (const item of properQualityItems) {
    if (!isNonReturnable(item, policy)) continue;
    const message = `"${item.line.name}" (${item.sku}) was made or altered to the customer's order and cannot be returned when of proper quality.`;
    // A rejection never rests on a corrected SKU: the paper must name this very line.
    const skuCorrected = item.corrected || corrections.some((c) => c.field === `items[${item.index}].sku`);
    const sure = orderCertain && !skuCorrected && confident(checked.items[item.index]?.sku) && reasonCertain(item);
    if (sure) {
      violations.push(reason('custom_made', message, `items[${item.index}].sku`));
      violatingItems.add(item.index);
    } else {
      reasons.push(reason('custom_made', `Possibly: ${message}`, `items[${item.index}].sku`));
    }
  }

  const refund = order && items.length > 0 && appReason ? refundFor(order, items, appReason, input) : undefined;
  const shipping = order && appReason ? shippingFor(order, items, appReason, policy) : undefined;
  const extras = { corrections, confirmed, application: checked, evidence, ...(input.lookupNote ? { orderFoundBy: input.lookupNote } : {}), ...(refund ? { refund } : {}), ...(shipping ? { shipping } : {}) };

  const everyItemViolates = items.length > 0 && items.length === checked.items.length && items.every((i) => violatingItems.has(i.index));
  if (violations.length > 0 && everyItemViolates) {
    return { status: 'rejected', state: 'rejected', reasons: dedupe(violations), reply: 'rejected', ...extras };
  }
  const all = dedupe([...violations, ...reasons]);
  const placeholder = shipping !== undefined && isPlaceholderAddress(shipping.address);
  if (all.length > 0) {
    // The agent who takes it over must know the address is missing: an approval then waits for it too (decide-review.ts).
    const withAddress = placeholder ? [...all, reason('placeholder_address', placeholderMessage(shipping.variant))] : all;
    return { status: 'needs_review', state: 'needs_review', reasons: withAddress, reply: 'needs_review', ...extras };
  }
  // Everything the customer owes is proven; only the shop's own return address is missing. The return is decided
  // and the customer told so now, but never sent to the preset's invented warehouse: it rests in `approved` until
  // the policy names a real address, and then the shipping instructions follow (release-waiting-approvals.ts).
  if (placeholder) return { status: 'approved', state: 'approved', reasons: [], reply: 'approved_address_pending', ...extras };
  return { status: 'approved', state: 'awaiting_shipment', reasons: [], reply: 'approved', ...extras };
}

/** Values read from the paper that the order repeats (complete-from-order.ts). */
function confirmedFields(application: ParsedApplication): string[] {
  const isConfirmed = (v: FieldValue | undefined) => v?.source === 'order' && v.readConfidence !== undefined && v.readValue === undefined;
  return [
    ...Object.entries(application.fields).filter(([, v]) => isConfirmed(v)).map(([k]) => k),
    ...application.items.flatMap((item, i) => Object.entries(item).filter(([, v]) => isConfirmed(v)).map(([k]) => `items[${i}].${k}`)),
  ];
}

function isApplicationMissing(application: ParsedApplication): boolean {
  const hasContent = Object.keys(application.fields).length > 0 || application.items.length > 0;
  return !hasContent || (application.problems.some((p) => p.code === 'not_an_application') && application.items.length === 0 && application.fields.orderNumber === undefined);
}

function parseReason(value: string | undefined): Reason | undefined {
  const parsed = ReasonSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

interface WindowCheck {
  outside: boolean;
  /** Both the customer's confidently read date and the order's delivery date put today outside the window. */
  certain: boolean;
  message: string;
}

function checkWindow(application: ParsedApplication, order: Order | null, policy: Policy, today: string, corrections: readonly Correction[]): WindowCheck {
  const days = policy.returnWindowDays;
  const received = application.fields.receivedDate;
  const byApplication = received && isIsoDate(received.value) ? daysBetween(received.value, today) : null;
  const byOrder = order?.deliveryDate && isIsoDate(order.deliveryDate) ? daysBetween(order.deliveryDate, today) : null;
  const outByApplication = byApplication !== null && byApplication > days;
  const outByOrder = byOrder !== null && byOrder > days;
  // A rejection rests on the customer's own date agreeing with the order's: read confidently, or read at all and
  // then found to be the order's very date (a misreading does not land on it by chance). A date the order
  // supplied or corrected is good enough to approve within the window, never to reject.
  const corrected = corrections.some((c) => c.field === 'receivedDate');
  const confirmed = received?.source === 'order' && received.readConfidence !== undefined && received.readValue === undefined && !corrected;
  const certain = outByApplication && outByOrder && (paperConfidence(received) >= policy.minConfidence || confirmed);
  const since = [
    byApplication !== null ? `${byApplication} days since the date received on the application (${received!.value})` : null,
    byOrder !== null ? `${byOrder} days since delivery per the order (${order!.deliveryDate})` : null,
  ]
    .filter(Boolean)
    .join('; ');
  return {
    outside: outByApplication || outByOrder,
    certain,
    message: `Proper-quality goods can be returned within ${days} days of receipt: ${since}.`,
  };
}

function isNonReturnable(item: MatchedItem, policy: Policy): boolean {
  return item.line.madeToOrder || (item.line.category !== undefined && policy.nonReturnableCategories.includes(item.line.category));
}

function refundFor(order: Order, items: readonly MatchedItem[], appReason: Reason, input: DecideInput): RefundBreakdown {
  return computeRefund({
    order,
    items: items.map((i) => ({ sku: i.sku, quantity: i.quantity, ...(i.size !== undefined ? { size: i.size } : {}), ...(i.reason ? { reason: i.reason } : {}) })),
    reason: appReason,
    policy: input.policy,
    earlierReturns: (input.otherReturns ?? []).filter((r) => r.earlier),
    ...(input.shippingReceipt ? { receiptPresent: input.shippingReceipt.present } : {}),
    ...(input.shippingReceipt?.returnShippingCost !== undefined ? { returnShippingCost: input.shippingReceipt.returnShippingCost } : {}),
  });
}

function shippingFor(order: Order, items: readonly MatchedItem[], appReason: Reason, policy: Policy): ShippingInstructions {
  const reasons = items.length > 0 ? items.map((i) => i.reason ?? appReason) : [appReason];
  // One parcel, one payer: if the merchant owes the return costs for any item in it, the merchant pays.
  const paidBy: Party = reasons.some((r) => policy.shippingPaidBy[r] === 'merchant') ? 'merchant' : 'customer';
  return {
    variant: order.region,
    address: policy.addresses[order.region],
    paidBy,
    shipWithinDays: policy.shipWithinDays,
    returnNumberNoteInParcel: policy.returnNumber.noteInParcel,
    returnNumberOnShippingForm: policy.returnNumber.onShippingForm,
    confirmWithTrackingNumber: policy.shipmentConfirmation.trackingNumber,
    confirmWithReceiptPhoto: policy.shipmentConfirmation.receiptPhoto,
  };
}

function dedupe(reasons: readonly DecisionReason[]): DecisionReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.code}|${r.field ?? ''}|${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
