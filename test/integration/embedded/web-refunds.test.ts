// Refunds to pay through the web app on a real SQLite store (issue #14): the inspection fixes the amount owed,
// the list shows it with the bank details or the card's last four, a ticked batch exports as CSV and as
// 1CClientBankExchange payment orders that parse back to the same amounts, and marking the batch paid with the
// amounts and the day the bank really paid tells each customer exactly those; the dashboard sums it up.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay } from '../../../src/domain/iso-day.ts';
import { addIsoDays } from '../../../src/domain/iso-date-math.ts';
import { parseClientBankExchange } from '../../support/client-bank-exchange.ts';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { WebClient, csrfOf } from '../../support/web-client.ts';

let fx: WebFixture;
let manager: WebClient;
const BANK = { refundMethod: ['bank_account', 0.95], bik: ['044525225', 0.95], account: ['40817810099910004312', 0.95], corrAccount: ['30101810400000000225', 0.95], accountHolder: ['Иванова Анна Сергеевна', 0.9] } as const;

beforeAll(async () => {
  fx = await startWebFixture();
  // A second order like the first, so the second refund is not the same T-shirt returned twice.
  const order = await fx.store.find('A-1001');
  await fx.store.upsertOrders([{ ...order!, orderNumber: 'A-1002' }]);
  await fx.seedReturn({ returnNumber: 'RT-P001', state: 'received_at_warehouse', fields: { ...BANK } as never });
  await fx.seedReturn({ returnNumber: 'RT-P002', state: 'received_at_warehouse', fields: { orderNumber: ['A-1002', 0.97] } });
  await fx.seedReturn({ returnNumber: 'RT-P003', state: 'received_at_warehouse' });
  manager = new WebClient(fx.app);
  await manager.login(USERS.manager);
  for (const number of ['RT-P001', 'RT-P002']) {
    expect((await manager.submit(`/returns/${number}`, `/returns/${number}/inspection`, { result: 'refund', note: 'as new' })).status).toBe(303);
  }
});
afterAll(async () => fx?.close());

async function exportBatch(format: 'csv' | '1c', numbers: string[]) {
  const page = await manager.get('/refunds');
  const form: Record<string, string> = { _csrf: csrfOf(page.body), format };
  for (const n of numbers) form[`pick.${n}`] = 'on';
  return fx.app.inject({
    method: 'POST',
    url: '/refunds/export',
    remoteAddress: manager.remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...manager.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    payload: new URLSearchParams(form).toString(),
  });
}

describe('web: refunds to pay', () => {
  it('lists the refunds the inspection accepted, with the amount owed and where it goes; not for support', async () => {
    const page = await manager.get('/refunds');
    expect(page.status).toBe(200);
    expect(page.body).toContain('name="amount.RT-P001" value="500.00"');
    expect(page.body).toContain('name="amount.RT-P002" value="500.00"');
    expect(page.body).toContain('BIK 044525225 · 40817810099910004312');
    expect(page.body).toContain('card ·· 4242');
    // Not inspected yet: not owed yet.
    expect(page.body).not.toContain('RT-P003');
    const support = new WebClient(fx.app);
    await support.login(USERS.support);
    expect((await support.get('/refunds')).status).toBe(403);
  });

  it('exports payment orders that parse back to the same amounts, leaving the card refund out', async () => {
    const res = await exportBatch('1c', ['RT-P001', 'RT-P002']);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=windows-1251');
    expect(res.headers['x-refunds-skipped']).toBe('RT-P002:card');
    const file = parseClientBankExchange(res.rawPayload);
    expect(file.documents.map((d) => [d.Сумма, d.ПолучательСчет, d.Получатель1])).toEqual([['500.00', '40817810099910004312', 'Иванова Анна Сергеевна']]);
    const csv = await exportBatch('csv', ['RT-P001', 'RT-P002']);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="refunds-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 1).concat(r.split(',')[4]!))).toEqual([
      ['RT-P001', '500.00'],
      ['RT-P002', '500.00'],
    ]);
  });

  it('marks a batch paid with the real amount and day: each customer told exactly that, once', async () => {
    const yesterday = addIsoDays(isoDay(new Date(), 'Europe/Moscow'), -1);
    const page = await manager.get('/refunds');
    const res = await manager.post('/refunds/pay', {
      _csrf: csrfOf(page.body),
      'pick.RT-P001': 'on',
      'amount.RT-P001': '499.50',
      'pick.RT-P002': 'on',
      'amount.RT-P002': '500.00',
      'amount.RT-P003': '1.00',
      paidOn: yesterday,
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/refunds?paid=2');
    for (const [number, amount] of [['RT-P001', '499,50'], ['RT-P002', '500,00']] as const) {
      const detail = await fx.store.getReturn(number);
      expect(detail!.state).toBe('refunded');
      expect(detail!.outbound.map((o) => o.template)).toEqual(['refund_issued']);
      const reply = (await fx.store.listPendingOutbound(50)).find((o) => o.raw.toString().includes(number))!;
      const text = (await simpleParser(reply.raw)).text!;
      const day = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${yesterday}T00:00:00Z`));
      expect(text).toContain(`Мы отправили деньги по возврату ${number} ${day}: ${amount}\u00a0₽`);
    }
    expect((await fx.store.getReturn('RT-P003'))!.state).toBe('received_at_warehouse');
    // Paid twice by a second click: refused per refund, nothing more sent.
    const again = await manager.post('/refunds/pay', { _csrf: csrfOf(page.body), 'pick.RT-P001': 'on', 'amount.RT-P001': '499.50', paidOn: yesterday });
    expect(again.location).toMatch(/paid=0&failed=RT-P001/);
    expect((await fx.store.getReturn('RT-P001'))!.outbound).toHaveLength(1);
  });

  it('shows refund totals on the dashboard: paid in the window, still due', async () => {
    const page = await manager.get('/dashboard?days=7');
    expect(page.body).toMatch(/id="tile-refunds-paid"><span>Refunds paid<\/span><b>999\.50 ₽<\/b><small>2 in the last 7 days/);
    // RT-P003 waits for its inspection: not on the refunds to pay, so not on the tile either.
    expect(page.body).toMatch(/id="tile-refunds-due"[^>]*><span>Refunds due<\/span><b>0\.00 ₽<\/b><small>0 to pay · 0 overdue/);
  });
});
