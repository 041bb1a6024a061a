// Issue 11: an agent approves from the review page while the shop's return address is still the preset's EXAMPLE
// placeholder. Like the worker, the approval stands: the return goes to `approved` with the approved_address_pending
// reply (no address, no ship-by date), the page said beforehand what would happen, and once the policy file names
// a real address the app takes it without a restart and the worker's round sends the instructions. Real app, real
// SQLite store, a real policy file edited on disk.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseWaitingApprovals } from '../../../src/pipeline/schedule/release-waiting-approvals.ts';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { csrfOf, WebClient } from '../../support/web-client.ts';

const REAL = ['preset: fashion-email', 'addresses:', '  domestic:', '    recipient: "ООО «Магазин», склад возвратов"', '    lines: ["ул. Настоящая, д. 7", "101000 Москва", "Россия"]', ''].join('\n');

let dir: string;
let policyFile: string;
let fx: WebFixture;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-web-address-'));
  policyFile = path.join(dir, 'policy.yaml');
  await writeFile(policyFile, 'preset: fashion-email\n');
  fx = await startWebFixture({ policyFile });
  await fx.seedReturn({ returnNumber: 'RT-P001' });
  await fx.seedReturn({ returnNumber: 'RT-P002' });
});
afterAll(async () => {
  await fx?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const outbound = async (number: string) => (await fx.store.getReturn(number))!.outbound;

describe('approving from the review page before the shop has set its return address', () => {
  it('the review page says the instructions will follow once the address is set', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    const page = await client.get('/returns/RT-P001');
    expect(page.body).toContain('id="approve-address-pending"');
    expect(page.body).toContain('The shipping instructions follow by themselves once addresses.domestic');
    expect(page.body).toContain('id="approve"');
  });

  it('the approval is taken: approved, the approved_address_pending reply, no ship-by date', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    const csrf = csrfOf((await client.get('/returns/RT-P001')).body);
    const res = await client.post('/returns/RT-P001/fields', { _csrf: csrf, action: 'approve' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/returns/RT-P001?done=approved');
    const ref = (await fx.store.getReturnRef('RT-P001'))!;
    expect(ref.state).toBe('approved');
    expect(ref.deadlines.shipBy).toBeNull();
    expect(ref.decision).toMatchObject({ status: 'approved', state: 'approved' });
    const replies = await outbound('RT-P001');
    expect(replies.map((o) => o.template)).toEqual(['approved_address_pending']);
    const detail = (await fx.store.getReturn('RT-P001'))!;
    expect(detail.events.filter((e) => e.actor === `agent:${USERS.support}`).map((e) => e.type)).toEqual(['approve']);
    // The page now shows the return as waiting for the address, no longer under review.
    const after = await client.get('/returns/RT-P001?done=approved');
    expect(after.body).toContain('id="waiting-for-address"');
    expect(after.body).not.toContain('id="approve-address-pending"');
  });

  it('once the file names a real address, the app takes it without a restart and the worker round sends the instructions', async () => {
    await writeFile(policyFile, REAL);
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    // The UI reads the file again: the other return under review no longer warns, and its approval ships at once.
    const page = await client.get('/returns/RT-P002');
    expect(page.body).not.toContain('id="approve-address-pending"');
    await client.post('/returns/RT-P002/approve', { _csrf: csrfOf(page.body) });
    expect((await fx.store.getReturnRef('RT-P002'))!.state).toBe('awaiting_shipment');
    expect((await outbound('RT-P002')).map((o) => o.template)).toEqual(['approved']);

    // The worker's round, on the same policy source: the waiting approval gets its instructions, once.
    const release = () =>
      releaseWaitingApprovals({ ...fx.deps.review, policy: fx.deps.policy!.current(), returns: fx.store, replyGuard: fx.deps.review.replyGuard });
    expect(await release()).toEqual([{ returnNumber: 'RT-P001', action: 'send_shipping_instructions' }]);
    expect(await release()).toEqual([]);
    const ref = (await fx.store.getReturnRef('RT-P001'))!;
    expect(ref.state).toBe('awaiting_shipment');
    expect(ref.deadlines.shipBy).not.toBeNull();
    expect((await outbound('RT-P001')).map((o) => o.template)).toEqual(['approved_address_pending', 'shipping_instructions']);
  });

  it('an invalid edit of the file is refused: the dashboard and /health say so, and the address stays', async () => {
    await writeFile(policyFile, `${REAL}refundDays: many\n`);
    const manager = new WebClient(fx.app);
    await manager.login(USERS.manager);
    const dashboard = await manager.get('/dashboard');
    expect(dashboard.body).toContain('id="policy-refused"');
    expect(dashboard.body).toContain('refundDays');
    const health = JSON.parse((await fx.app.inject({ method: 'GET', url: '/health' })).body);
    expect(health.status).toBe('ok');
    expect(health.policy.refused.message).toContain('refundDays');
    expect(fx.deps.policy!.current().addresses.domestic.lines[0]).toBe('ул. Настоящая, д. 7');

    await writeFile(policyFile, REAL);
    expect((await manager.get('/dashboard')).body).not.toContain('id="policy-refused"');
    expect(JSON.parse((await fx.app.inject({ method: 'GET', url: '/health' })).body).policy.refused).toBeUndefined();
  });
});
