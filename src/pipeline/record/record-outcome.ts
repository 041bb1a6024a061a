// Stage 7: commit a processing outcome. A return, its events and its reply go in one transaction; if the
// random return number is taken (rare), the caller processes again with a fresh one.
import type { Store } from '../../domain/ports/store.ts';
import type { ProcessOutcome } from '../process/process-outcome.ts';

export async function recordOutcome(
  store: Pick<Store, 'recordReturn' | 'finishInbound'>,
  inboundId: string,
  outcome: ProcessOutcome,
): Promise<{ returnNumber?: string }> {
  switch (outcome.kind) {
    case 'ignored':
      await store.finishInbound(inboundId, 'ignored', outcome.reason);
      return {};
    case 'needs_attention':
      await store.finishInbound(inboundId, 'needs_attention', outcome.reason);
      return {};
    case 'return': {
      const recorded = await store.recordReturn({ ...outcome.record, inboundId });
      return { returnNumber: recorded.returnNumber };
    }
  }
}
