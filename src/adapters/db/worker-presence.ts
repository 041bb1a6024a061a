// A worker process's presence: a `worker:<id>` lease renewed on a timer while the process runs (not per round: one
// message's OCR may outlast a round's share of the lease), released on close. The id names the machine and the
// process, so a worker on this machine whose process is gone is known dead at once, before its lease runs out: a
// restart right after a kill reclaims the killed worker's messages at start-up.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DeliveryStore } from '../../domain/ports/delivery-store.ts';
import type { WorkerPresence } from '../../domain/ports/worker-presence.ts';
import { processAlive } from '../system/process-alive.ts';
import { workerLeaseName } from './delivery-store.ts';

export async function startWorkerPresence(
  store: Pick<DeliveryStore, 'acquireLease' | 'releaseLease' | 'releaseOrphanedProcessing'>,
  options: { ttlMs: number; onError?: (error: unknown) => void },
): Promise<WorkerPresence & { close(): Promise<void> }> {
  const host = hostname();
  const id = `${host}/${process.pid}/${randomBytes(4).toString('hex')}`;
  const lease = workerLeaseName(id);
  const renew = () => store.acquireLease(lease, id, options.ttlMs, new Date());
  await renew();
  // Three renewals per lease period: one slow database round does not let it lapse.
  const timer = setInterval(() => void renew().catch((error) => options.onError?.(error)), Math.max(1000, Math.floor(options.ttlMs / 3)));
  timer.unref();

  const isDead = (claimant: string): boolean => {
    const [claimantHost, pid] = claimant.split('/');
    // Another machine's process, or another worker in this one: only its lease can tell.
    if (claimantHost !== host || Number(pid) === process.pid || !/^\d+$/.test(pid ?? '')) return false;
    return !processAlive(Number(pid));
  };

  return {
    id,
    // The lease table's clock: real time, whatever clock the caller's pass runs on.
    releaseOrphans: () => store.releaseOrphanedProcessing(new Date(), isDead),
    close: async () => {
      clearInterval(timer);
      await store.releaseLease(lease, id);
    },
  };
}
