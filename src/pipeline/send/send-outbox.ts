// Last stage: hand committed replies to the transport, each delivered once even across a crash.
//
// A reply is committed with its decision first, so a crash before this stage means "send later", never "decided
// but no reply". The send itself is recorded *before* the SMTP transaction (`sending`, with the time): a crash
// after the server's 250 but before `sent` then leaves evidence instead of a silent resend. The same transaction
// carries our own mailbox as an extra envelope recipient, so a copy with the same Message-ID lands in the mailbox
// we read and is stored as inbound mail (ignored as our own message). A reply found `sending` is resolved by that
// copy: arrived → it was sent; not arrived after `resendAfterMs`, with the mailbox's backlog stored, → the
// transaction never completed, send again.
import type { ReplyTransport } from '../../domain/ports/reply-transport.ts';
import type { Store } from '../../domain/ports/store.ts';

/** How a send left unrecorded by a crash is confirmed. Without it, such a reply is sent again after the grace period. */
export interface SendConfirmation {
  /** Our own mailbox address, added to every SMTP envelope so a copy of each reply reaches the mailbox we read. */
  copyTo: string;
  /** True once our copy of this Message-ID has been stored as inbound mail. */
  arrived(messageId: string): Promise<boolean>;
}

/**
 * A reply left `sending` whose copy has not arrived after this long is sent again. Local delivery of the copy
 * takes well under a second; minutes cover a slow MTA queue and an IMAP poll, and a worker restart.
 */
export const DEFAULT_RESEND_AFTER_SECONDS = 300;

export interface SendSummary {
  sent: number;
  failed: number;
  /** Replies a crash left `sending` whose copy in our mailbox showed they had gone out. */
  confirmed?: number;
  /** Replies left `sending`, still within the grace period, waiting for their copy. */
  unconfirmed?: number;
}

export interface SendDeps {
  store: Pick<Store, 'listPendingOutbound' | 'listSendingOutbound' | 'beginOutboundSend' | 'markOutboundSent' | 'markOutboundFailed'>;
  transport: ReplyTransport;
  from: string;
  now: () => Date;
  confirmation?: SendConfirmation;
  resendAfterMs?: number;
  /**
   * False while the mailbox still holds mail not yet stored (a backlog after a restart): a copy may be in it, so
   * "not arrived" proves nothing yet and no unconfirmed reply is sent again.
   */
  mailboxCaughtUp?: boolean;
}

export async function sendOutbox(deps: SendDeps, limit: number): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, failed: 0, confirmed: 0, unconfirmed: 0 };
  const resendAfterMs = deps.resendAfterMs ?? DEFAULT_RESEND_AFTER_SECONDS * 1000;

  for (const outbound of await deps.store.listSendingOutbound(limit)) {
    const began = outbound.sendingAt ?? new Date(0);
    if (!deps.transport.idempotent && deps.confirmation && (await deps.confirmation.arrived(outbound.messageId))) {
      await deps.store.markOutboundSent(outbound.id, began);
      summary.confirmed!++;
      continue;
    }
    // An idempotent transport needs no proof; otherwise wait out the grace period (the copy may be on its way,
    // or another worker may be in the middle of this very send).
    const waiting = deps.now().getTime() - began.getTime() < resendAfterMs || (deps.confirmation && deps.mailboxCaughtUp === false);
    if (!deps.transport.idempotent && waiting) {
      summary.unconfirmed!++;
      continue;
    }
    if (await deps.store.beginOutboundSend(outbound.id, deps.now(), began)) await attempt(deps, outbound, summary);
  }

  for (const outbound of await deps.store.listPendingOutbound(limit)) {
    if (await deps.store.beginOutboundSend(outbound.id, deps.now())) await attempt(deps, outbound, summary);
  }
  return summary;
}

async function attempt(deps: SendDeps, outbound: { id: string; messageId: string; to: string; raw: Buffer }, summary: SendSummary): Promise<void> {
  try {
    const envelope = { from: deps.from, to: outbound.to, ...(deps.confirmation ? { copyTo: deps.confirmation.copyTo } : {}) };
    await deps.transport.send(outbound.raw, envelope, outbound.messageId);
    await deps.store.markOutboundSent(outbound.id, deps.now());
    summary.sent++;
  } catch (error) {
    await deps.store.markOutboundFailed(outbound.id, error instanceof Error ? error.message : String(error));
    summary.failed++;
  }
}
