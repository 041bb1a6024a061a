// End to end on the embedded defaults: every sample e-mail goes through a real Maildir, a real SQLite file,
// real OCR and the file outbox, one at a time at the moment its ground truth was written (expect.asOf), and
// the records, states and replies must match samples/emails/*.expected.json.
import { cp, mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { TEST_POLICY_FILE } from '../../support/test-policy.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import type { Order } from '../../../src/domain/order.ts';
import { drainOnce, type DrainSummary } from '../../../src/pipeline/work/drain-once.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples/emails');

interface Expected {
  expect: { asOf: string; reply: string | null; state: string | null; inbound: string; language: string; reasons?: string[] };
}

let dir: string;
let runtime: Runtime;
const names: string[] = [];
const expected = new Map<string, Expected>();
/** What each sample left behind right after its own pass: later passes run at later dates and may move it on (expiry). */
type Detail = NonNullable<Awaited<ReturnType<Runtime['store']['getReturn']>>>;
const results = new Map<string, { summary: DrainSummary; outbox: string[]; detail: Detail | null }>();

async function outboxFiles(): Promise<string[]> {
  return (await readdir(path.join(dir, 'outbox')).catch(() => [])).filter((f) => f.endsWith('.eml')).sort();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-e2e-'));
  const config = loadConfig({ DATA_DIR: dir, OCR_WORKERS: '2', LOG_LEVEL: 'silent', POLICY_FILE: TEST_POLICY_FILE });
  runtime = await createRuntime(config, { lazyOcr: true });
  const orders = JSON.parse(await readFile(path.resolve(SAMPLES, '../orders.json'), 'utf8')) as Order[];
  await runtime.store.upsertOrders(orders);

  for (const file of (await readdir(SAMPLES)).filter((f) => f.endsWith('.eml')).sort()) {
    const name = file.replace(/\.eml$/, '');
    names.push(name);
    expected.set(name, JSON.parse(await readFile(path.join(SAMPLES, `${name}.expected.json`), 'utf8')) as Expected);
  }
  // One message at a time, each at its own moment, as a mailbox would receive them.
  for (const name of names) {
    const before = await outboxFiles();
    const target = path.join(config.maildir, 'new', `${name}.eml`);
    await cp(path.join(SAMPLES, `${name}.eml`), target);
    const asOf = new Date(expected.get(name)!.expect.asOf);
    await utimes(target, asOf, asOf);
    const summary = await drainOnce({ ...runtime.deps, now: () => asOf });
    const after = await outboxFiles();
    const returnNumber = (summary.handled[0] as { returnNumber?: string } | undefined)?.returnNumber;
    const detail = returnNumber ? await runtime.store.getReturn(returnNumber) : null;
    // Replies to this message; the same pass may also send the scheduler's reminders about earlier returns.
    const { messageId } = await simpleParser(await readFile(path.join(SAMPLES, `${name}.eml`)));
    const fresh = after.filter((f) => !before.includes(f));
    const replies: string[] = [];
    for (const f of fresh) if ((await simpleParser(await readFile(path.join(dir, 'outbox', f)))).inReplyTo === messageId) replies.push(f);
    results.set(name, { summary, outbox: replies, detail });
  }
}, 600_000);

