// The returns desk's manual steps after approval (SPEC §4): the parcel reached the warehouse, the inspection
// result (refund, or send the goods back when they show traces of use), and the refund paid.
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { refundDueAt } from '../../domain/lifecycle/deadlines.ts';
import { parseRoubles, toRoublesString } from '../../domain/money/money.ts';
import { RefundMethodSchema } from '../../domain/application.ts';
import { changeReturn, loadReturn, today } from './change-return.ts';
import { loadReviewCheck } from './review-check.ts';
import type { ActionOutcome, AgentActor, ReviewDeps } from './review-deps.ts';
import type { ReturnRef } from '../../domain/ports/return-updates.ts';
import type { ExchangedItem } from './decide-review.ts';
import { exchangeShippingRefund, isExchangeOnly } from '../refunds/exchange-shipping-refund.ts';

interface DeskAction {
  returnNumber: string;
  actor: AgentActor;
}

export async function markParcelReceived(deps: ReviewDeps, action: DeskAction): Promise<ActionOutcome> {
  const ref = await loadReturn(deps, action.returnNumber);
  const now = deps.now();
  return changeReturn(deps, ref, {
    events: ['receive_at_warehouse'],
    actor: action.actor,
    reason: 'parcel received at the warehouse',
    reply: {
      template: 'parcel_received',
      data: {
        shopName: deps.shopName,
        customerName: ref.application.fields.fullName?.value ?? null,
        refundWithinDays: deps.policy.refundDays,
        // An exchange with nothing refunded: the customer is promised the replacement, not money.
        exchangeOnly: exchangedItems(ref).length > 0 && ref.application.items.length === 0,
      },
    },
    deadlines: { warehouseAt: now, refundDueAt: refundDueAt(now, deps.policy) },
  });
}

export const InspectionSchema = z.object({
  result: z.enum(['refund', 'send_back']),
  note: z.string().trim().max(500).optional(),
});
export type Inspection = z.infer<typeof InspectionSchema>;

/**
 * A passed inspection is an `inspection_passed` event on the timeline, which the refund step requires
 * (transitions.ts); a failed one sends the goods back without a refund.
 */
export async function recordInspection(deps: ReviewDeps, action: DeskAction & Inspection): Promise<ActionOutcome> {
  const ref = await loadReturn(deps, action.returnNumber);
  if (action.result === 'send_back' && deps.policy.usedGoods === 'refund') {
    // The shop's policy refunds goods even with traces of use; sending them back would break its own rule.
    throw new AppError('validation_failed', 'The return policy (usedGoods: refund) refunds goods with traces of use; they are not sent back.');
  }
  if (action.result === 'send_back' && !action.note?.trim()) {
    // The customer is told why the parcel comes back instead of the money: the agent's words are that reason.
    throw new AppError('validation_failed', 'Say what the inspection found (e.g. "stains on the hem"): the customer is told why the goods come back.');
  }
  if (action.result === 'send_back') {
    return changeReturn(deps, ref, {
      events: ['return_to_customer'],
      actor: action.actor,
      reason: action.note || 'traces of use: goods sent back without refund',
      // The customer is told why the parcel comes back instead of the money.
      reply: {
        template: 'returned_to_customer',
        data: { shopName: deps.shopName, customerName: ref.application.fields.fullName?.value ?? null, inspectionNote: action.note?.trim() || null },
      },
    });
  }
  if (ref.state !== 'received_at_warehouse') {
    throw new AppError('illegal_transition', `An inspection is recorded for a parcel at the warehouse; return ${ref.returnNumber} is ${ref.state}.`);
  }
  if (ref.inspectedAt) {
    throw new AppError('conflict', `The inspection of return ${ref.returnNumber} was already recorded; reload and try again.`);
  }
  // The amount owed is fixed now, from the order and the items accepted: the list of refunds to pay reads it.
  // An exchange with nothing refunded owes only the return postage the policy makes the shop's cost, if any.
  const due = isExchangeOnly(ref) ? exchangeShippingRefund(ref, deps.policy).amount || undefined : (await loadReviewCheck(deps, ref.application, ref)).decision.refund?.total;
  await deps.updates.updateReturn({
    returnNumber: ref.returnNumber,
    fromState: ref.state,
    toState: ref.state,
    events: [{ actor: action.actor, type: 'inspection_passed', reason: action.note || 'goods accepted: refund due', at: deps.now() }],
    ...(due !== undefined ? { refund: { due } } : {}),
  });
  return { returnNumber: ref.returnNumber, state: ref.state, reply: null };
}

