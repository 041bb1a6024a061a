// Regression test for "a message left `processing` by a killed worker waits the whole 10-minute processing timeout
// while /health says the queue is empty": the worker that claims a message is named on it and holds a lease while it
// runs; a restart hands out the messages of workers that are gone at once, and leaves a live worker's alone.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
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
async function leftProcessing(name: string, claimant: string, sample = '14-body-utf8.eml', edit: (raw: string) => string = (raw) => raw): Promise<string> {
  const raw = edit((await readFile(path.join(SAMPLES, 'emails', sample), 'latin1')).replace(/^Message-ID: .*$/m, `Message-ID: <${name}@example.ru>`));
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

  /** A message whose every claim (MAX_ATTEMPTS of them) ended with its worker killed. */
  async function killedEveryTime(name: string, sample: string, edit: (raw: string) => string = (raw) => raw): Promise<string> {
    const id = await leftProcessing(name, `other-host/1/killed-1`, sample, edit);
    for (let i = 2; i <= runtime.deps.maxAttempts; i++) {
      expect(await runtime.delivery.releaseOrphanedProcessing(new Date(), () => false)).toEqual([id]);
      expect(await runtime.store.claimInbound(id, `other-host/${i}/killed-${i}`)).toMatchObject({ attempts: i });
    }
    return id;
  }

  it('regression: a message that kills its worker every time is parked as too_complex, not handed out forever', async () => {
    // An application with a PDF: had it been read, the reader would have been called.
    const id = await killedEveryTime('poison', '01-text-pdf.eml');
    let reads = 0;
    const documents = { read: async (...args: Parameters<Runtime['deps']['documents']['read']>) => (reads++, runtime.deps.documents.read(...args)) };
    const pass = await drainOnce({ ...runtime.deps, documents, now: () => new Date() });
    expect(pass.handled).toEqual([{ status: 'parked', error: 'too_complex: processing it stopped its worker 5 times' }]);
    expect(reads).toBe(0);
    expect(await runtime.store.countInboundByState()).toEqual({ parked: 1 });
    // Parked mail is shown to a person, who sees that the sender has been told.
    expect((await runtime.store.dashboard.listAttention({ limit: 10, offset: 0 })).rows).toMatchObject([{ id, state: 'parked', reason: expect.stringContaining('too_complex') }]);
    expect((await runtime.store.dashboard.listAttention({ limit: 10, offset: 0 })).rows[0]!.reason).toContain('the sender was told');
  });

  it('regression: a parked message had no reply that says so; its sender is told once, in their thread, from the headers alone', async () => {
    await killedEveryTime('poison', '01-text-pdf.eml');
    await drainOnce({ ...runtime.deps, now: () => new Date() });
    const files = await readdir(config.outboxDir);
    expect(files).toHaveLength(1);
    const reply = await simpleParser(await readFile(path.join(config.outboxDir, files[0]!)));
    expect(reply.inReplyTo).toBe('<poison@example.ru>');
    expect(reply.to).toMatchObject({ value: [{ address: 'anna.kovaleva@mail.ru' }] });
    expect(reply.text).toContain('Мы не смогли обработать ваше письмо: оно устроено так, что разобрать его безопасно не получается');
    expect(reply.text).not.toContain('больше допустимого размера');
    expect(reply.text).toContain('Пришлите, пожалуйста, заявление ещё раз');
    // Parked stays parked: a second pass sends nothing more.
    await drainOnce({ ...runtime.deps, now: () => new Date() });
    expect(await readdir(config.outboxDir)).toHaveLength(1);
  });

  it('a parked message from our own address, or an auto-reply, gets no reply: the same checks as every reply', async () => {
    await killedEveryTime('own', '01-text-pdf.eml', (raw) => raw.replace(/^From: .*(\r?\n[ \t].*)*$/m, 'From: Returns desk <INFO@returns-intake.local>'));
    expect((await drainOnce({ ...runtime.deps, now: () => new Date() })).handled.map((h) => h.status)).toEqual(['parked']);
    await killedEveryTime('auto', '14-body-utf8.eml', (raw) => raw.replace(/^Subject: /m, 'Auto-Submitted: auto-replied\r\nSubject: '));
    expect((await drainOnce({ ...runtime.deps, now: () => new Date() })).handled.map((h) => h.status)).toEqual(['parked']);
    expect(await readdir(config.outboxDir).catch(() => [])).toEqual([]);
    const reasons = (await runtime.store.dashboard.listAttention({ limit: 10, offset: 0 })).rows.map((r) => r.reason);
    expect(reasons).toEqual([expect.not.stringContaining('told'), expect.not.stringContaining('told')]);
  });
});
