// The one path every agent action takes: walk the lifecycle table, render and compose the reply, and commit
// state, audit events, reply and deadlines in one updateReturn. The update is guarded by the state the action
// was decided from, so a double click or two agents at once send the reply once and the second gets a conflict.
import { AppError } from '../../domain/app-error.ts';
import type { ParsedApplication } from '../../domain/application.ts';
import type { Decision } from '../../domain/decision.ts';
import { transition, type ReturnEventType } from '../../domain/lifecycle/transitions.ts';
import type { ReturnDeadlines, ReturnRef, ReturnUpdate } from '../../domain/ports/return-updates.ts';
import type { OutboundDraft, ReturnEvent, ValueChange } from '../../domain/ports/store.ts';
import type { ReplyTemplate } from '../../domain/reply.ts';
import type { ReturnState } from '../../domain/return-state.ts';
import { draftReturnReply } from '../reply/draft-return-reply.ts';
import { guardChange } from '../reply/guard-reply.ts';
import type { ReplyDataInput } from '../reply/reply-data.ts';
import type { ActionOutcome, AgentActor, ReviewDeps } from './review-deps.ts';
import { isoDay } from '../../domain/iso-day.ts';

export interface Change {
  /** Lifecycle events in order; `await_shipment` after an approval is the system's step, as in decisionEvents. */
  events: ReturnEventType[];
  actor: AgentActor;
  reason?: string;
  /** With no lifecycle event: the audit event of this type that records the change (e.g. `extend_ship_by`). */
  noteType?: string;
  /** Old and new values the change makes (a deadline moved), kept on its first audit event. */
  changes?: ValueChange[];
  reply?: { template: ReplyTemplate; data: ReplyDataInput<ReplyTemplate>; inReplyTo?: string; randomId?: () => string };
  application?: ParsedApplication;
  decision?: Decision;
  deadlines?: Partial<ReturnDeadlines>;
  /** The refund owed or paid, committed with the change (ReturnUpdate.refund). */
  refund?: ReturnUpdate['refund'];
}

export async function loadReturn(deps: Pick<ReviewDeps, 'updates'>, returnNumber: string, expectedState?: ReturnState): Promise<ReturnRef> {
  const ref = await deps.updates.getReturnRef(returnNumber);
  if (!ref) throw new AppError('not_found', `return ${returnNumber} does not exist`);
  if (expectedState && ref.state !== expectedState) {
    throw new AppError('conflict', `return ${returnNumber} is now ${ref.state} (the page showed ${expectedState}); reload and try again`);
  }
  return ref;
}

export async function changeReturn(deps: ReviewDeps, ref: ReturnRef, change: Change): Promise<ActionOutcome> {
  const at = deps.now();
  let state = ref.state;
  const events: ReturnEvent[] = [];
  for (const type of change.events) {
    const result = transition(state, type, type === 'await_shipment' ? 'system' : change.actor, change.reason, at, {
      inspectionPassed: Boolean(ref.inspectedAt),
    });
    if (!result.ok) throw new AppError('illegal_transition', result.message);
    state = result.state;
    events.push(result.event);
  }
  // With lifecycle events the note is not needed (the event says it); without them it records the change.
  if (events.length === 0 && change.noteType) {
    events.push({ actor: change.actor, type: change.noteType, ...(change.reason !== undefined ? { reason: change.reason } : {}), at });
  }
  if (change.changes?.length && events[0]) events[0] = { ...events[0], changes: change.changes };
  const drafted = change.reply ? await draftReply(deps, ref, { ...change, reply: change.reply }) : undefined;
  const { change: update, suppressed } = await guardChange(
    {
      returnNumber: ref.returnNumber,
      fromState: ref.state,
      toState: state,
      events,
      ...(drafted ? { reply: drafted } : {}),
      ...(change.application ? { application: change.application } : {}),
      ...(change.decision ? { decision: change.decision } : {}),
      ...(change.deadlines ? { deadlines: change.deadlines } : {}),
      ...(change.refund ? { refund: change.refund } : {}),
    },
    deps.replyGuard,
    at,
  );
  await deps.updates.updateReturn(update);
  return { returnNumber: ref.returnNumber, state, reply: update.reply?.template ?? null, ...(suppressed ? { replySuppressed: suppressed } : {}) };
}

/** An event that changes nothing in the lifecycle (an edit, an inspection note), kept in the audit trail. */
export async function recordNote(deps: ReviewDeps, ref: ReturnRef, note: Omit<ReturnEvent, 'at'>, application?: ParsedApplication): Promise<void> {
  await deps.updates.updateReturn({
    returnNumber: ref.returnNumber,
    fromState: ref.state,
    toState: ref.state,
    events: [{ ...note, at: deps.now() }],
    ...(application ? { application } : {}),
  });
}

async function draftReply(deps: ReviewDeps, ref: ReturnRef, change: Change & { reply: NonNullable<Change['reply']> }): Promise<OutboundDraft> {
  const { reply } = change;
  const draft = await draftReturnReply(deps, ref, reply.template, reply.data, ref.customerEmail, {
    ...(reply.inReplyTo ? { inReplyTo: reply.inReplyTo } : {}),
    ...(reply.randomId ? { randomId: reply.randomId } : {}),
  });
  // An agent's action is customer-facing: without an address to answer, refuse it rather than act silently.
  if (!draft) throw new AppError('validation_failed', `return ${ref.returnNumber} has no customer e-mail to reply to`);
  // Who wrote or sent it travels with the reply, so the conversation names them (the timeline's event does too).
  return { ...draft, author: change.actor };
}

/** The shop day of the agent's action (ship-by dates count from it). */
export function today(deps: Pick<ReviewDeps, 'now' | 'timeZone'>): string {
  return isoDay(deps.now(), deps.timeZone);
}
