// Benchmark: how long the worker's event loop (the one that serves /health and the UI) stands still while it takes
// in the chaos run's largest message, a 24 MB e-mail carrying an 18 MB junk PDF. Old and new side by side in one
// run, interleaved round by round: MIME decoding on the event loop (createMimeParser) against its own process
// (createIsolatedMimeParser), and the content hash in one piece (contentHash) against slices (contentHashInSlices).
// Then the SQLite store's steps on that message (save, claim, finish), which run on the event loop: libsql executes
// synchronously. The raw message lives in 256 KiB parts apart from the row (src/adapters/db/bytes-parts.ts).
// The stall is the longest gap between ticks of a 1 ms interval (and perf_hooks' monitorEventLoopDelay maximum,
// which misses a stall that starts before its first sample); wall is the step's own time. Prints numbers, asserts
// nothing. With --postgres the store's steps run on a private PostgreSQL instead (started like the integration tests
// do): its driver waits for I/O off the event loop, but Prisma's conversion of each slice's bytes runs on it.
//
//   npx tsx bench/mime-event-loop.ts [--rounds 5] [--postgres]
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/adapters/db/open-store.ts';
import { createMimeParser } from '../src/adapters/mime/create-mime-parser.ts';
import { createIsolatedMimeParser } from '../src/adapters/mime/isolated-mime-parser.ts';
import { contentHash, contentHashInSlices } from '../src/pipeline/ingest/content-hash.ts';
import { junkPdf, mailWith } from '../test/chaos/hostile-files.ts';
import { startPostgresServer } from '../test/support/postgres-server.ts';
import { median } from './lib/stats.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, postgres: { type: 'boolean', default: false } } });
const rounds = Number(values.rounds);

const raw = await mailWith({ messageId: '<bench@attacker.example>', from: 'Mallory <m@attacker.example>', subject: 'Возврат' }, [
  { filename: 'application.pdf', content: junkPdf(), contentType: 'application/pdf' },
]);

interface Sample {
  wallMs: number;
  stallMs: number;
  eldMaxMs: number;
}

async function measure(step: () => unknown): Promise<Sample> {
  const eld = monitorEventLoopDelay({ resolution: 1 });
  eld.enable();
  await new Promise((resolve) => setTimeout(resolve, 30));
  eld.reset();
  let last = performance.now();
  let stall = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await step();
  const wallMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(ticker);
  eld.disable();
  return { wallMs, stallMs: stall, eldMaxMs: eld.max / 1e6 };
}

const inProcess = createMimeParser();
const isolated = createIsolatedMimeParser();
isolated.warmUp();
// The process's start (loading mailparser through tsx) happens once per process; it is not what is measured.
await isolated.parse(Buffer.from('From: a@b.c\r\n\r\nwarm-up\r\n'));

const steps: Record<string, () => unknown> = {
  'MIME, event loop (old)': () => inProcess.parse(raw),
  'MIME, child process (new)': () => isolated.parse(raw),
  'hash, one piece (old)': () => contentHash(raw),
  'hash, 1 MB slices (new)': () => contentHashInSlices(raw),
};
const results = new Map<string, Sample[]>(Object.keys(steps).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, step] of Object.entries(steps)) results.get(name)!.push(await measure(step));
}
await isolated.close();

const dir = await mkdtemp(path.join(tmpdir(), 'bench-mime-'));
const postgres = values.postgres ? await startPostgresServer() : undefined;
const store = await openStore(postgres ? await postgres.createDatabase('bench_mime') : `file:${path.join(dir, 'intake.db')}`, { timeZone: 'UTC' });
for (const name of ['store: saveInbound', 'store: claimInbound', 'store: finishInbound']) results.set(name, []);
for (let round = 0; round < rounds; round++) {
  let id = '';
  const input = { mailboxId: 'bench', mailboxKey: `k${round}`, messageId: `<bench.${round}@attacker.example>`, sha256: `h${round}`, raw, receivedAt: new Date() };
  results.get('store: saveInbound')!.push(await measure(async () => (id = (await store.saveInbound(input)).id)));
  results.get('store: claimInbound')!.push(await measure(() => store.claimInbound(id, 'bench')));
  results.get('store: finishInbound')!.push(await measure(() => store.finishInbound(id, 'failed', 'bench', { retryAt: new Date() })));
}
await store.close();
await postgres?.stop();
await rm(dir, { recursive: true, force: true });

const fmt = (n: number) => n.toFixed(0).padStart(6);
console.log(`message: ${(raw.length / 1024 / 1024).toFixed(1)} MB, ${rounds} rounds, store on ${postgres ? 'PostgreSQL' : 'SQLite'}; ms, median / max over rounds`);
console.log(`${'step'.padEnd(28)}${'stall'.padStart(15)}${'eld max'.padStart(15)}${'wall'.padStart(15)}`);
for (const [name, samples] of results) {
  const col = (pick: (s: Sample) => number) => `${fmt(median(samples.map(pick)))} /${fmt(Math.max(...samples.map(pick)))}`;
  console.log(`${name.padEnd(28)}${col((s) => s.stallMs)}${col((s) => s.eldMaxMs)}${col((s) => s.wallMs)}`);
}
