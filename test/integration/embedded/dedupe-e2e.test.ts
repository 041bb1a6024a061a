// Regression tests for "the same e-mail without a Message-ID, delivered twice with one extra Received line, makes two
// returns and two replies" and "a different customer's e-mail reusing an existing Message-ID is silently dropped",
// on the embedded defaults (Maildir, SQLite file, file outbox).
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../src/config.ts';
import type { Order } from '../../../src/domain/order.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples');

let dir: string;
let config: Config;
let runtime: Runtime;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-dedupe-'));
  config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  runtime = await createRuntime(config, { lazyOcr: true });
  await runtime.store.upsertOrders(JSON.parse(await readFile(path.join(SAMPLES, 'orders.json'), 'utf8')) as Order[]);
});

afterEach(async () => {
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
});

async function deliver(raw: string, name: string, at: Date) {
  const target = path.join(config.maildir, 'new', name);
  await writeFile(target, Buffer.from(raw, 'latin1'));
  await utimes(target, at, at);
  return drainOnce({ ...runtime.deps, now: () => at });
}

const sample = (name: string) => readFile(path.join(SAMPLES, 'emails', name), 'latin1');
const outboxFiles = async () => (await readdir(config.outboxDir).catch(() => [])).filter((f) => f.endsWith('.eml'));

describe('duplicate detection', () => {
  it('the same mail without a Message-ID, delivered again with one more Received line, is one return and one reply', async () => {
    const withoutId = (await sample('14-body-utf8.eml')).replace(/^Message-ID: .*\r?\n/m, '');
    const at = new Date('2025-03-09T09:30:00Z');
    const first = await deliver(`Received: from mx1.example.ru by mx.shop.example; Sun, 9 Mar 2025 09:30:01 +0000\r\n${withoutId}`, 'a.eml', at);
    expect(first.handled).toMatchObject([{ status: 'done', outcome: 'return' }]);
    const again = await deliver(
      `Received: from mx2.example.ru by mx.shop.example; Sun, 9 Mar 2025 09:35:00 +0000\r\nReceived: from relay.example.ru by mx2.example.ru\r\n${withoutId}`,
      'b.eml',
      new Date(at.getTime() + 300_000),
    );
    expect(again).toMatchObject({ ingested: 0, duplicates: 1, handled: [] });
    expect(await runtime.store.listReturns({ limit: 10 })).toHaveLength(1);
    expect(await outboxFiles()).toHaveLength(1);
  });

  it('another customer’s mail that reuses a stored Message-ID is processed as its own message', async () => {
    const first = await sample('14-body-utf8.eml');
    const messageId = /^Message-ID: (.*)$/m.exec(first)![1]!.trim();
    const at = new Date('2025-03-16T09:30:00Z');
    expect((await deliver(first, 'a.eml', at)).handled).toMatchObject([{ status: 'done', outcome: 'return' }]);
    const other = (await sample('15-body-second-customer.eml')).replace(/^Message-ID: .*$/m, `Message-ID: ${messageId}`);
    const second = await deliver(other, 'b.eml', new Date(at.getTime() + 60_000));
    expect(second).toMatchObject({ ingested: 1, duplicates: 0, handled: [{ status: 'done', outcome: 'return' }] });
    const returns = await runtime.store.listReturns({ limit: 10 });
    expect(returns.map((r) => r.customerEmail).sort()).toEqual(['a.mikhaylov@rambler.ru', 'd.semenova@rambler.ru']);
    expect(await outboxFiles()).toHaveLength(2);
    // And a second delivery of that second message is still only counted.
    expect(await deliver(other, 'c.eml', new Date(at.getTime() + 120_000))).toMatchObject({ ingested: 0, duplicates: 1 });
  });
});
