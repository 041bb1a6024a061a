// Regression test for "a message left `processing` by a killed worker waits the whole 10-minute processing timeout
// while /health says the queue is empty": the worker that claims a message is named on it and holds a lease while it
// runs; a restart hands out the messages of workers that are gone at once, and leaves a live worker's alone.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workerLeaseName } from '../../../src/adapters/db/delivery-store.ts';
import { loadConfig, type Config } from '../../../src/config.ts';
import { contentHash } from '../../../src/pipeline/ingest/content-hash.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples');

let dir: string;
let config: Config;
let runtime: Runtime;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-reclaim-'));
  config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  runtime = await createRuntime(config, { lazyOcr: true });
});

afterEach(async () => {
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
});

/** A sample stored and claimed by `claimant`, as a worker that was then killed left it. */
async function leftProcessing(name: string, claimant: string, sample = '14-body-utf8.eml'): Promise<string> {
  const raw = (await readFile(path.join(SAMPLES, 'emails', sample), 'latin1')).replace(/^Message-ID: .*$/m, `Message-ID: <${name}@example.ru>`);
  const bytes = Buffer.from(raw, 'latin1');
  const { id } = await runtime.store.saveInbound({ mailboxId: 'maildir:/elsewhere', mailboxKey: name, messageId: `<${name}@example.ru>`, sha256: contentHash(bytes), raw: bytes, receivedAt: new Date() });
  expect(await runtime.store.claimInbound(id, claimant)).not.toBeNull();
  return id;
}

const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());

describe('a killed worker’s messages', () => {
  it('are handed out at start-up, not after the processing timeout; a live worker’s are left to it', async () => {
    const at = new Date();
    // Killed a moment ago on this machine: its lease has not even run out yet.
    const killedHere = `${hostname()}/${deadPid()}/dead0001`;
    await runtime.delivery.acquireLease(workerLeaseName(killedHere), killedHere, 60_000, at);
    const a = await leftProcessing('killed-here', killedHere);
    // On another machine, whose lease ran out.
    const b = await leftProcessing('expired-elsewhere', 'other-host/4242/dead0002');
    // On another machine, still renewing its lease: still working on it.
    const live = 'other-host/4343/live0003';
    await runtime.delivery.acquireLease(workerLeaseName(live), live, 60_000, at);
    const c = await leftProcessing('live-elsewhere', live);

    expect(await runtime.store.countInboundByState()).toEqual({ processing: 3 });
    // /health counts them: they are work, not an empty queue.
    expect(await runtime.store.dashboard.queueDepth()).toBe(3);

    const pass = await drainOnce({ ...runtime.deps, now: () => at });
    expect(pass.handled.map((h) => h.status)).toEqual(['done', 'done']);
    expect(await runtime.store.countInboundByState()).toEqual({ processed: 2, processing: 1 });
    expect(runtime.deps.processingTimeoutSeconds).toBe(600);
    expect((await runtime.store.listInboundIds(['processing'], 10))).toEqual([c]);
    expect([a, b]).not.toContain(c);
  });

  it('name the worker that claimed them, whose own lease stays live while it runs', async () => {
    const id = await leftProcessing('mine', runtime.deps.workerId!);
    const pass = await drainOnce({ ...runtime.deps, now: () => new Date() });
    // Our own claim is not an orphan: nobody takes it from us (here it simply stays ours, as if in flight).
    expect(pass.handled).toEqual([]);
    expect(await runtime.store.listInboundIds(['processing'], 10)).toEqual([id]);
  });

  it('regression: a message that kills its worker every time is parked as too_complex, not handed out forever', async () => {
    // An application with a PDF: had it been read, the reader would have been called.
    const id = await leftProcessing('poison', `other-host/1/killed-1`, '01-text-pdf.eml');
    // Four more workers took it and died while reading it (MAX_ATTEMPTS is 5): each claim counted an attempt.
    for (let i = 2; i <= runtime.deps.maxAttempts; i++) {
      expect(await runtime.delivery.releaseOrphanedProcessing(new Date(), () => false)).toEqual([id]);
      expect(await runtime.store.claimInbound(id, `other-host/${i}/killed-${i}`)).toMatchObject({ attempts: i });
    }
    let reads = 0;
    const documents = { read: async (...args: Parameters<Runtime['deps']['documents']['read']>) => (reads++, runtime.deps.documents.read(...args)) };
    const pass = await drainOnce({ ...runtime.deps, documents, now: () => new Date() });
    expect(pass.handled).toEqual([{ status: 'parked', error: 'too_complex: processing it stopped its worker 5 times' }]);
    expect(reads).toBe(0);
    expect(await runtime.store.countInboundByState()).toEqual({ parked: 1 });
    // Parked mail is shown to a person.
    expect((await runtime.store.dashboard.listAttention({ limit: 10, offset: 0 })).rows).toMatchObject([{ id, state: 'parked', reason: expect.stringContaining('too_complex') }]);
  });
});
