// The desk's actions through the web app on a real SQLite store (issue #14): cancel, reopen, extend the ship-by
// date, revive an expired return, send goods back after a failed inspection; each with its reason on the
// timeline, the customer's reply committed exactly once, and a double submit refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay } from '../../../src/domain/iso-day.ts';
import { addIsoDays } from '../../../src/domain/iso-date-math.ts';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { WebClient } from '../../support/web-client.ts';

let fx: WebFixture;
let client: WebClient;
const today = () => isoDay(new Date(), 'Europe/Moscow');

beforeAll(async () => {
  fx = await startWebFixture();
  await fx.seedReturn({ returnNumber: 'RT-A001', state: 'awaiting_shipment' });
  await fx.seedReturn({ returnNumber: 'RT-A002', state: 'expired' });
  await fx.seedReturn({ returnNumber: 'RT-A003', state: 'rejected' });
  await fx.seedReturn({ returnNumber: 'RT-A004', state: 'awaiting_shipment' });
  await fx.seedReturn({ returnNumber: 'RT-A005', state: 'received_at_warehouse' });
  await fx.seedReturn({ returnNumber: 'RT-A006', state: 'awaiting_shipment' });
  client = new WebClient(fx.app);
  await client.login(USERS.support);
});
afterAll(async () => fx?.close());

const templates = async (number: string) => (await fx.store.getReturn(number))!.outbound.map((o) => o.template);

describe('web: desk actions', () => {
  it('extends the ship-by date: the new day on the page and the timeline, one reply, the old day kept', async () => {
    const page = await client.get('/returns/RT-A001');
    expect(page.body).toContain('id="extend-form"');
    expect(page.body).toContain('id="cancel-form"');
    expect(page.body).not.toContain('id="revive-form"');
    const before = (await fx.store.getReturnRef('RT-A001'))!.deadlines.shipBy!;
    const newDay = addIsoDays(today(), 9);
    const res = await client.submit('/returns/RT-A001', '/returns/RT-A001/extend-ship-by', { shipBy: newDay, reason: 'customer is travelling' });
    expect(res.status).toBe(303);
    const ref = await fx.store.getReturnRef('RT-A001');
    expect(isoDay(ref!.deadlines.shipBy!, 'Europe/Moscow')).toBe(newDay);
    expect(await templates('RT-A001')).toEqual(['ship_by_extended']);
    const shown = await client.get('/returns/RT-A001');
    expect(shown.body).toContain(`shipBy: <del>${isoDay(before, 'Europe/Moscow')}</del> → <ins>${newDay}</ins>`);
    expect(shown.body).toContain('customer is travelling');
    // An earlier day than the one now in force is refused; nothing more is sent.
    const earlier = await client.submit('/returns/RT-A001', '/returns/RT-A001/extend-ship-by', { shipBy: addIsoDays(today(), 2), reason: 'again' });
    expect(earlier.status).toBe(400);
    expect(earlier.body).toContain('must be later than the current one');
    expect(await templates('RT-A001')).toEqual(['ship_by_extended']);
  });

  it('regression: the extend form offered the ship-by day in force, which the rule refuses; it offers a later day, accepted as is', async () => {
    const inForce = isoDay((await fx.store.getReturnRef('RT-A006'))!.deadlines.shipBy!, 'Europe/Moscow');
    const form = /<form[^>]*id="extend-form"[\s\S]*?<\/form>/.exec((await client.get('/returns/RT-A006')).body)![0];
    const input = /<input type="date" name="shipBy" value="([\d-]+)" min="([\d-]+)"/.exec(form)!;
    expect(input[1]! > inForce).toBe(true);
    expect(input[2]).toBe(addIsoDays(inForce, 1));
    expect((await client.submit('/returns/RT-A006', '/returns/RT-A006/extend-ship-by', { shipBy: input[1]!, reason: 'customer asked for a few more days' })).status).toBe(303);
    expect(isoDay((await fx.store.getReturnRef('RT-A006'))!.deadlines.shipBy!, 'Europe/Moscow')).toBe(input[1]);
  });

  it('revives an expired return with a new ship-by day; a second revive is refused', async () => {
    const newDay = addIsoDays(today(), 5);
    expect((await client.get('/returns/RT-A002')).body).toContain('id="revive-form"');
    const res = await client.submit('/returns/RT-A002', '/returns/RT-A002/revive', { shipBy: newDay, reason: 'post office was closed', customerNote: 'Sorry for the trouble.' });
    expect(res.status).toBe(303);
    const detail = await fx.store.getReturn('RT-A002');
    expect(detail!.state).toBe('awaiting_shipment');
    expect(detail!.events.at(-1)).toMatchObject({ actor: `agent:${USERS.support}`, type: 'revive', reason: 'post office was closed' });
    const pending = await fx.store.listPendingOutbound(50);
    const reply = pending.find((o) => o.raw.toString().includes('RT-A002'));
    expect(reply).toBeDefined();
    const again = await client.submit('/returns/RT-A002', '/returns/RT-A002/revive', { shipBy: newDay, reason: 'double click' });
    expect(again.status).toBe(409);
    expect(await templates('RT-A002')).toEqual(['ship_by_extended']);
  });

  it('reopens a rejected return for review (no reply), and refuses an action without a reason', async () => {
    const empty = await client.submit('/returns/RT-A003', '/returns/RT-A003/reopen', { reason: '' });
    expect(empty.status).toBe(400);
    expect((await fx.store.getReturn('RT-A003'))!.state).toBe('rejected');
    expect((await client.submit('/returns/RT-A003', '/returns/RT-A003/reopen', { reason: 'rejected by mistake' })).status).toBe(303);
    const detail = await fx.store.getReturn('RT-A003');
    expect(detail!.state).toBe('needs_review');
    expect(detail!.outbound).toEqual([]);
    expect((await client.get('/returns/RT-A003')).body).toContain('id="approve"');
  });

  it('cancels a return awaiting shipment; the customer is told once', async () => {
    expect((await client.submit('/returns/RT-A004', '/returns/RT-A004/cancel', { reason: 'customer withdrew', customerNote: '' })).status).toBe(303);
    expect((await fx.store.getReturn('RT-A004'))!.state).toBe('cancelled');
    expect(await templates('RT-A004')).toEqual(['cancelled']);
    // Cancelled is a state of its own in the queue, and can be reopened.
    expect((await client.get('/queue?state=cancelled')).body).toContain('RT-A004');
    expect((await client.get('/returns/RT-A004')).body).toContain('id="reopen-form"');
  });

  it('sends goods back after a failed inspection only with what the inspection found; the customer told why', async () => {
    const bare = await client.submit('/returns/RT-A005', '/returns/RT-A005/inspection', { result: 'send_back', note: '' });
    expect(bare.status).toBe(400);
    expect(bare.body).toContain('Say what the inspection found');
    expect((await client.submit('/returns/RT-A005', '/returns/RT-A005/inspection', { result: 'send_back', note: 'stains on the hem' })).status).toBe(303);
    const detail = await fx.store.getReturn('RT-A005');
    expect(detail!.state).toBe('returned_to_customer');
    expect(await templates('RT-A005')).toEqual(['returned_to_customer']);
    const reply = (await fx.store.listPendingOutbound(50)).find((o) => o.raw.toString().includes('RT-A005'));
    expect(reply!.raw.toString()).toMatch(/stains on the hem/);
  });
});
