// The lifecycle of a return (SPEC §4) as a table: which event moves which state where, and who may cause it.
// `transition` refuses anything not in the table and returns the audit event to store with the new state.
import type { ReturnEvent } from '../ports/store.ts';
import type { ReturnState } from '../return-state.ts';

export const RETURN_EVENTS = [
  'parse',
  'request_review',
  'approve',
  'reject',
  'request_application',
  'await_shipment',
  'ship',
  'expire',
  'receive_at_warehouse',
  'refund',
  'return_to_customer',
  'cancel',
  'reopen',
  'revive',
  'send_replacement',
] as const;
export type ReturnEventType = (typeof RETURN_EVENTS)[number];

/** `system` (the pipeline and the scheduler), `customer` (their e-mail), `agent:<email>` (the review UI). */
export type Actor = 'system' | 'customer' | `agent:${string}`;
type ActorKind = 'system' | 'customer' | 'agent';

interface Rule {
  from: ReturnState;
  event: ReturnEventType;
  to: ReturnState;
  by: readonly ActorKind[];
  /** A fact that must hold besides the state: the refund waits for the inspection to accept the goods. */
  requires?: 'inspection_passed';
}

export const TRANSITIONS: readonly Rule[] = [
  { from: 'received', event: 'parse', to: 'parsed', by: ['system'] },
  // A clearer photo, or the missing application, arrives: the return is parsed again.
  { from: 'needs_review', event: 'parse', to: 'parsed', by: ['system', 'agent'] },
  { from: 'awaiting_application', event: 'parse', to: 'parsed', by: ['system', 'agent'] },

  { from: 'parsed', event: 'request_review', to: 'needs_review', by: ['system'] },
  { from: 'parsed', event: 'approve', to: 'approved', by: ['system'] },
  { from: 'parsed', event: 'reject', to: 'rejected', by: ['system'] },
  { from: 'parsed', event: 'request_application', to: 'awaiting_application', by: ['system'] },
  // Only a person decides what the machine was unsure about.
  { from: 'needs_review', event: 'approve', to: 'approved', by: ['agent'] },
  { from: 'needs_review', event: 'reject', to: 'rejected', by: ['agent'] },
  // The scan is too poor to decide on: the agent asks for a better photo and the return waits for it.
  { from: 'needs_review', event: 'request_application', to: 'awaiting_application', by: ['agent'] },

  { from: 'approved', event: 'await_shipment', to: 'awaiting_shipment', by: ['system'] },
  { from: 'awaiting_shipment', event: 'ship', to: 'shipped', by: ['customer', 'agent'] },
  { from: 'awaiting_shipment', event: 'expire', to: 'expired', by: ['system'] },
  { from: 'shipped', event: 'receive_at_warehouse', to: 'received_at_warehouse', by: ['agent', 'system'] },
  // A parcel can reach the warehouse before the customer's tracking e-mail does.
  { from: 'awaiting_shipment', event: 'receive_at_warehouse', to: 'received_at_warehouse', by: ['agent'] },
  // Money goes out only for goods the inspection accepted (policy: used goods go back without a refund).
  { from: 'received_at_warehouse', event: 'refund', to: 'refunded', by: ['agent', 'system'], requires: 'inspection_passed' },
  // Goods with traces of use go back without a refund (policy `usedGoods`); an agent judges that.
  { from: 'received_at_warehouse', event: 'return_to_customer', to: 'returned_to_customer', by: ['agent'] },

  // The desk's own actions (issue #14), each with a reason in the audit trail. A return is cancelled before the
  // parcel is on its way (after that the warehouse decides); a decision ended by mistake is reopened for review;
  // an expired return is brought back with a new ship-by date.
  // An approval still waiting for the shop's return address (`approved`) can be called off as well.
  ...(['needs_review', 'awaiting_application', 'approved', 'awaiting_shipment'] as const).map((from) => ({ from, event: 'cancel' as const, to: 'cancelled' as const, by: ['agent'] as const })),
  { from: 'rejected', event: 'reopen', to: 'needs_review', by: ['agent'] },
  { from: 'cancelled', event: 'reopen', to: 'needs_review', by: ['agent'] },
  { from: 'expired', event: 'revive', to: 'awaiting_shipment', by: ['agent'] },
  // An exchange ends with the replacement sent, once the inspection accepted the goods, as a refund would.
  { from: 'received_at_warehouse', event: 'send_replacement', to: 'exchanged', by: ['agent'], requires: 'inspection_passed' },
];

/** States nothing moves out of by itself; only an agent's reopen or revive does (see above). */
export const FINAL_STATES: readonly ReturnState[] = ['rejected', 'refunded', 'returned_to_customer', 'expired', 'cancelled', 'exchanged'];

export type TransitionResult =
  | { ok: true; state: ReturnState; event: ReturnEvent }
  | { ok: false; code: 'illegal_transition'; message: string };

/** What is known about the return beyond its state, for rules that require it. */
export interface TransitionFacts {
  inspectionPassed?: boolean;
}

export function transition(
  current: ReturnState,
  event: ReturnEventType,
  actor: Actor,
  reason: string | undefined,
  at: Date,
  facts: TransitionFacts = {},
): TransitionResult {
  const rule = TRANSITIONS.find((r) => r.from === current && r.event === event);
  if (!rule) {
    const allowed = allowedEvents(current);
    return {
      ok: false,
      code: 'illegal_transition',
      message: `Cannot ${event} a return that is ${current}${
        FINAL_STATES.includes(current)
          ? ` (final state${allowed.length ? `; an agent may ${allowed.join(' or ')} it` : ''})`
          : allowed.length
            ? ` (allowed: ${allowed.join(', ')})`
            : ''
      }.`,
    };
  }
  const kind = actorKind(actor);
  if (!rule.by.includes(kind)) {
    return { ok: false, code: 'illegal_transition', message: `${actor} may not ${event} a return that is ${current} (only ${rule.by.join(' or ')}).` };
  }
  if (rule.requires === 'inspection_passed' && !facts.inspectionPassed) {
    return { ok: false, code: 'illegal_transition', message: `Cannot ${event} a return before the inspection has accepted the goods: record the inspection first.` };
  }
  return {
    ok: true,
    state: rule.to,
    event: { actor, type: event, fromState: current, toState: rule.to, ...(reason !== undefined ? { reason } : {}), at },
  };
}

export function allowedEvents(current: ReturnState): ReturnEventType[] {
  return TRANSITIONS.filter((r) => r.from === current).map((r) => r.event);
}

function actorKind(actor: string): ActorKind {
  return actor.startsWith('agent:') ? 'agent' : actor === 'customer' ? 'customer' : 'system';
}