afterAll(async () => {
  await runtime?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('mail in → return record → reply out (embedded defaults)', () => {
  it('processes every sample to the state its ground truth expects', async () => {
    for (const name of names) {
      const { expect: want } = expected.get(name)!;
      const { summary } = results.get(name)!;
      if (name.startsWith('09-duplicate')) continue; // checked below
      expect(summary.handled, name).toHaveLength(1);
      expect(summary.handled[0]!.status, name).toBe('done');
      const handled = summary.handled[0] as { outcome: string; returnNumber?: string };
      if (want.state === null) {
        expect(handled.outcome, name).toBe(want.inbound === 'ignored' ? 'ignored' : 'needs_attention');
        continue;
      }
      expect(handled.outcome, name).toBe('return');
      const { detail } = results.get(name)!;
      expect(detail?.state, name).toBe(want.state);
      expect(detail?.language, name).toBe(want.language);
      for (const code of want.reasons ?? []) expect(detail!.decision.reasons.map((r) => r.code), name).toContain(code);
      // The audit trail starts at received and ends in the current state.
      expect(detail!.events[0]!.toState, name).toBe('received');
      expect(detail!.events.at(-1)!.toState, name).toBe(want.state);
    }
    const inbound = await runtime.store.countInboundByState();
    const want = { processed: 0, ignored: 0, needs_attention: 0 };
    for (const name of names) if (!name.startsWith('09-duplicate')) want[expected.get(name)!.expect.inbound as keyof typeof want]++;
    expect(inbound).toEqual(want);
  });

  it('writes exactly one threaded, auto-submitted reply per answered message, from the right template', async () => {
    for (const name of names) {
      const { expect: want } = expected.get(name)!;
      const { outbox } = results.get(name)!;
      if (want.reply === null) {
        expect(outbox, `${name} must get no reply`).toEqual([]);
        continue;
      }
      expect(outbox, name).toHaveLength(1);
      const raw = await readFile(path.join(dir, 'outbox', outbox[0]!));
      const reply = await simpleParser(raw);
      const original = await simpleParser(await readFile(path.join(SAMPLES, `${name}.eml`)));
      const returnNumber = (results.get(name)!.summary.handled[0] as { returnNumber: string }).returnNumber;
      expect(reply.headers.get('auto-submitted'), name).toBe('auto-replied');
      expect(reply.inReplyTo, name).toBe(original.messageId);
      expect(String(reply.references ?? ''), name).toContain(original.messageId!);
      expect(reply.subject, name).toMatch(/^Re: /);
      expect(reply.subject, name).toContain(returnNumber);
      expect(reply.to && 'value' in reply.to ? reply.to.value[0]!.address : '', name).toBe(original.replyTo?.value[0]?.address ?? original.from!.value[0]!.address);
      const { detail } = results.get(name)!;
      expect(detail!.outbound.map((o) => o.template), name).toEqual([want.reply]);
      expect(detail!.outbound[0]!.state, name).toBe('sent');
      // What the customer reads: no preset placeholder, no ISO date inside a sentence, no unfilled value.
      for (const part of [reply.text ?? '', typeof reply.html === 'string' ? reply.html : '']) {
        expect(part, name).not.toMatch(/EXAMPLE/);
        expect(part, name).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
        expect(part, name).not.toMatch(/undefined|NaN|\[object Object\]|\{\{/);
      }
    }
  });

  it('the auto-reply gets no reply, and the question goes to an agent without one', () => {
    expect(results.get('07-out-of-office')!.outbox).toEqual([]);
    expect(results.get('08-question')!.outbox).toEqual([]);
  });

  it('a duplicate delivery creates no second record and no second reply', async () => {
    const { summary, outbox } = results.get('09-duplicate')!;
    expect(summary).toMatchObject({ ingested: 0, duplicates: 1, handled: [] });
    expect(outbox).toEqual([]);
    const returns = await runtime.store.listReturns({ limit: 100 });
    const first = returns.filter((r) => r.orderNumber === '4821-5567');
    expect(first).toHaveLength(1);
  });

  it('an unreadable attachment is answered as if nothing was attached: the reply names the file and why, and the request number', async () => {
    for (const [name, why] of [
      ['10-corrupt-pdf', '«Заявление.pdf»: файл повреждён или не полностью загружен.'],
      ['11-non-image-attachment', '«заявление.jpg»: это не PDF и не фотография'],
    ] as const) {
      const { outbox, summary } = results.get(name)!;
      const reply = await simpleParser(await readFile(path.join(dir, 'outbox', outbox[0]!)));
      expect(reply.text, name).toContain(why);
      const returnNumber = (summary.handled[0] as { returnNumber: string }).returnNumber;
      expect(reply.subject, name).toContain(returnNumber);
      expect(reply.text, name).toContain(`Номер вашего обращения: ${returnNumber}.`);
    }
  });

  it('the mail without an application gets the blank form attached', async () => {
    const { outbox } = results.get('06-no-attachment')!;
    const reply = await simpleParser(await readFile(path.join(dir, 'outbox', outbox[0]!)));
    expect(reply.attachments.map((a) => a.filename)).toContain('return-application.pdf');
    expect(reply.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('moves every delivered file from new/ to cur/ once its outcome is committed; mail for a person flagged, not seen', async () => {
    const config = loadConfig({ DATA_DIR: dir, POLICY_FILE: TEST_POLICY_FILE });
    expect(await readdir(path.join(config.maildir, 'new'))).toEqual([]);
    const cur = await readdir(path.join(config.maildir, 'cur'));
    expect(cur).toHaveLength(names.length);
    // Regression: a customer's question was flagged like processed mail and nobody saw it.
    const attention = names.filter((n) => expected.get(n)!.expect.inbound === 'needs_attention').sort();
    expect(attention.length).toBeGreaterThan(0);
    expect(cur.filter((f) => f.endsWith(':2,F')).map((f) => f.split(':')[0]!.replace(/\.eml$/, '')).sort()).toEqual(attention);
    expect(cur.filter((f) => !f.endsWith(':2,F')).every((f) => f.endsWith(':2,S'))).toBe(true);
  });
});
