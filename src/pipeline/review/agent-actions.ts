// The desk's own actions on a return (issue #14), each with a reason that goes into the audit trail: cancel it,
// reopen a rejected or cancelled one for review, give more days to ship, bring an expired one back. Every action
// the customer must know about sends one reply through the same guarded path as a decision (change-return.ts).
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { reviewDueAt } from '../../domain/lifecycle/deadlines.ts';
import { addIsoDays } from '../../domain/iso-date-math.ts';
import { endOfShopDay, isoDay } from '../../domain/iso-day.ts';
import type { ReturnRef } from '../../domain/ports/return-updates.ts';
import { daysBetween } from '../decide/iso-date.ts';
import { parcelRules } from '../process/build-reply-data.ts';
import { shippingVariant } from '../schedule/run-due-actions.ts';
import { changeReturn, loadReturn, today } from './change-return.ts';
import type { ActionOutcome, AgentActor, ReviewDeps } from './review-deps.ts';

/** Longest a ship-by date may be moved ahead of today: beyond that the desk should reject and ask for a new application. */
export const MAX_SHIP_BY_DAYS_AHEAD = 60;

/** Why the agent acts, for the audit trail; one short phrase is enough, none is not. */
export const ActionReasonSchema = z.string().trim().min(3, 'say why, in a few words').max(500);
/** Optional words for the customer, put into the reply as written. */
const CustomerNoteSchema = z.string().trim().max(500).optional();
const ShipByDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, e.g. 2026-12-12');

export const CancelFormSchema = z.object({ reason: ActionReasonSchema, customerNote: CustomerNoteSchema });
export const ReopenFormSchema = z.object({ reason: ActionReasonSchema });
export const ShipByFormSchema = z.object({ reason: ActionReasonSchema, shipBy: ShipByDaySchema, customerNote: CustomerNoteSchema });

interface AgentAction {
  returnNumber: string;
  actor: AgentActor;
  reason: string;
}

const customerName = (ref: ReturnRef) => ref.application.fields.fullName?.value ?? null;
const note = (text: string | undefined) => (text && text.trim() !== '' ? text.trim() : null);

export async function cancelReturn(deps: ReviewDeps, action: AgentAction & { customerNote?: string }): Promise<ActionOutcome> {
  const ref = await loadReturn(deps, action.returnNumber);
  return changeReturn(deps, ref, {
    events: ['cancel'],
    actor: action.actor,
    reason: action.reason,
    reply: { template: 'cancelled', data: { shopName: deps.shopName, customerName: customerName(ref), agentNote: note(action.customerNote) } },
  });
}

/**
 * A rejected or cancelled return goes back under review with a fresh review SLA; the customer hears from the next
 * decision, not from the reopening (which would be a promise the agent has not made yet).
 */
export async function reopenReturn(deps: ReviewDeps, action: AgentAction): Promise<ActionOutcome> {
  const ref = await loadReturn(deps, action.returnNumber);
  return changeReturn(deps, ref, {
    events: ['reopen'],
    actor: action.actor,
    reason: action.reason,
    deadlines: { reviewDueAt: reviewDueAt(deps.now(), deps.policy), reviewBreachedAt: null },
  });
}

/** More days to ship a return awaiting shipment: a later ship-by day, a new reminder before it, the customer told. */
export async function extendShipBy(deps: ReviewDeps, action: AgentAction & { shipBy: string; customerNote?: string }): Promise<ActionOutcome> {
  const ref = await loadReturn(deps, action.returnNumber);
  if (ref.state !== 'awaiting_shipment') {
    throw new AppError('illegal_transition', `The ship-by date is extended while a return awaits shipment; ${ref.returnNumber} is ${ref.state}.`);
  }
  const current = ref.deadlines.shipBy ? isoDay(ref.deadlines.shipBy, deps.timeZone) : null;
  if (current && action.shipBy <= current) {
    throw new AppError('validation_failed', `The new ship-by date must be later than the current one, ${current}.`);
  }
  return moveShipBy(deps, ref, action, { events: [], noteType: 'extend_ship_by', from: current, revived: false });
}

/** An expired return brought back: awaiting shipment again, with a new ship-by day the customer is told. */
export async function reviveReturn(deps: ReviewDeps, action: AgentAction & { shipBy: string; customerNote?: string }): Promise<ActionOutcome> {
  const ref = await loadReturn(deps, action.returnNumber);
  const current = ref.deadlines.shipBy ? isoDay(ref.deadlines.shipBy, deps.timeZone) : null;
  return moveShipBy(deps, ref, action, { events: ['revive'], from: current, revived: true });
}

async function moveShipBy(
  deps: ReviewDeps,
  ref: ReturnRef,
  action: AgentAction & { shipBy: string; customerNote?: string },
  how: { events: Array<'revive'>; noteType?: string; from: string | null; revived: boolean },
): Promise<ActionOutcome> {
  const day = checkShipByDay(action.shipBy, today(deps));
  const address = deps.policy.addresses[shippingVariant(ref)];
  return changeReturn(deps, ref, {
    events: how.events,
    ...(how.noteType ? { noteType: how.noteType } : {}),
    actor: action.actor,
    reason: action.reason,
    changes: [{ field: 'shipBy', from: how.from, to: day }],
    // A new reminder is due before the new day; the old one (if sent) named the old day.
    deadlines: { shipBy: endOfShopDay(day, deps.timeZone), reminderSentAt: null },
    reply: {
      template: 'ship_by_extended',
      data: {
        shopName: deps.shopName,
        customerName: customerName(ref),
        returnAddress: address.lines.join('\n'),
        recipient: address.recipient,
        ...parcelRules(deps.policy),
        askTrackingNumber: deps.policy.shipmentConfirmation.trackingNumber && !ref.trackingNumber,
        askReceiptPhoto: deps.policy.shipmentConfirmation.receiptPhoto && !ref.receiptReceivedAt,
        shipByDate: day,
        revived: how.revived,
        agentNote: note(action.customerNote),
      },
    },
  });
}

/** A ship-by day from the form: a real calendar day, from today up to MAX_SHIP_BY_DAYS_AHEAD days ahead. */
export function checkShipByDay(value: string, todayIso: string): string {
  const day = ShipByDaySchema.safeParse(value);
  const ms = Date.parse(`${value}T00:00:00Z`);
  // 2026-02-30 parses to 2 March; only a day that reads back the same is a real one.
  const valid = day.success && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
  if (!valid) throw new AppError('validation_failed', `Not a date: "${value}" (expected e.g. ${addIsoDays(todayIso, 3)}).`);
  const ahead = daysBetween(todayIso, value) ?? -1;
  if (ahead < 0) throw new AppError('validation_failed', `The ship-by date ${value} has already passed.`);
  if (ahead > MAX_SHIP_BY_DAYS_AHEAD) throw new AppError('validation_failed', `The ship-by date may be at most ${MAX_SHIP_BY_DAYS_AHEAD} days ahead.`);
  return value;
}
