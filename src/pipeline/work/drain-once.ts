// One pass of the worker: ingest new mail, process every waiting message, send committed replies.
import type { WorkRecovery } from '../../domain/ports/delivery-store.ts';
import type { PolicySource } from '../../domain/ports/policy-source.ts';
import type { WorkerPresence } from '../../domain/ports/worker-presence.ts';
import type { Mailbox } from '../../domain/ports/mailbox.ts';
import type { WorkQueue } from '../../domain/ports/work-queue.ts';
import { ingestMailbox } from '../ingest/ingest-mailbox.ts';
import { runDeskAlerts, type DeskAlertDeps, type DeskAlertSummary } from '../alerts/run-desk-alerts.ts';
import { runDueActions, type DueActionKind } from '../schedule/run-due-actions.ts';
import { releaseWaitingApprovals } from '../schedule/release-waiting-approvals.ts';
import type { ReplyTransport } from '../../domain/ports/reply-transport.ts';
import { sendOutbox, type SendConfirmation, type SendSummary } from '../send/send-outbox.ts';
import { handleInbound, type HandleDeps, type HandleResult } from './handle-inbound.ts';

export interface DrainDeps extends HandleDeps {
  mailbox: Mailbox;
  queue: WorkQueue;
  transport: ReplyTransport;
  /** Copies of our replies to our own mailbox, so a send a crash left unrecorded is confirmed, not repeated. */
  sendConfirmation?: SendConfirmation;
  /** A reply left `sending` without a confirming copy is sent again after this long. */
  resendAfterMs?: number;
  readMessageId: (raw: Buffer) => string | undefined;
  scrubRaw: (raw: Buffer) => Promise<{ raw: Buffer }>;
  fromAddress: string;
  /** Messages taken from the mailbox and from the queue per round. */
  batchSize: number;
  /** Hands out again the messages a killed worker left in `processing` for longer than processingTimeoutSeconds. */
  recovery?: WorkRecovery;
  processingTimeoutSeconds?: number;
  /** Hands out again, at once, the messages of workers whose lease is gone (a killed process); the timeout above is the fallback. */
  workers?: WorkerPresence;
  /** Alerts and the daily digest for the desk, when the desk has an address (DESK_EMAIL). */
  deskAlerts?: DeskAlertDeps;
  /**
   * The policy file, looked at once at the start of each round: a round runs on one policy throughout, the one in
   * force when it began (`policy` is then only the start-up value).
   */
  policySource?: PolicySource;
  onProgress?: (event: { kind: 'ingested'; count: number } | { kind: 'handled'; result: HandleResult }) => void;
}

export interface DrainSummary {
  ingested: number;
  duplicates: number;
  handled: HandleResult[];
  /** Deadlines acted on: reminders, expiries, SLA and refund flags; shipping instructions once the shop's address is set. */
  scheduled: Array<{ returnNumber: string; action: DueActionKind | 'send_shipping_instructions' }>;
  replies: SendSummary;
  /** What went to the desk this round (alerts, the digest). */
  desk?: DeskAlertSummary;
}

export async function drainOnce(given: DrainDeps): Promise<DrainSummary> {
  // The shop sets its real return address while the service runs: this round already releases the approvals that waited.
  if (given.policySource) await given.policySource.refresh();
  const deps = given.policySource ? { ...given, policy: given.policySource.current() } : given;
  const summary: DrainSummary = { ingested: 0, duplicates: 0, handled: [], scheduled: [], replies: { sent: 0, failed: 0, confirmed: 0, unconfirmed: 0 } };
  if (deps.workers) {
    const orphans = await deps.workers.releaseOrphans();
    if (orphans.length > 0) await deps.queue.enqueue(orphans);
  }
  if (deps.recovery && deps.processingTimeoutSeconds) {
    const released = await deps.recovery.releaseStaleProcessing(new Date(deps.now().getTime() - deps.processingTimeoutSeconds * 1000));
    if (released.length > 0) await deps.queue.enqueue(released);
  }
  for (;;) {
    const ingested = await ingestMailbox(deps, deps.batchSize);
    summary.ingested += ingested.stored.length;
    summary.duplicates += ingested.duplicates.length;
    await deps.queue.enqueue(ingested.stored);
    deps.onProgress?.({ kind: 'ingested', count: ingested.stored.length });

    const jobs = await deps.queue.take(deps.batchSize);
    let done = 0;
    for (const job of jobs) {
      const result = await handleInbound(job.inboundId, deps);
      if (result.status === 'failed' || result.status === 'parked') await deps.queue.fail(job, result.error);
      else await deps.queue.complete(job);
      if (result.status === 'done') done++;
      summary.handled.push(result);
      deps.onProgress?.({ kind: 'handled', result });
      // Its reply goes out now, not after the whole batch (the first of 12 replies waited 18 s for the other 11).
      // A parked message may have one too: the sender told it could not be processed.
      if (result.status === 'done' || result.status === 'parked') await send(deps, summary, false);
    }
    // Fewer than a batch means the mailbox had nothing more: a copy of one of our replies would be stored by now.
    await send(deps, summary, ingested.stored.length + ingested.duplicates.length < deps.batchSize);

    // A failed job stays takeable for a later pass; stop when a round moved nothing forward, so a message
    // that keeps failing cannot spin this loop.
    if (ingested.stored.length + ingested.duplicates.length + done === 0) break;
  }
  // Instructions first: their ship-by date starts now, and the deadlines below then see the returns as they are.
  const released = await releaseWaitingApprovals({ ...deps, returns: deps.store });
  summary.scheduled = [...released, ...(await runDueActions({ ...deps, returns: deps.store }))];
  const desk = deps.deskAlerts ? await runDeskAlerts(deps.deskAlerts) : undefined;
  if (desk) summary.desk = desk;
  if (summary.scheduled.length > 0 || desk?.alerted || desk?.digest) await send(deps, summary, true);
  return summary;
}

async function send(deps: DrainDeps, summary: DrainSummary, mailboxCaughtUp: boolean): Promise<void> {
  const sent = await sendOutbox(
    {
      store: deps.store,
      transport: deps.transport,
      from: deps.fromAddress,
      now: deps.now,
      mailboxCaughtUp,
      ...(deps.sendConfirmation ? { confirmation: deps.sendConfirmation } : {}),
      ...(deps.resendAfterMs !== undefined ? { resendAfterMs: deps.resendAfterMs } : {}),
    },
    deps.batchSize,
  );
  summary.replies.sent += sent.sent;
  summary.replies.failed += sent.failed;
  summary.replies.confirmed! += sent.confirmed ?? 0;
  // The last round's count: how many still wait for their copy now, not a sum over rounds.
  summary.replies.unconfirmed = sent.unconfirmed ?? 0;
}
