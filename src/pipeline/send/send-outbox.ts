// Last stage: hand committed replies to the transport. A reply is committed with its decision first, so a
// crash here means "send later", never "decided but no reply"; the transport is idempotent by Message-ID.
import type { Store } from '../../domain/ports/store.ts';

export interface ReplyTransportPort {
  send(raw: Buffer, envelope: { from: string; to: string }, messageId: string): Promise<void>;
}

export interface SendSummary {
  sent: number;
  failed: number;
}

export async function sendOutbox(
  deps: { store: Pick<Store, 'listPendingOutbound' | 'markOutboundSent' | 'markOutboundFailed'>; transport: ReplyTransportPort; from: string; now: () => Date },
  limit: number,
): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, failed: 0 };
  for (const outbound of await deps.store.listPendingOutbound(limit)) {
    try {
      await deps.transport.send(outbound.raw, { from: deps.from, to: outbound.to }, outbound.messageId);
      await deps.store.markOutboundSent(outbound.id, deps.now());
      summary.sent++;
    } catch (error) {
      await deps.store.markOutboundFailed(outbound.id, error instanceof Error ? error.message : String(error));
      summary.failed++;
    }
  }
  return summary;
}
