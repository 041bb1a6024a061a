// The production queue on PostgreSQL: pg-boss (10.x: Node 20 cannot run ≥ 11). Jobs are keyed by the inbound
// message's id, so enqueuing twice inserts once; pg-boss retries failed jobs with exponential back-off and
// hands out again a job whose worker died (expiry). SKIP LOCKED fetching keeps two workers off one job.
import PgBoss from 'pg-boss';
import { AppError } from '../../domain/app-error.ts';
import type { Store } from '../../domain/ports/store.ts';
import type { QueuedJob, WorkQueue } from '../../domain/ports/work-queue.ts';

export const INBOUND_QUEUE = 'inbound-message';
/** pg-boss's own tables live in their own schema, apart from the application's tables. */
const BOSS_SCHEMA = 'pgboss';
/** A job held this long without completing is treated as abandoned (worker killed) and retried. OCR of 10 pages fits. */
const JOB_EXPIRE_SECONDS = 15 * 60;
/** First retry after 10 s, doubling (pg-boss retryBackoff): a flaky OCR or database gets time to recover. */
const RETRY_DELAY_SECONDS = 10;
/** Messages left `received` without a job (a crash between storing and enqueuing) are looked for this often. */
const SWEEP_EVERY_MS = 60_000;
const SWEEP_LIMIT = 1000;

export async function createPgBossQueue(options: {
  databaseUrl: string;
  /** The worker parks a message after this many attempts; pg-boss may offer it once more, which then finds it parked. */
  maxAttempts: number;
  store: Pick<Store, 'listInboundIds'>;
  onError?: (error: Error) => void;
}): Promise<WorkQueue> {
  const boss = new PgBoss({ connectionString: options.databaseUrl, schema: BOSS_SCHEMA, max: 4, supervise: true, schedule: false });
  boss.on('error', (error: Error) => options.onError?.(error));
  try {
    await boss.start();
    await boss.createQueue(INBOUND_QUEUE, {
      name: INBOUND_QUEUE,
      retryLimit: options.maxAttempts + 1,
      retryDelay: RETRY_DELAY_SECONDS,
      retryBackoff: true,
      expireInSeconds: JOB_EXPIRE_SECONDS,
    });
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw new AppError('database_unavailable', `pg-boss could not start: ${(error as Error).message}`, { cause: error });
  }

  let lastSweep = 0;
  const enqueue = async (ids: string[]) => {
    if (ids.length === 0) return;
    // Inserting with the inbound id as the job id: ON CONFLICT DO NOTHING makes a second enqueue a no-op.
    await boss.insert(ids.map((id) => ({ name: INBOUND_QUEUE, id, data: { inboundId: id } })) as never);
  };

  return {
    enqueue,
    async take(limit: number): Promise<QueuedJob[]> {
      if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = Date.now();
        await enqueue(await options.store.listInboundIds(['received'], SWEEP_LIMIT));
      }
      const jobs = await boss.fetch<{ inboundId: string }>(INBOUND_QUEUE, { batchSize: limit });
      return (jobs ?? []).map((job) => ({ jobId: job.id, inboundId: job.data.inboundId }));
    },
    async complete(job) {
      await boss.complete(INBOUND_QUEUE, job.jobId);
    },
    async fail(job, error) {
      await boss.fail(INBOUND_QUEUE, job.jobId, { message: error });
    },
    async close() {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    },
  };
}
