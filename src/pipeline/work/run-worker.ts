// The long-running worker: drain, wait for mail (or sleep), repeat until stopped. State lives in the database, so stopping at
// any point and starting again loses nothing.
import { setTimeout as sleep } from 'node:timers/promises';
import { drainOnce, type DrainDeps, type DrainSummary } from './drain-once.ts';

export interface WorkerStatus {
  worker: 'running' | 'stopped' | 'not_started';
  lastDrainAt?: Date;
  lastError?: string;
}

export function startWorker(
  deps: DrainDeps,
  options: { pollSeconds: number; onDrain?: (summary: DrainSummary) => void; onError?: (error: unknown) => void },
): { status: () => WorkerStatus; stop: () => Promise<void> } {
  const controller = new AbortController();
  const status: WorkerStatus = { worker: 'running' };
  const loop = (async () => {
    while (!controller.signal.aborted) {
      try {
        const summary = await drainOnce(deps);
        status.lastDrainAt = deps.now();
        status.lastError = undefined;
        options.onDrain?.(summary);
      } catch (error) {
        // The mailbox or database is down: keep the worker alive and try again next round.
        status.lastError = error instanceof Error ? error.message : String(error);
        options.onError?.(error);
      }
      // IMAP wakes us on IDLE the moment mail arrives; pollSeconds is the fallback (and the Maildir's only clock).
      if (deps.mailbox.waitForNew) {
        await deps.mailbox.waitForNew(controller.signal, options.pollSeconds * 1000).catch((error: unknown) => options.onError?.(error));
      } else {
        await sleep(options.pollSeconds * 1000, undefined, { signal: controller.signal }).catch(() => undefined);
      }
    }
    status.worker = 'stopped';
  })();
  return {
    status: () => ({ ...status }),
    stop: async () => {
      controller.abort();
      await loop;
    },
  };
}