export const RefundIssuedSchema = z.object({
  /** Roubles, "500.00": what was actually paid (prefilled with the computed refund). */
  amount: z.string().trim().regex(/^\d{1,9}(\.\d{2})?$/, 'amount in roubles, e.g. 500.00'),
  refundMethod: RefundMethodSchema,
  /** The bank day the money went out, `YYYY-MM-DD` (a date input); today when not given. */
  paidOn: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, e.g. 2026-12-05').optional(),
});
export type RefundIssued = z.infer<typeof RefundIssuedSchema>;

export async function markRefundIssued(deps: ReviewDeps, action: DeskAction & RefundIssued): Promise<ActionOutcome> {
  const ref = await loadReturn(deps, action.returnNumber);
  const check = await loadReviewCheck(deps, ref.application, ref);
  const deducted = check.decision.refund?.discountTotal;
  const cardLast4 = ref.application.fields.cardLast4?.value;
  const paid = parseRoubles(action.amount);
  if (!paid.ok) throw new AppError('validation_failed', paid.message);
  const paidOn = checkPaidOn(action.paidOn ?? today(deps), today(deps));
  // An exchange's postage refund is money beside the replacement, not the end of the return: it is recorded as a
  // note, and the return stays where it is (at the warehouse, or already `exchanged`).
  const postageOnly = isExchangeOnly(ref);
  if (postageOnly && !ref.inspectedAt) throw new AppError('illegal_transition', 'The return postage is refunded after the inspection has accepted the goods: record the inspection first.');
  if (postageOnly && ref.refundPaid) throw new AppError('conflict', `The return postage of return ${ref.returnNumber} was already refunded; reload and try again.`);
  return changeReturn(deps, ref, {
    events: postageOnly ? [] : ['refund'],
    noteType: 'postage_refunded',
    actor: action.actor,
    reason: `refund of ${toRoublesString(paid.kopecks)} RUB paid on ${paidOn} (${action.refundMethod})`,
    refund: { paid: paid.kopecks, paidOn },
    reply: {
      template: 'refund_issued',
      data: {
        shopName: deps.shopName,
        customerName: ref.application.fields.fullName?.value ?? null,
        amount: toRoublesString(paid.kopecks),
        paidOn,
        refundMethod: action.refundMethod,
        cardLast4: action.refundMethod === 'card' && cardLast4 && /^\d{4}$/.test(cardLast4) ? cardLast4 : null,
        discountDeducted: deducted && !postageOnly ? toRoublesString(deducted) : null,
        returnPostageOnly: postageOnly,
      },
    },
  });
}

export const ReceiptAmountSchema = z.object({
  /** Roubles, "450.00": the return postage, packaging and customs on the customer's receipt. */
  amount: z.string().trim().regex(/^\d{1,9}(\.\d{2})?$/, 'amount in roubles, e.g. 450.00'),
});
export type ReceiptAmount = z.infer<typeof ReceiptAmountSchema>;

/** States in which the parcel is on its way or in: the receipt exists and the refund is still to come. */
const RECEIPT_STATES = new Set(['shipped', 'received_at_warehouse']);

/**
 * The agent reads the postage off the receipt photo: for a defective or wrong item it is refunded with the item
 * (SPEC §2), so the refund the page pre-fills includes it from now on. No state change, one audit event.
 */
