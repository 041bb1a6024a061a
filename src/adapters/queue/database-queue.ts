// The embedded queue: inbound rows in state `received` (new) or `failed` (to retry, once their back-off time
// `nextAttemptAt` has come) are the work. Correct for one process; several processes would also be safe
// (claimInbound is atomic) but would poll blindly, which is why production uses pg-boss instead.
import type { Store } from '../../domain/ports/store.ts';
import type { QueuedJob, WorkQueue } from '../../domain/ports/work-queue.ts';

export function createDatabaseQueue(store: Pick<Store, 'listInboundIds'>, now: () => Date = () => new Date()): WorkQueue {
  return {
    async enqueue() {
      // Nothing to do: the stored row already is the job.
    },
    async take(limit: number): Promise<QueuedJob[]> {
      // A failed row carries its retry time (set by finishInbound); skipping it until then is the back-off.
      const ids = await store.listInboundIds(['received', 'failed'], limit, { dueBy: now() });
      return ids.map((id) => ({ jobId: id, inboundId: id }));
    },
    async complete() {},
    async fail() {},
    async close() {},
  };
}
