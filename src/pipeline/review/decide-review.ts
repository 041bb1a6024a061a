// The three decisions an agent makes on an application under review, each one lifecycle transition with one reply:
// approve (approved + shipping instructions, or, while the shop's return address is the preset's placeholder,
// approved with the instructions to follow; some items may be turned down, e.g. a made-to-order coat beside a
// blouse), reject with a reason, or ask for a better photo.
import { z } from 'zod';
import { ReasonSchema, type ParsedApplication, type Reason } from '../../domain/application.ts';
import type { Decision } from '../../domain/decision.ts';
import { AppError } from '../../domain/app-error.ts';
import { shipBy } from '../../domain/lifecycle/deadlines.ts';
import { isPlaceholderAddress } from '../../domain/policy/placeholder-address.ts';
import type { RefundBreakdown } from '../decide/compute-refund.ts';
import type { ShippingInstructions } from '../decide/decide-application.ts';
import { buildReplyData } from '../process/build-reply-data.ts';
import { changeReturn, loadReturn, today } from './change-return.ts';
import { loadReviewCheck } from './review-check.ts';
import type { ActionOutcome, AgentActor, ReviewDeps } from './review-deps.ts';

/** Reasons the rejected template words one by one (templates/replies/_partials/reject-reason-*.hbs). */
export const REJECTION_REASONS = ['out_of_window', 'custom_made', 'used_goods', 'not_our_order', 'already_returned', 'other'] as const;
export const RejectionReasonSchema = z.enum(REJECTION_REASONS);
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;

export interface ReviewAction {
  returnNumber: string;
  actor: AgentActor;
  /** The state the agent's page showed; a return that moved meanwhile is refused. */
  expectedState?: 'needs_review';
}

/** Items of the application an agent turns down while approving the rest, by their index on the application. */
export interface NotReturnable {
  indices: number[];
  reason: RejectionReason;
  /** A reason of its own for an item (issue #14: one reason for every item turned down was not enough). */
  reasons?: Partial<Record<number, RejectionReason>>;
}

/** An item exchanged instead of refunded (issue #14): the same item in another size, or a replacement. */
export interface ExchangeChoice {
  index: number;
  /** What the customer gets instead, in the agent's words: "size L", "a new one". */
  wanted: string;
}

/** What the decision keeps of each exchanged item: the parcel must hold it, the replacement step names it. */
export interface ExchangedItem {
  name: string;
  sku?: string;
  size?: string;
  quantity?: string;
  wanted: string;
  /** The item's own reason, when the application gives one: a defect makes its return postage the shop's cost. */
  reason?: Reason;
}

export async function approveReturn(deps: ReviewDeps, action: ReviewAction & { notReturnable?: NotReturnable; exchange?: ExchangeChoice[] }): Promise<ActionOutcome> {
  const ref = await loadReturn(deps, action.returnNumber, action.expectedState);
  const { application, turnedDown, exchanged, withExchanged } = splitItems(ref.application, action.notReturnable, action.exchange);
  const exchangeOnly = application.items.length === 0 && exchanged.length > 0;
  // The refund, the shipping terms and the items the parcel holds follow the items approved, not the application.
  // Exchanged items are not refunded (and stay the customer's for the order's discounts), so the refund is computed
  // on the refunded items alone; with nothing refunded, the check only gives the shipping terms.
  const check = await loadReviewCheck(deps, exchangeOnly ? withExchanged : application, ref);
  const variant = check.decision.shipping?.variant ?? 'domestic';
  // The shop's return address is still the preset's placeholder: the agent's approval stands, as the worker's does
  // (decide-application.ts), but no one is sent to the invented warehouse. The return rests in `approved` with the
  // approved_address_pending reply and no ship-by date; the instructions follow by themselves once the policy names
  // a real address (release-waiting-approvals.ts), which is why the decision keeps the shipping terms and refund.
  const addressPending = isPlaceholderAddress(check.decision.shipping?.address ?? deps.policy.addresses[variant]);
  const refund = check.decision.refund && !exchangeOnly ? check.decision.refund : undefined;
  // The machine's doubts stay on record with the items turned down; the agent's approval is what decides.
  const decision: Decision & { exchange?: ExchangedItem[]; shipping?: ShippingInstructions; refund?: RefundBreakdown } = {
    status: 'approved',
    state: addressPending ? 'approved' : 'awaiting_shipment',
    reasons: [
      ...turnedDown.map((item) => ({ code: item.reason, field: `items[${item.index}]`, message: `not returnable: ${item.name}${item.sku ? ` (${item.sku})` : ''}` })),
      ...(exchangeOnly ? [] : check.decision.reasons.filter((r) => r.code !== 'placeholder_address')),
    ],
    ...(exchanged.length > 0 ? { exchange: exchanged } : {}),
    ...(addressPending && check.decision.shipping ? { shipping: check.decision.shipping } : {}),
    ...(addressPending && refund ? { refund } : {}),
  };
  const context = {
    shopName: deps.shopName,
    customerName: ref.application.fields.fullName?.value,
    policy: deps.policy,
    application,
    decision: {
      reasons: decision.reasons,
      ...(check.decision.shipping ? { shipping: check.decision.shipping } : {}),
      ...(refund ? { refund } : {}),
    },
    today: today(deps),
  };
  const data = {
    ...buildReplyData(addressPending ? 'approved_address_pending' : 'approved', context),
    notReturnable: turnedDown.map(({ name, reason }) => ({ name, reason })),
    exchange: exchanged.map(({ name, wanted }) => ({ name, wanted })),
  };
  const reasons = [
    ...(exchanged.length > 0 ? [`exchange: ${exchanged.map((i) => `${i.name} → ${i.wanted}`).join(', ')}`] : []),
    ...(turnedDown.length > 0 ? [`not returnable: ${turnedDown.map((i) => `${i.name} (${i.reason})`).join(', ')}`] : []),
    ...(addressPending ? [`the shipping instructions wait for the shop's return address (addresses.${variant} in the policy file)`] : []),
  ];
  const template = addressPending ? 'approved_address_pending' : exchangeOnly ? 'exchange_approved' : 'approved';
  return changeReturn(deps, ref, {
    events: addressPending ? ['approve'] : ['approve', 'await_shipment'],
    actor: action.actor,
    reason: reasons.length > 0 ? `approved after review; ${reasons.join('; ')}` : 'approved after review',
    reply: { template, data },
    decision,
    ...(turnedDown.length > 0 || exchanged.length > 0 ? { application } : {}),
    // No ship-by date while the customer does not know where to ship: it starts with the instructions e-mail.
    ...(addressPending ? {} : { deadlines: { shipBy: shipBy(deps.now(), deps.policy, deps.timeZone) } }),
  });
}

