// Regression tests for a worker pass: "replies of a batch wait for the whole batch" (the first reply of 12 was written
// 18 s after its return was committed) and "a number collision re-runs the whole OCR of a message".
import { copyFile, mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { AppError } from '../../../src/domain/app-error.ts';
import type { Order } from '../../../src/domain/order.ts';
import type { ReplyTransport } from '../../../src/domain/ports/reply-transport.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples');
let dir: string;
let runtime: Runtime;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-at-once-'));
  runtime = await createRuntime(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), { lazyOcr: true });
  await runtime.store.upsertOrders(JSON.parse(await readFile(path.join(SAMPLES, 'orders.json'), 'utf8')) as Order[]);
});
afterAll(async () => {
  await runtime?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('replies leave as their messages are done', () => {
  it('sends each reply before the next message of the batch is processed', async () => {
    const at = new Date('2025-03-16T09:30:00Z');
    for (const [i, name] of ['12-application-in-body', '14-body-utf8', '15-body-second-customer'].entries()) {
      const target = path.join(dir, 'Maildir', 'new', `${name}.eml`);
      await copyFile(path.join(SAMPLES, 'emails', `${name}.eml`), target);
      const arrived = new Date(at.getTime() - (3 - i) * 60_000);
      await utimes(target, arrived, arrived);
    }
    const events: string[] = [];
    const inner = runtime.deps.transport;
    const transport: ReplyTransport = { ...inner, send: async (...args) => (events.push('sent'), inner.send(...args)) };
    const summary = await drainOnce({ ...runtime.deps, transport, now: () => at, onProgress: (e) => e.kind === 'handled' && events.push('handled') });
    expect(summary.handled.map((h) => h.status)).toEqual(['done', 'done', 'done']);
    expect(summary.replies.sent).toBe(3);
    expect(events).toEqual(['handled', 'sent', 'handled', 'sent', 'handled', 'sent']);
  });
});

describe('a conflict at the commit', () => {
  it('regression: a taken return number is drawn again without reading the documents (OCR) a second time', async () => {
    const at = new Date('2025-03-09T07:14:05Z');
    const target = path.join(dir, 'Maildir', 'new', '01-text-pdf.eml');
    await copyFile(path.join(SAMPLES, 'emails', '01-text-pdf.eml'), target);
    await utimes(target, at, at);
    let reads = 0;
    const documents = { read: async (...args: Parameters<Runtime['deps']['documents']['read']>) => (reads++, runtime.deps.documents.read(...args)) };
    const numbers: string[] = [];
    const store = Object.create(runtime.store) as Runtime['store'];
    store.recordReturn = async (input) => {
      numbers.push(input.returnNumber);
      if (numbers.length === 1) throw new AppError('conflict', `return number ${input.returnNumber} is taken`);
      return runtime.store.recordReturn(input);
    };
    const summary = await drainOnce({ ...runtime.deps, store, documents, now: () => at });
    expect(summary.handled).toMatchObject([{ status: 'done', outcome: 'return', returnNumber: numbers[1] }]);
    expect(numbers).toHaveLength(2);
    expect(numbers[0]).not.toBe(numbers[1]);
    expect(reads).toBe(1);
    // The reply carries the number that was recorded.
    const detail = await runtime.store.getReturn(numbers[1]!);
    expect(detail!.outbound).toHaveLength(1);
  });
});
