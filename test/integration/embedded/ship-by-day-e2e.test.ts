// Issue 13, "the ship-by date in the reply and the expiry disagree": approved at 15:00 on the 9th with 4 days to
// ship, the reply says "не позднее 13 марта" and the customer has the whole of the 13th, Moscow time. Checked on
// every path that names a ship-by day (the approval, the reminder, the desk's "extend ship-by", the instructions
// sent once the shop's address is set, an agent's approval from the review page), each against the worker pass that
// would expire the return. Real SQLite file, Maildir, outbox, scheduler and desk action; only the clock is given.
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../src/config.ts';
import { isoDay } from '../../../src/domain/iso-day.ts';
import type { Order } from '../../../src/domain/order.ts';
import { createRuntime, createWebRuntime, type Runtime } from '../../../src/main.ts';
import { extendShipBy } from '../../../src/pipeline/review/agent-actions.ts';
import { approveReturn } from '../../../src/pipeline/review/decide-review.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';
import { TEST_POLICY_FILE } from '../../support/test-policy.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples');
const MSK = 'Europe/Moscow';
/** 15:00 on 9 March 2025 in Moscow: the sample's order was received on the 5th, well inside its window. */
const APPROVED_AT = new Date('2025-03-09T12:00:00Z');
const at = (iso: string) => new Date(iso);

let dir: string;
let runtime: Runtime;

function configFor(policyFile?: string): Config {
  return loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', SHOP_TIMEZONE: MSK, ...(policyFile ? { POLICY_FILE: policyFile } : {}) });
}

async function start(policyFile?: string, options: { orders: boolean } = { orders: true }): Promise<Runtime> {
  const started = await createRuntime(configFor(policyFile), { lazyOcr: true });
  if (options.orders) await importOrders(started);
  return started;
}

async function importOrders(into: Runtime): Promise<void> {
  await into.store.upsertOrders(JSON.parse(await readFile(path.join(SAMPLES, 'orders.json'), 'utf8')) as Order[]);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-ship-by-'));
});
afterEach(async () => {
  await runtime?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The sample application arriving at `when`, and one worker pass then. */
async function deliverApplication(when: Date): Promise<string> {
  const target = path.join(configFor().maildir, 'new', '01.eml');
  await writeFile(target, await readFile(path.join(SAMPLES, 'emails/01-text-pdf.eml')));
  await utimes(target, when, when);
  const summary = await drainOnce({ ...runtime.deps, now: () => when });
  return (summary.handled[0] as { returnNumber: string }).returnNumber;
}

/** A worker pass at `when`: what the scheduler did. */
async function passAt(when: string): Promise<string[]> {
  return (await drainOnce({ ...runtime.deps, now: () => at(when) })).scheduled.map((s) => s.action);
}

/** The replies the outbox holds, oldest first, each with the template the return's record says it came from. */
async function replies(returnNumber: string): Promise<Array<{ template: string; mail: ParsedMail }>> {
  const outbound = (await runtime.store.getReturn(returnNumber))!.outbound;
  const outbox = configFor().outboxDir;
  const files = (await readdir(outbox).catch(() => [])).filter((f) => f.endsWith('.eml'));
  const mails = await Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(outbox, f)))));
  expect(mails).toHaveLength(outbound.length);
  return outbound.map((o) => ({ template: o.template, mail: mails.find((m) => m.messageId === o.messageId)! }));
}

async function storedShipByDay(returnNumber: string): Promise<string> {
  return isoDay((await runtime.store.getReturnRef(returnNumber))!.deadlines.shipBy!, MSK);
}

