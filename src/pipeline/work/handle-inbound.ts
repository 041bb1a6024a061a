// One job: claim a stored message, process it, commit the outcome, and only then mark it in the mailbox.
// A fault is recorded on the message (failed, with the error) and retried with back-off; after maxAttempts it is parked
// for an operator. Nothing is ever dropped.
import { AppError, isPermanent } from '../../domain/app-error.ts';
import type { DeliveryGuardStore } from '../../domain/ports/delivery-store.ts';
import type { Mailbox, MailboxDisposition } from '../../domain/ports/mailbox.ts';
import type { ReturnUpdates } from '../../domain/ports/return-updates.ts';
import type { Store } from '../../domain/ports/store.ts';
import { decideMessage, readMessage, type ProcessDeps } from '../process/process-message.ts';
import type { ProcessOutcome } from '../process/process-outcome.ts';
import { recordOutcome } from '../record/record-outcome.ts';
import { recordDeliveryReport } from '../bounce/record-delivery-report.ts';
import { guardReply, type ReplyGuard, type ReplyLimits } from '../reply/guard-reply.ts';
import { retryDelayMs } from './retry-backoff.ts';
import { draftParkedReply } from './draft-parked-reply.ts';
import { maskCardNumbers } from '../../domain/validation/mask-card-numbers.ts';

export interface HandleDeps extends ProcessDeps {
  store: Store & ReturnUpdates;
  mailbox: Mailbox;
  maxAttempts: number;
  /** Bounce records, blocked addresses and reply counts; without it no reply is held back and bounces are only ignored. */
  delivery?: DeliveryGuardStore;
  deliveryLimits?: ReplyLimits & { hardBounceLimit: number };
  /** This worker's id, recorded on the messages it claims (see WorkerPresence). */
  workerId?: string;
  /** The check every reply passes (own address, blocked recipient, rate limit): the same one the scheduler and agents use. */
  replyGuard: ReplyGuard;
  /** A mailbox mark that failed after the commit; the mailbox reconciles it later, so it is logged, not retried here. */
  onMarkFailed?: (inboundId: string, error: unknown) => void;
}

export type HandleResult =
  | { status: 'done'; outcome: ProcessOutcome['kind']; returnNumber?: string }
  | { status: 'skipped' } // another worker has it, or it is already done
  | { status: 'failed' | 'parked'; error: string };

/** Conflicts (a taken return number: 1 in 27 billion; a return moved by an agent meanwhile) are retried this often. */
const NUMBER_RETRIES = 3;

export async function handleInbound(inboundId: string, deps: HandleDeps): Promise<HandleResult> {
  const inbound = await deps.store.claimInbound(inboundId, deps.workerId);
  if (!inbound) return { status: 'skipped' };
  // Claimed more often than allowed without ever finishing: reading it killed (or hung) the worker every time.
  if (inbound.attempts > deps.maxAttempts) {
    const reason = `too_complex: processing it stopped its worker ${inbound.attempts - 1} times`;
    // Drafting the reply must never keep the message from being parked (that would hand it out forever).
    const reply = await draftParkedReply(inbound, { ...deps, backlogMaxAgeHours: deps.deliveryLimits?.backlogMaxAgeHours }).catch(() => undefined);
    await deps.store.finishInbound(inbound.id, 'parked', reply ? `${reason}; the sender was told` : reason, reply ? { reply } : {});
    await markInMailbox(inbound, 'parked', deps);
    return { status: 'parked', error: reason };
  }
  let result: { returnNumber?: string } = {};
  let outcome: ProcessOutcome | undefined;
  try {
    // Read once: a conflict at the commit repeats the decision, never the OCR.
    const read = await readMessage(inbound, deps);
    for (let attempt = 0; attempt < NUMBER_RETRIES; attempt++) {
      outcome = await decideMessage(inbound, read, deps);
      if (deps.delivery && deps.deliveryLimits && outcome.kind === 'ignored' && outcome.reason === 'bounce') {
        await recordDeliveryReport(inbound.raw, { delivery: deps.delivery, blockAfter: deps.deliveryLimits.hardBounceLimit, now: deps.now });
      }
      const arrival = { arrivedAt: inbound.receivedAt, mailboxId: inbound.mailboxId };
      outcome = (await guardReply(outcome, arrival, { guard: deps.replyGuard, backlogMaxAgeHours: deps.deliveryLimits?.backlogMaxAgeHours, delivery: deps.delivery, now: deps.now })).outcome;
      try {
        result = await recordOutcome(deps.store, inbound.id, outcome);
        break;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'conflict') || attempt === NUMBER_RETRIES - 1) throw error;
      }
    }
  } catch (error) {
    const message = describe(error);
    // This attempt was counted at the claim.
    const attempts = inbound.attempts;
    // Unknown faults (a crashed OCR engine, a database hiccup) may pass; a permanent one is parked at once.
    const park = attempts >= deps.maxAttempts || isPermanent(error);
    if (park) await deps.store.finishInbound(inbound.id, 'parked', message);
    else await deps.store.finishInbound(inbound.id, 'failed', message, { retryAt: new Date(deps.now().getTime() + retryDelayMs(attempts)) });
    await markInMailbox(inbound, park ? 'parked' : null, deps);
    return { status: park ? 'parked' : 'failed', error: message };
  }
  await markInMailbox(inbound, outcome!.kind === 'needs_attention' ? 'needs_attention' : 'processed', deps);
  return { status: 'done', outcome: outcome!.kind, returnNumber: result.returnNumber };
}

/**
 * After the commit only. A failure here must not turn a committed outcome into a "failed" message (that would
 * process it, and reply, a second time): the mailbox finds committed-but-unmarked messages itself.
 */
async function markInMailbox(inbound: { id: string; mailboxId: string; mailboxKey: string }, disposition: MailboxDisposition | null, deps: HandleDeps): Promise<void> {
  if (disposition === null || inbound.mailboxId !== deps.mailbox.id) return;
  try {
    await deps.mailbox.markProcessed(inbound.mailboxKey, disposition);
  } catch (error) {
    deps.onMarkFailed?.(inbound.id, error);
  }
}

/** Stored as the message's lastError and shown to operators: a library may quote the text it choked on. */
function describe(error: unknown): string {
  const text = error instanceof AppError ? `${error.code}: ${error.message}` : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return maskCardNumbers(text).text;
}
