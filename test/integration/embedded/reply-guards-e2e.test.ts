// Regression tests for "mail from our own address gets a reply" and "replies from the scheduler and from agents
// bypass the reply guard": on the embedded defaults (Maildir, SQLite file, file outbox), every path that writes
// to a customer passes the same check, and a suppressed reply leaves an audit event instead of a file.
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../src/config.ts';
import type { Order } from '../../../src/domain/order.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';
import { TEST_POLICY_FILE } from '../../support/test-policy.ts';
import { startWebFixture, USERS } from '../../support/web-app.ts';
import { WebClient } from '../../support/web-client.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples');
const DAY = 24 * 3_600_000;

let dir: string;
let config: Config;
let runtime: Runtime;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-guards-'));
  config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', MAIL_FROM: 'Returns desk <info@returns-intake.local>', HARD_BOUNCE_LIMIT: '1', POLICY_FILE: TEST_POLICY_FILE });
  runtime = await createRuntime(config, { lazyOcr: true });
  await runtime.store.upsertOrders(JSON.parse(await readFile(path.join(SAMPLES, 'orders.json'), 'utf8')) as Order[]);
});

afterEach(async () => {
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
});

async function deliver(raw: Buffer | string, name: string, at: Date) {
  const target = path.join(config.maildir, 'new', name);
  await writeFile(target, raw);
  await utimes(target, at, at);
  return drainOnce({ ...runtime.deps, now: () => at });
}

const outboxFiles = async () => (await readdir(config.outboxDir).catch(() => [])).filter((f) => f.endsWith('.eml'));

describe('one guarded reply path', () => {
  it.each([
    ['From', 'From: Returns desk <INFO@Returns-Intake.Local>'],
    ['Sender', 'From: anna.kovaleva@mail.ru\r\nSender: info@returns-intake.local'],
    ['Reply-To', 'From: anna.kovaleva@mail.ru\r\nReply-To: Info@returns-intake.LOCAL'],
  ])('gives no reply to an application whose %s is our own address', async (_where, from) => {
    const sample = (await readFile(path.join(SAMPLES, 'emails/01-text-pdf.eml'), 'latin1')).replace(/^From: .*(\r?\n[ \t].*)*$/m, from);
    const summary = await deliver(Buffer.from(sample, 'latin1'), 'own.eml', new Date('2025-03-09T07:14:05Z'));
    expect(summary.handled).toEqual([{ status: 'done', outcome: 'ignored' }]);
    expect(await outboxFiles()).toEqual([]);
  });

  it('suppresses the scheduler’s reminder and expiry notice to a hard-bounced address; the return still moves on', async () => {
    const approvedAt = new Date('2025-03-09T07:14:05Z');
    const first = await deliver(await readFile(path.join(SAMPLES, 'emails/01-text-pdf.eml')), '01.eml', approvedAt);
    const { returnNumber } = first.handled[0] as { returnNumber: string };
    const detail = (await runtime.store.getReturn(returnNumber))!;
    expect(detail.state).toBe('awaiting_shipment');
    expect(await outboxFiles()).toHaveLength(1);

    // The approval bounced hard: the address is blocked (HARD_BOUNCE_LIMIT=1).
    const bounced = await runtime.delivery.recordBounce({ originalMessageId: detail.outbound[0]!.messageId, recipient: detail.outbound[0]!.to, status: '5.1.1', hard: true, at: approvedAt }, 1);
    expect(bounced.blocked).toBe(true);

    // The customer has the whole of the shop day the reply names: the deadline is that day's end in shop time.
    const shipBy = (await runtime.store.getReturnRef(returnNumber))!.deadlines.shipBy!;
    const dayBefore = new Date(shipBy.getTime() - DAY + 60_000);
    let pass = await drainOnce({ ...runtime.deps, now: () => dayBefore });
    expect(pass.scheduled).toEqual([{ returnNumber, action: 'send_shipping_reminder' }]);
    // Done once, not attempted again every round: the reminder counts as handled though nobody was written to.
    pass = await drainOnce({ ...runtime.deps, now: () => new Date(dayBefore.getTime() + 3_600_000) });
    expect(pass.scheduled).toEqual([]);

    const after = new Date(shipBy.getTime() + 60_000);
    pass = await drainOnce({ ...runtime.deps, now: () => after });
    expect(pass.scheduled).toEqual([{ returnNumber, action: 'expire' }]);

    const final = (await runtime.store.getReturn(returnNumber))!;
    expect(final.state).toBe('expired');
    expect(final.outbound.map((o) => o.template)).toEqual(['approved']);
    expect(final.events.filter((e) => e.type === 'reply_suppressed').map((e) => e.reason)).toEqual(['recipient_blocked', 'recipient_blocked']);
    expect(await outboxFiles()).toHaveLength(1);
  });
});

describe('review replies pass the same guard', () => {
  it('an agent’s approval to a hard-bounced address is committed without a reply, and the trail says why', async () => {
    const fx = await startWebFixture();
    try {
      await fx.seedReturn({ returnNumber: 'RT-0101', email: 'gone@example.com' });
      await fx.seedReturn({ returnNumber: 'RT-0102', email: 'fine@example.com' });
      await fx.delivery.recordBounce({ recipient: 'GONE@example.com', status: '5.1.1', hard: true, at: new Date() }, 1);
      const client = new WebClient(fx.app);
      await client.login(USERS.support);
      for (const number of ['RT-0101', 'RT-0102']) {
        const page = await client.get(`/returns/${number}`);
        const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
        expect((await client.post(`/returns/${number}/approve`, { _csrf: csrf })).status).toBe(303);
      }
      const blocked = (await fx.store.getReturn('RT-0101'))!;
      expect(blocked.state).toBe('awaiting_shipment');
      expect(blocked.outbound).toEqual([]);
      expect(blocked.events.find((e) => e.type === 'reply_suppressed')).toMatchObject({ actor: 'system', reason: 'recipient_blocked' });
      // The guard is not a blanket stop: the other customer is answered.
      expect((await fx.store.getReturn('RT-0102'))!.outbound.map((o) => o.template)).toEqual(['approved']);
    } finally {
      await fx.close();
    }
  });
});
