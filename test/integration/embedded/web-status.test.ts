// The customers' status page (issue #14) on a real SQLite store: public, the right pair shows the state, the next
// step and its day as people write it; a wrong address, an unknown number and nonsense all get the same answer;
// lookups are rate limited per address; and the replies link to the page with the number filled in.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay } from '../../../src/domain/iso-day.ts';
import { longDay } from '../../../src/web/view-models/customer-status.ts';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { csrfOf, WebClient } from '../../support/web-client.ts';

let fx: WebFixture;
const NUMBER = 'R-4K7M-9QXQ';

beforeAll(async () => {
  fx = await startWebFixture();
  await fx.seedReturn({ returnNumber: NUMBER, state: 'awaiting_shipment', email: 'Anna@Example.com' });
  await fx.seedReturn({ returnNumber: 'RT-S002', state: 'needs_review' });
});
afterAll(async () => fx?.close());

async function lookUp(client: WebClient, number: string, email: string, lang = 'ru') {
  const form = await client.get(`/status?lang=${lang}`);
  return client.post('/status', { _csrf: csrfOf(form.body), number, email, lang });
}

/** The page without what the visitor typed and the CSRF token: what it reveals. */
const revealed = (html: string, ...typed: string[]) =>
  typed.reduce((text, value) => text.replaceAll(value, '…'), html.replace(/name="_csrf" value="[^"]+"/, ''));

describe('web: customer status page', () => {
  it('is public and takes the return number from the link in our replies', async () => {
    const page = await new WebClient(fx.app).get(`/status?number=${NUMBER}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="ru">');
    expect(page.body).toContain(`name="number" value="${NUMBER}"`);
  });

  it('shows the state, the next step and its day for the right pair, typed loosely', async () => {
    const client = new WebClient(fx.app);
    const shipBy = (await fx.store.getReturnRef(NUMBER))!.deadlines.shipBy!;
    const day = isoDay(shipBy, 'Europe/Moscow');
    const ru = await lookUp(client, 'r4k7m9qxq', ' anna@example.COM ');
    expect(ru.status).toBe(200);
    expect(ru.body).toContain('Возврат одобрен, ждём посылку');
    expect(ru.body).toContain(`Отправьте посылку не позднее ${longDay(day, 'ru')}, как написано в нашем письме.`);
    expect(longDay(day, 'ru')).toMatch(/^\d{1,2} [а-я]+ \d{4} г\.$/);
    const en = await lookUp(client, NUMBER, 'anna@example.com', 'en');
    expect(en.body).toContain(`Please ship the parcel by ${longDay(day, 'en')}, as our e-mail says.`);
  });

  it('reveals nothing for a wrong address, an unknown number or nonsense', async () => {
    const client = new WebClient(fx.app);
    const wrongEmail = await lookUp(client, NUMBER, 'someone@else.com');
    const unknown = await lookUp(client, 'R-0000-0000', 'someone@else.com');
    const otherCustomers = await lookUp(client, 'RT-S002', 'someone@else.com');
    const nonsense = await lookUp(client, '<script>', 'someone@else.com');
    for (const page of [wrongEmail, unknown, otherCustomers, nonsense]) {
      expect(page.status).toBe(200);
      expect(page.body).toContain('id="status-not-found"');
      expect(page.body).not.toContain('id="status-result"');
    }
    const base = revealed(wrongEmail.body, NUMBER, 'someone@else.com');
    expect(revealed(unknown.body, 'R-0000-0000', 'someone@else.com')).toBe(base);
    expect(revealed(otherCustomers.body, 'RT-S002', 'someone@else.com')).toBe(base);
    expect(nonsense.body).toContain('&lt;script&gt;');
  });

  it('limits lookups per address', async () => {
    const client = new WebClient(fx.app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await lookUp(client, `R-0000-000${i % 10}`, 'guess@example.com')).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('is linked from the replies, with the return number filled in', async () => {
    const agent = new WebClient(fx.app);
    await agent.login(USERS.support);
    expect((await agent.submit('/returns/RT-S002', '/returns/RT-S002/fields', { 'f.email': 'anna@example.com', action: 'approve' })).status).toBe(303);
    const reply = (await fx.store.listPendingOutbound(10)).find((o) => o.raw.toString().includes('RT-S002'))!;
    const mail = await simpleParser(reply.raw);
    expect(mail.text).toContain('Где сейчас ваш возврат: https://returns.shop.test/status?number=RT-S002');
    // Handlebars writes "=" in an attribute as &#x3D;, which a mail client reads back as "=".
    expect(String(mail.html).replaceAll('&#x3D;', '=')).toContain('href="https://returns.shop.test/status?number=RT-S002"');
  });
});