interface TurnedDown {
  index: number;
  name: string;
  sku?: string;
  reason: RejectionReason;
}

/**
 * The application with the items refunded only, the items turned down and the items exchanged; every item turned
 * down is a rejection. `withExchanged`: the application with the exchanged items kept (the parcel's contents).
 */
function splitItems(
  application: ParsedApplication,
  notReturnable?: NotReturnable,
  exchange: ExchangeChoice[] = [],
): { application: ParsedApplication; turnedDown: TurnedDown[]; exchanged: ExchangedItem[]; withExchanged: ParsedApplication } {
  const indices = new Set(notReturnable?.indices ?? []);
  const exchangeAt = new Map(exchange.map((e) => [e.index, e.wanted.trim()]));
  for (const index of [...indices, ...exchangeAt.keys()]) {
    if (!Number.isInteger(index) || index < 0 || index >= application.items.length) {
      throw new AppError('validation_failed', `The application has no item ${index + 1}.`);
    }
  }
  for (const [index, wanted] of exchangeAt) {
    if (indices.has(index)) throw new AppError('validation_failed', `Item ${index + 1} is either exchanged or turned down, not both.`);
    if (!wanted) throw new AppError('validation_failed', `Say what the customer gets for item ${index + 1} (e.g. "size L").`);
  }
  const exchanged = [...exchangeAt].sort(([a], [b]) => a - b).map(([index, wanted]): ExchangedItem => {
    const item = application.items[index]!;
    const text = (key: 'sku' | 'size' | 'quantity') => (item[key]?.value ? { [key]: item[key]!.value } : {});
    const reason = ReasonSchema.safeParse(item.reason?.value);
    return { name: item.name?.value || item.sku?.value || `item ${index + 1}`, ...text('sku'), ...text('size'), ...text('quantity'), wanted, ...(reason.success ? { reason: reason.data } : {}) };
  });
  const withExchanged = { ...application, items: application.items.filter((_, i) => !indices.has(i)) };
  if (indices.size === 0 && exchangeAt.size === 0) return { application, turnedDown: [], exchanged: [], withExchanged };
  if (indices.size === application.items.length) {
    throw new AppError('validation_failed', 'Every item is turned down: reject the application instead.');
  }
  const turnedDown = [...indices].sort((a, b) => a - b).map((index) => {
    const item = application.items[index]!;
    const sku = item.sku?.value;
    return { index, name: item.name?.value || sku || `item ${index + 1}`, ...(sku ? { sku } : {}), reason: notReturnable!.reasons?.[index] ?? notReturnable!.reason };
  });
  return {
    application: { ...application, items: application.items.filter((_, i) => !indices.has(i) && !exchangeAt.has(i)) },
    turnedDown,
    exchanged,
    withExchanged,
  };
}

export async function rejectReturn(deps: ReviewDeps, action: ReviewAction & { reason: RejectionReason; note?: string }): Promise<ActionOutcome> {
  const ref = await loadReturn(deps, action.returnNumber, action.expectedState);
  const message = action.note?.trim() || action.reason.replaceAll('_', ' ');
  const decision: Decision = { status: 'rejected', state: 'rejected', reasons: [{ code: action.reason, message }] };
  const data = buildReplyData('rejected', {
    shopName: deps.shopName,
    customerName: ref.application.fields.fullName?.value,
    policy: deps.policy,
    application: ref.application,
    decision: { reasons: decision.reasons },
    today: today(deps),
  });
  return changeReturn(deps, ref, {
    events: ['reject'],
    actor: action.actor,
    reason: `${action.reason}: ${message}`,
    reply: { template: 'rejected', data },
    decision,
  });
}

export async function requestBetterPhoto(deps: ReviewDeps, action: ReviewAction & { note?: string }): Promise<ActionOutcome> {
  const ref = await loadReturn(deps, action.returnNumber, action.expectedState);
  const message = action.note?.trim() || 'The scan is too poor to read; a clearer photo was requested.';
  const decision: Decision = { status: 'awaiting_application', state: 'awaiting_application', reasons: [{ code: 'photo_unreadable', message }] };
  return changeReturn(deps, ref, {
    events: ['request_application'],
    actor: action.actor,
    reason: message,
    reply: {
      template: 'photo_unreadable',
      // The agent's note is what the customer needs to hear: it goes into the e-mail, not only the audit trail.
      data: { shopName: deps.shopName, customerName: ref.application.fields.fullName?.value ?? null, agentNote: action.note?.trim() || null },
    },
    decision,
  });
}