export async function recordReceiptAmount(deps: ReviewDeps, action: DeskAction & ReceiptAmount): Promise<ActionOutcome> {
  const ref = await loadReturn(deps, action.returnNumber);
  if (!RECEIPT_STATES.has(ref.state)) {
    throw new AppError('illegal_transition', `A shipping receipt is recorded once the parcel is sent; return ${ref.returnNumber} is ${ref.state}.`);
  }
  const parsed = parseRoubles(action.amount);
  if (!parsed.ok) throw new AppError('validation_failed', parsed.message);
  // An exchange inspected before the receipt came: the postage it owes is fixed from the receipt instead.
  const postageDue = isExchangeOnly(ref) && ref.inspectedAt && !ref.refundPaid ? exchangeShippingRefund({ ...ref, returnShippingCost: parsed.kopecks }, deps.policy).amount : undefined;
  await deps.updates.updateReturn({
    returnNumber: ref.returnNumber,
    fromState: ref.state,
    toState: ref.state,
    events: [{ actor: action.actor, type: 'receipt_amount', reason: `return shipping ${toRoublesString(parsed.kopecks)} RUB from the receipt`, at: deps.now() }],
    returnShippingCost: parsed.kopecks,
    ...(postageDue ? { refund: { due: postageDue } } : {}),
  });
  return { returnNumber: ref.returnNumber, state: ref.state, reply: null };
}

/** Money is recorded as paid on a real day that has come: not in the future, not before last year. */
function checkPaidOn(value: string, todayIso: string): string {
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) throw new AppError('validation_failed', `Not a date: "${value}".`);
  if (value > todayIso) throw new AppError('validation_failed', `The refund cannot be paid on ${value}: that day has not come yet.`);
  if (value < `${Number(todayIso.slice(0, 4)) - 1}${todayIso.slice(4)}`) throw new AppError('validation_failed', `${value} is more than a year ago.`);
  return value;
}

/** The items the approval exchanged instead of refunding (decide-review.ts), as kept in the decision. */
export function exchangedItems(ref: Pick<ReturnRef, 'decision'>): ExchangedItem[] {
  return (ref.decision as { exchange?: ExchangedItem[] }).exchange ?? [];
}

export const ReplacementSentSchema = z.object({ trackingNumber: z.string().trim().max(60).optional() });

/**
 * The replacement for the exchanged items is on its way: the customer is told, with its tracking number when the
 * desk has one. An exchange with nothing refunded ends here (`exchanged`); beside a refund it is an event of its own.
 */
export async function markReplacementSent(deps: ReviewDeps, action: DeskAction & { trackingNumber?: string }): Promise<ActionOutcome> {
  const ref = await loadReturn(deps, action.returnNumber);
  const exchange = exchangedItems(ref);
  if (exchange.length === 0) throw new AppError('validation_failed', `Return ${ref.returnNumber} exchanges nothing.`);
  if (!ref.inspectedAt) throw new AppError('illegal_transition', 'The replacement goes out after the inspection has accepted the goods: record the inspection first.');
  if (ref.replacementSentAt) throw new AppError('conflict', `The replacement for return ${ref.returnNumber} was already sent; reload and try again.`);
  const tracking = action.trackingNumber?.trim() || null;
  const exchangeOnly = ref.application.items.length === 0;
  if (!exchangeOnly && !['received_at_warehouse', 'refunded'].includes(ref.state)) {
    throw new AppError('illegal_transition', `A replacement is sent for goods at the warehouse; return ${ref.returnNumber} is ${ref.state}.`);
  }
  return changeReturn(deps, ref, {
    events: exchangeOnly ? ['send_replacement'] : [],
    noteType: 'replacement_sent',
    actor: action.actor,
    reason: `replacement sent: ${exchange.map((i) => `${i.name} → ${i.wanted}`).join(', ')}${tracking ? ` (tracking ${tracking})` : ''}`,
    ...(tracking ? { decision: { ...ref.decision, replacementTracking: tracking } as ReturnRef['decision'] } : {}),
    reply: {
      template: 'exchange_sent',
      data: { shopName: deps.shopName, customerName: ref.application.fields.fullName?.value ?? null, exchange: exchange.map(({ name, wanted }) => ({ name, wanted })), trackingNumber: tracking },
    },
  });
}
