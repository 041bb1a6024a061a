// Stage 7: commit a processing outcome. A return (or a change to one), its events and its reply go in one
// transaction; on a conflict (a taken return number, a return that moved meanwhile) the caller processes again.
import type { ReturnUpdates } from '../../domain/ports/return-updates.ts';
import type { Store } from '../../domain/ports/store.ts';
import type { ProcessOutcome } from '../process/process-outcome.ts';

export async function recordOutcome(
  store: Pick<Store, 'recordReturn' | 'finishInbound'> & Pick<ReturnUpdates, 'updateReturn'>,
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
    case 'follow_up':
      // Guarded by the state it was decided from: if the return moved meanwhile this throws a conflict and the
      // message is processed again against the new state.
      await store.updateReturn(outcome.update);
      return { returnNumber: outcome.update.returnNumber };
  }
}
