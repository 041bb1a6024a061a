// The production work queue against a real PostgreSQL: pg-boss 10 behind the WorkQueue port. Several workers
// must never run one message twice, a second enqueue must be a no-op, a failure must come back only after its
// back-off, and messages stored but never enqueued (a crash in between) must be found by the sweep.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuedJob, WorkQueue } from '../../../src/domain/ports/work-queue.ts';
import { createPgBossQueue } from '../../../src/adapters/queue/pg-boss-queue.ts';
import { startPostgresServer, type PostgresServer } from '../../support/postgres-server.ts';

let server: PostgresServer;
const opened: WorkQueue[] = [];

async function queue(url: string, swept: string[] = []): Promise<WorkQueue> {
  const q = await createPgBossQueue({ databaseUrl: url, maxAttempts: 3, store: { listInboundIds: async () => swept } });
  opened.push(q);
  return q;
}

beforeAll(async () => {
  server = await startPostgresServer();
}, 120_000);

afterAll(async () => {
  for (const q of opened) await q.close();
  await server?.stop();
});

describe('pg-boss work queue', () => {
  it('enqueuing a message twice yields one job; a completed job is gone', async () => {
    const q = await queue(await server.createDatabase('q_once'));
    const id = randomUUID();
    await q.enqueue([id]);
    await q.enqueue([id]);
    const jobs = await q.take(10);
    expect(jobs.map((j) => j.inboundId)).toEqual([id]);
    await q.complete(jobs[0]!);
    expect(await q.take(10)).toEqual([]);
  });

  it('two workers taking at once never get the same job', async () => {
    const url = await server.createDatabase('q_two');
    const [a, b] = [await queue(url), await queue(url)];
    const ids = Array.from({ length: 40 }, () => randomUUID());
    await a.enqueue(ids);
    const taken: QueuedJob[] = [];
    for (let round = 0; round < 5; round++) {
      const [fromA, fromB] = await Promise.all([a.take(5), b.take(5)]);
      taken.push(...fromA, ...fromB);
    }
    expect(taken).toHaveLength(40);
    expect(new Set(taken.map((j) => j.inboundId)).size).toBe(40);
  });

  it('a failed job comes back only after its back-off', async () => {
    const q = await queue(await server.createDatabase('q_retry'));
    const id = randomUUID();
    await q.enqueue([id]);
    const [job] = await q.take(1);
    await q.fail(job!, 'ocr_failed: boom');
    expect(await q.take(1)).toEqual([]);
    const deadline = Date.now() + 30_000;
    let again: QueuedJob[] = [];
    while (again.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000));
      again = await q.take(1);
    }
    expect(again.map((j) => j.inboundId)).toEqual([id]);
  }, 60_000);

  it('finds messages that were stored but never enqueued', async () => {
    const lost = randomUUID();
    const q = await queue(await server.createDatabase('q_sweep'), [lost]);
    expect((await q.take(10)).map((j) => j.inboundId)).toEqual([lost]);
  });
});
