// The review UI against a real SQLite store through app.inject: sign in, review, fix a field, approve, and
// the reply lands in the outbox exactly once with the agent in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { WebClient } from '../../support/web-client.ts';

let fx: WebFixture;

beforeAll(async () => {
  fx = await startWebFixture();
  await fx.seedReturn({ returnNumber: 'RT-0001' });
  await fx.seedReturn({ returnNumber: 'RT-0002' });
  await fx.seedReturn({ returnNumber: 'RT-0003' });
});
afterAll(async () => fx?.close());

describe('web: review', () => {
  it('signs in and lists the queue oldest first with an SLA badge', async () => {
    const client = new WebClient(fx.app);
    const login = await client.login(USERS.support);
    expect(login.status).toBe(303);
    expect(login.location).toBe('/queue');
    const queue = await client.get('/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.indexOf('RT-0001')).toBeLessThan(queue.body.indexOf('RT-0003'));
    expect(queue.body).toMatch(/\d+ h left/);
  });

  it('searches by return number, order number, name and e-mail', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    for (const q of ['rt-0002', 'A-1001', 'Иванова', 'ANNA@']) {
      const page = await client.get(`/queue?state=all&q=${encodeURIComponent(q)}`);
      expect(page.body, q).toContain('RT-0002');
    }
    expect((await client.get('/queue?state=all&q=nobody-here')).body).not.toContain('RT-0002');
  });

  it('finds Cyrillic names and e-mails whatever their case, ё written as е', async () => {
    await fx.seedReturn({ returnNumber: 'RT-0009', state: 'rejected', fields: { fullName: ['Ковалёва Ольга Петровна', 0.9] }, email: 'ОЛЬГА@почта.рф' });
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    for (const q of ['ковалёва', 'КОВАЛЁВА', 'ковалева', 'ольга петровна', 'ольга@ПОЧТА.РФ']) {
      expect((await client.get(`/queue?state=all&q=${encodeURIComponent(q)}`)).body, q).toContain('RT-0009');
    }
    expect((await client.get(`/queue?state=all&q=${encodeURIComponent('Ковалёв Олег')}`)).body).not.toContain('RT-0009');
  });

  it('shows the review page with the scan, the low-confidence field, the order and the refund', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    const page = await client.get('/returns/RT-0001');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<img src="\/documents\/[0-9a-f-]+\/pages\/1"/);
    expect(page.body).toMatch(/<tr class="low[^"]*">\s*<th scope="row"><label for="f-email">/);
    expect(page.body).toContain('Футболка');
    // T-shirt returned from skirt + T-shirt + free scarf ("1+1=3"): 3000 − 2500 = 500 (SPEC §2).
    expect(page.body).toMatch(/Refund, ₽<\/th><td class="num">500\.00/);
    // Policy key `name` was accepted but shown nowhere: the checks say which rules they ran against.
    expect(page.body).toContain('Against the return policy “Fashion retailer — application by e-mail”.');
    // Each value says where it came from, and the checks say what the decision rests on (issue #11).
    expect(page.body).toMatch(/<label for="f-orderNumber">[\s\S]*?data-source="paper"/);
    expect(page.body).toContain('What the decision rests on');
    // The field by its label, not its code (regression: the table showed `orderNumber`, also on the Russian page).
    expect(page.body).toMatch(/<td>Order number<\/td><td>paper, confirmed by the order<\/td>/);
    await client.get('/language/ru');
    expect((await client.get('/returns/RT-0001')).body).toMatch(/<td>Номер заказа<\/td><td>[^<a-z]+<\/td>/);
    await client.get('/language/en');
    const image = page.body.match(/\/documents\/([0-9a-f-]+)\/pages\/1/)![0];
    const scan = await client.get(image);
    expect(scan.status).toBe(200);
    expect(scan.headers['content-type']).toBe('image/png');
  });

  it('refuses an invalid correction with the reason and saves nothing', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    const res = await client.submit('/returns/RT-0002', '/returns/RT-0002/fields', { 'f.email': 'not an email', 'f.cardLast4': '12', action: 'save' });
    expect(res.status).toBe(422);
    expect(res.body).toContain('not a valid email: expected an e-mail address');
    expect(res.body).toContain('not a valid cardLast4: expected the last 4 digits of the card');
    const ref = await fx.store.getReturnRef('RT-0002');
    expect(ref!.application.fields.email!.value).toBe('anna@exarnple.com');
  });

  it('fixes a field and approves: one approved reply, the agent in the audit trail, a second approve refused', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    const page = await client.get('/returns/RT-0001');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    // Each item can be marked not returnable; marking the only item is a rejection, refused here, nothing sent.
    expect(page.body).toContain('name="outcome.0"');
    const allDown = await client.post('/returns/RT-0001/fields', { _csrf: csrf, action: 'approve', 'outcome.0': 'custom_made' });
    expect(allDown.status).toBe(400);
    expect(allDown.body).toContain('reject the application instead');
    expect((await fx.store.getReturn('RT-0001'))!.outbound).toEqual([]);
    const res = await client.post('/returns/RT-0001/fields', { _csrf: csrf, 'f.email': ' Anna@Example.com ', action: 'approve' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/returns/RT-0001?done=approved');

    const detail = await fx.store.getReturn('RT-0001');
    expect(detail!.state).toBe('awaiting_shipment');
    expect(detail!.application.fields.email).toMatchObject({ value: 'anna@example.com', confidence: 1, source: 'agent' });
    expect(detail!.outbound.map((o) => o.template)).toEqual(['approved']);
    const agentEvents = detail!.events.filter((e) => e.actor === `agent:${USERS.support}`).map((e) => e.type);
    expect(agentEvents).toEqual(['edit', 'approve']);
    expect(detail!.events.at(-1)).toMatchObject({ actor: 'system', type: 'await_shipment', toState: 'awaiting_shipment' });
    const ref = await fx.store.getReturnRef('RT-0001');
    expect(ref!.deadlines.shipBy).toBeInstanceOf(Date);
    // The deadline is shown on the shop's clock: the end of the day the reply names, not 20:59 UTC.
    expect((await client.get('/returns/RT-0001')).body).toMatch(/Ship by \d{4}-\d{2}-\d{2} 23:59\./);

    // The same form posted again (a double click): refused, no second reply.
    const again = await client.post('/returns/RT-0001/approve', { _csrf: csrf });
    expect(again.status).toBe(409);
    expect((await fx.store.getReturn('RT-0001'))!.outbound).toHaveLength(1);

    const pending = await fx.store.listPendingOutbound(10);
    const reply = pending.find((o) => o.to === 'anna@example.com' && o.raw.toString().includes('RT-0001'));
    expect(reply).toBeDefined();
  });

  it('rejects with a reason and asks for a better photo, one reply each', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    expect((await client.submit('/returns/RT-0002', '/returns/RT-0002/reject', { reason: 'used_goods', note: 'photos show wear' })).status).toBe(303);
    const rejected = await fx.store.getReturn('RT-0002');
    expect(rejected!.state).toBe('rejected');
    expect(rejected!.outbound.map((o) => o.template)).toEqual(['rejected']);
    expect(rejected!.events.at(-1)).toMatchObject({ actor: `agent:${USERS.support}`, type: 'reject', reason: 'used_goods: photos show wear' });

    expect((await client.submit('/returns/RT-0003', '/returns/RT-0003/request-photo', {})).status).toBe(303);
    const photo = await fx.store.getReturn('RT-0003');
    expect(photo!.state).toBe('awaiting_application');
    expect(photo!.outbound.map((o) => o.template)).toEqual(['photo_unreadable']);
  });

  it('walks the desk steps: parcel received, inspection, refund issued', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    expect((await client.submit('/returns/RT-0001', '/returns/RT-0001/parcel-received', {})).status).toBe(303);
    // Before the inspection there is no refund form, and a refund posted anyway is refused without a reply.
    const beforeInspection = await client.get('/returns/RT-0001');
    expect(beforeInspection.body).toContain('/returns/RT-0001/inspection');
    expect(beforeInspection.body).not.toContain('/returns/RT-0001/refund-issued');
    const early = await client.submit('/returns/RT-0001', '/returns/RT-0001/refund-issued', { amount: '500.00', refundMethod: 'card' });
    expect(early.status).toBe(409);
    expect(early.body).toContain('record the inspection first');
    expect((await fx.store.getReturn('RT-0001'))!.outbound.map((o) => o.template)).toEqual(['approved', 'parcel_received']);
    expect((await client.submit('/returns/RT-0001', '/returns/RT-0001/inspection', { result: 'refund', note: 'as new' })).status).toBe(303);
    const page = await client.get('/returns/RT-0001');
    expect(page.body).not.toContain('/returns/RT-0001/inspection');
    expect(page.body).toContain('name="amount" value="500.00"');
    // A proper-quality return owes no shipping: no receipt field to fill in.
    expect(page.body).not.toContain('/returns/RT-0001/receipt-amount');
    expect((await client.submit('/returns/RT-0001', '/returns/RT-0001/refund-issued', { amount: '500.00', refundMethod: 'card' })).status).toBe(303);
    const detail = await fx.store.getReturn('RT-0001');
    expect(detail!.state).toBe('refunded');
    expect(detail!.outbound.map((o) => o.template)).toEqual(['approved', 'parcel_received', 'refund_issued']);
    expect(detail!.events.map((e) => e.type)).toEqual(expect.arrayContaining(['receive_at_warehouse', 'inspection_passed', 'refund']));
    // An illegal step is refused by the lifecycle table.
    const illegal = await client.submit('/returns/RT-0001', '/returns/RT-0001/parcel-received', {});
    expect(illegal.status).toBe(409);
  });
});
