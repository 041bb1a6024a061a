// The embedded queue: inbound rows in state `received` (new) or `failed` (to retry) are the work. Correct for
// one process; several processes would also be safe (claimInbound is atomic) but would poll blindly, which is
// why production uses pg-boss instead.
import type { Store } from '../../domain/ports/store.ts';
import type { QueuedJob, WorkQueue } from '../../domain/ports/work-queue.ts';

export function createDatabaseQueue(store: Pick<Store, 'listInboundIds'>): WorkQueue {
  return {
    async enqueue() {
      // Nothing to do: the stored row already is the job.
    },
    async take(limit: number): Promise<QueuedJob[]> {
      const ids = await store.listInboundIds(['received', 'failed'], limit);
      return ids.map((id) => ({ jobId: id, inboundId: id }));
    },
    async complete() {},
    async fail() {},
    async close() {},
  };
}
