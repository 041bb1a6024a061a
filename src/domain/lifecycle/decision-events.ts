// The audit events that take a freshly parsed return to the state its decision chose, through the table, so
// an approval is recorded as approve + await_shipment exactly as SPEC §4 draws it.
import type { DecisionStatus } from '../decision.ts';
import type { ReturnEvent } from '../ports/store.ts';
import type { ReturnState } from '../return-state.ts';
import { transition, type Actor, type ReturnEventType } from './transitions.ts';

const PATH: Record<DecisionStatus, ReturnEventType[]> = {
  approved: ['approve', 'await_shipment'],
  rejected: ['reject'],
  needs_review: ['request_review'],
  awaiting_application: ['request_application'],
};

export type DecisionEvents = { ok: true; state: ReturnState; events: ReturnEvent[] } | { ok: false; code: 'illegal_transition'; message: string };

/**
 * From `parsed` (or `needs_review` when an agent decides) to where the decision leads. `until` stops the path
 * early: an approval whose shipping instructions cannot be sent yet rests in `approved`.
 */
export function decisionEvents(from: ReturnState, status: DecisionStatus, actor: Actor, reason: string | undefined, at: Date, until?: ReturnState): DecisionEvents {
  let state = from;
  const events: ReturnEvent[] = [];
  for (const event of PATH[status]) {
    if (state === until) break;
    // The follow-on step (approved → awaiting_shipment) is the system's, whoever approved.
    const result = transition(state, event, event === 'await_shipment' ? 'system' : actor, reason, at);
    if (!result.ok) return result;
    state = result.state;
    events.push(result.event);
  }
  return { ok: true, state, events };
}