describe('the ship-by date in the reply and the expiry disagree: the customer has the whole of the day the reply names', () => {
  it('the approval, the reminder and the desk extending ship-by name the day the return expires after the end of', async () => {
    runtime = await start(TEST_POLICY_FILE);
    const returnNumber = await deliverApplication(APPROVED_AT);
    const [approval] = await replies(returnNumber);
    expect(approval!.template).toBe('approved');
    expect(approval!.mail.text).toContain('не позднее 13 марта 2025 г. включительно');
    expect(await storedShipByDay(returnNumber)).toBe('2025-03-13');

    // The reminder as the 12th begins in Moscow, "1 day left", naming the same 13th; not on the 11th.
    expect(await passAt('2025-03-11T20:59:59.999Z')).toEqual([]);
    expect(await passAt('2025-03-11T21:00:00Z')).toEqual(['send_shipping_reminder']);
    const reminder = (await replies(returnNumber)).at(-1)!;
    expect(reminder.template).toBe('shipping_reminder');
    expect(reminder.mail.text).toContain('не позднее 13 марта 2025 г. (осталось: 1 день)');

    // 23:59:59.999 on the 13th in Moscow is still the 13th: nothing expires.
    expect(await passAt('2025-03-13T20:59:59.999Z')).toEqual([]);

    // The desk gives three more days, on the 13th at 15:00: the customer is told the 16th and has all of it.
    const web = await createWebRuntime(configFor(TEST_POLICY_FILE), { store: runtime.store });
    try {
      const review = { ...web.deps.review, now: () => at('2025-03-13T12:00:00Z') };
      await extendShipBy(review, { returnNumber, actor: 'agent:desk@shop.test', reason: 'customer is travelling', shipBy: '2025-03-16' });
    } finally {
      await web.close();
    }
    expect(await passAt('2025-03-13T21:00:00Z')).toEqual([]); // sends the extension, expires nothing
    const extended = (await replies(returnNumber)).at(-1)!;
    expect(extended.template).toBe('ship_by_extended');
    expect(extended.mail.text).toContain('16 марта 2025 г.');
    expect(await storedShipByDay(returnNumber)).toBe('2025-03-16');

    // A new reminder the day before the new day, then expiry only once the 16th is over in Moscow.
    expect(await passAt('2025-03-14T20:59:59.999Z')).toEqual([]);
    expect(await passAt('2025-03-14T21:00:00Z')).toEqual(['send_shipping_reminder']);
    expect((await replies(returnNumber)).at(-1)!.mail.text).toContain('не позднее 16 марта 2025 г. (осталось: 1 день)');
    expect(await passAt('2025-03-16T20:59:59.999Z')).toEqual([]);
    expect(await passAt('2025-03-16T21:00:00Z')).toEqual(['expire']);
    expect((await runtime.store.getReturn(returnNumber))!.state).toBe('expired');
  }, 120_000);

  it('the instructions sent once the shop\'s address is set name the day the return expires after the end of', async () => {
    // No POLICY_FILE: the preset's placeholder address, so the approval waits with no ship-by date.
    runtime = await start();
    const returnNumber = await deliverApplication(APPROVED_AT);
    expect((await runtime.store.getReturn(returnNumber))!.state).toBe('approved');
    await runtime.close();

    // The shop's address arrives with the next start, at 15:00 on the 10th: four days → the 14th, all of it.
    runtime = await start(TEST_POLICY_FILE);
    expect(await passAt('2025-03-10T12:00:00Z')).toEqual(['send_shipping_instructions']);
    const instructions = (await replies(returnNumber)).at(-1)!;
    expect(instructions.template).toBe('shipping_instructions');
    expect(instructions.mail.text).toContain('не позднее 14 марта 2025 г. включительно');
    expect(await storedShipByDay(returnNumber)).toBe('2025-03-14');
    expect(await passAt('2025-03-12T21:00:00Z')).toEqual(['send_shipping_reminder']);
    expect((await replies(returnNumber)).at(-1)!.mail.text).toContain('не позднее 14 марта 2025 г. (осталось: 1 день)');
    expect(await passAt('2025-03-14T20:59:59.999Z')).toEqual([]);
    expect(await passAt('2025-03-14T21:00:00Z')).toEqual(['expire']);
  }, 120_000);

  it('an agent\'s approval from the review page names the day the return expires after the end of, counted in the shop\'s zone', async () => {
    // The order is not imported yet when the application arrives: it goes to review.
    runtime = await start(TEST_POLICY_FILE, { orders: false });
    const returnNumber = await deliverApplication(APPROVED_AT);
    expect((await runtime.store.getReturn(returnNumber))!.state).toBe('needs_review');
    await importOrders(runtime);

    // 00:30 on the 10th in Moscow is still the 9th in UTC: four days count from the 10th, so the 14th, all of it.
    const web = await createWebRuntime(configFor(TEST_POLICY_FILE), { store: runtime.store });
    try {
      const review = { ...web.deps.review, now: () => at('2025-03-09T21:30:00Z') };
      await approveReturn(review, { returnNumber, actor: 'agent:desk@shop.test', expectedState: 'needs_review' });
    } finally {
      await web.close();
    }
    expect(await passAt('2025-03-09T21:30:00Z')).toEqual([]); // sends the approval
    const approval = (await replies(returnNumber)).at(-1)!;
    expect(approval.template).toBe('approved');
    expect(approval.mail.text).toContain('не позднее 14 марта 2025 г. включительно');
    expect(await storedShipByDay(returnNumber)).toBe('2025-03-14');

    expect(await passAt('2025-03-12T20:59:59.999Z')).toEqual([]);
    expect(await passAt('2025-03-12T21:00:00Z')).toEqual(['send_shipping_reminder']);
    expect((await replies(returnNumber)).at(-1)!.mail.text).toContain('не позднее 14 марта 2025 г. (осталось: 1 день)');
    expect(await passAt('2025-03-14T20:59:59.999Z')).toEqual([]);
    expect(await passAt('2025-03-14T21:00:00Z')).toEqual(['expire']);
    expect((await runtime.store.getReturn(returnNumber))!.state).toBe('expired');
  }, 120_000);
});
