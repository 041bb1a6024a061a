// The desk's day in a real browser (Chromium), issue #14: an agent extends a ship-by date and revives an expired
// return (the customer's reply in the outbox each time); a manager exports a batch of refunds as payment orders
// (the downloaded file parses back to the same amounts) and marks it paid; the dashboard shows the money; an
// exchange's return postage is repaid from the refunds to pay; a return started from an unassigned e-mail opens with
// what its attachment says; the review page speaks Russian, the machine's check messages too.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileOutbox } from '../../../src/adapters/outbox/create-file-outbox.ts';
import { addIsoDays } from '../../../src/domain/iso-date-math.ts';
import { sendOutbox } from '../../../src/pipeline/send/send-outbox.ts';
import { isoDay } from '../../../src/domain/iso-day.ts';
import { launchBrowser, saveScreenshot, signIn } from '../../support/browser.ts';
import { parseClientBankExchange } from '../../support/client-bank-exchange.ts';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { createTranslator, loadDictionary } from '../../../src/web/i18n/ui-language.ts';
import { FIELD_LABELS } from '../../../src/web/view-models/return-view.ts';

let fx: WebFixture;
let browser: Browser;
let base: string;
/** The pages' translator: what a Russian page asked the dictionary for and it lacked is counted here. */
const translator = createTranslator(loadDictionary());
/** The unassigned e-mail with an application attached (a text-layer PDF), and what that PDF says. */
let withPdfId: string;
const PDF_EXPECTED = JSON.parse(readFileSync('samples/emails/01-text-pdf.expected.json', 'utf8')) as { fields: Record<string, string>; items: Array<Record<string, string>> };
const HOUR = 3_600_000;
const BANK = { refundMethod: ['bank_account', 0.95], bik: ['044525225', 0.95], account: ['40817810099910004312', 0.95], corrAccount: ['30101810400000000225', 0.95], accountHolder: ['Иванова Анна Сергеевна', 0.9] } as const;

beforeAll(async () => {
  browser = await launchBrowser();
  fx = await startWebFixture({ translator });
  const now = Date.now();
  await fx.seedReturn({ returnNumber: 'RT-D001', state: 'awaiting_shipment', createdAt: new Date(now - 50 * HOUR) });
  await fx.seedReturn({ returnNumber: 'RT-D002', state: 'expired', createdAt: new Date(now - 200 * HOUR) });
  // Skirt and T-shirt of an order whose free scarf came with "1+1=3" (SPEC §2), under review.
  await fx.store.upsertOrders([{ ...(await fx.store.find('A-1001'))!, orderNumber: 'A-4004' }]);
  await fx.seedReturn({
    returnNumber: 'RT-D003',
    createdAt: new Date(now - 3 * HOUR),
    fields: { orderNumber: ['A-4004', 0.97], email: ['anna@example.com', 0.99], cardLast4: ['4242', 0.99] },
    items: [
      ['SK-1', 'Юбка', 'M', '1', '4000.00'],
      ['TS-2', 'Футболка', 'M', '1', '3000.00'],
    ],
  });
  const order = await fx.store.find('A-1001');
  for (const [number, orderNumber, fields] of [
    ['RT-F001', 'A-1001', BANK],
    ['RT-F002', 'A-2002', BANK],
    ['RT-F003', 'A-3003', {}],
  ] as const) {
    if (orderNumber !== 'A-1001') await fx.store.upsertOrders([{ ...order!, orderNumber }]);
    await fx.seedReturn({ returnNumber: number, state: 'received_at_warehouse', createdAt: new Date(now - 300 * HOUR), fields: { ...fields, orderNumber: [orderNumber, 0.97] } as never });
  }
  // A defective skirt the customer wants in another size: an exchange, nothing refunded.
  await fx.store.upsertOrders([{ ...(await fx.store.find('A-1001'))!, orderNumber: 'A-5005' }]);
  await fx.seedReturn({
    returnNumber: 'RT-D004',
    createdAt: new Date(now - 2 * HOUR),
    fields: { orderNumber: ['A-5005', 0.97], email: ['anna@example.com', 0.99], cardLast4: ['4242', 0.99], reason: ['defect', 0.95] },
    items: [['SK-1', 'Юбка', 'M', '1', '4000.00']],
  });
  // Under review, for the review page's screenshot.
  await fx.seedReturn({ returnNumber: 'RT-D005', createdAt: new Date(now - 20 * HOUR), fields: { fullName: ['Смирнова Ольга Петровна', 0.93], phone: ['+7916123456', 0.41], cardLast4: ['4242', 0.41] } });
  // A customer's question that is no application and names no return: the unassigned inbox.
  const raw = Buffer.from(
    'From: Ольга <olga@example.org>\r\nTo: info@shop.test\r\nSubject: Вопрос про возврат\r\nMessage-ID: <olga-question@example.org>\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n\r\nДобрый день! Можно ли вернуть товар, купленный со скидкой?\r\n',
  );
  const saved = await fx.store.saveInbound({ mailboxId: 'maildir:/test', mailboxKey: 'olga', messageId: '<olga-question@example.org>', sha256: createHash('sha256').update(raw).digest('hex'), raw, receivedAt: new Date(now - HOUR) });
  await fx.store.claimInbound(saved.id);
  await fx.store.finishInbound(saved.id, 'needs_attention', 'not_an_application');
  // A defective skirt exchanged: the shop owes the customer's return postage (policy shippingRefundReasons).
  await fx.store.upsertOrders([{ ...(await fx.store.find('A-1001'))!, orderNumber: 'A-6006' }]);
  await fx.seedReturn({
    returnNumber: 'RT-D006',
    createdAt: new Date(now - 2 * HOUR),
    fields: { orderNumber: ['A-6006', 0.97], email: ['anna@example.com', 0.99], cardLast4: ['4242', 0.99], reason: ['defect', 0.95] },
    items: [['SK-1', 'Юбка', 'M', '1', '4000.00']],
  });
  // An application the worker left unassigned, its PDF attached: an agent starts the return from it.
  const withPdf = readFileSync('samples/emails/01-text-pdf.eml');
  const pdfMail = await fx.store.saveInbound({ mailboxId: 'maildir:/test', mailboxKey: 'with-pdf', messageId: '<1741504445.372913061@f512.i.mail.ru>', sha256: createHash('sha256').update(withPdf).digest('hex'), raw: withPdf, receivedAt: new Date(now - 2 * HOUR) });
  await fx.store.claimInbound(pdfMail.id);
  await fx.store.finishInbound(pdfMail.id, 'needs_attention', 'not_an_application');
  withPdfId = pdfMail.id;
  // A question nobody has answered yet: the unassigned inbox as the desk finds it in the morning (its screenshot).
  const waiting = Buffer.from(
    'From: Пётр Соколов <p.sokolov@example.org>\r\nTo: info@shop.test\r\nSubject: Когда придут деньги?\r\nMessage-ID: <petr-question@example.org>\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n\r\nЗдравствуйте! Отправил посылку неделю назад, когда ждать деньги?\r\n',
  );
  const waitingMail = await fx.store.saveInbound({ mailboxId: 'maildir:/test', mailboxKey: 'petr', messageId: '<petr-question@example.org>', sha256: createHash('sha256').update(waiting).digest('hex'), raw: waiting, receivedAt: new Date(now - 30 * 60_000) });
  await fx.store.claimInbound(waitingMail.id);
  await fx.store.finishInbound(waitingMail.id, 'needs_attention', 'not_an_application');
  // The desk knows its people by name: the timeline shows it, not `agent:<e-mail>`.
  await fx.users.setUserName(USERS.support, 'Семён Петров');
  await fx.users.setUserName(USERS.manager, 'Мария Иванова');
  base = await fx.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await browser?.close();
  await fx?.close();
});


const shopDay = (offset: number) => addIsoDays(isoDay(new Date(), 'Europe/Moscow'), offset);
const pendingFor = async (number: string) => (await fx.store.listPendingOutbound(100)).filter((o) => o.raw.toString().includes(number));

describe('browser: the desk\'s day', () => {
  it('extends a ship-by date and revives an expired return, each with a reason; the customer is told the new day', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, base, USERS.support);

    await page.goto(`${base}/returns/RT-D001`);
    const newDay = shopDay(10);
    await page.fill('#extend-form input[name=shipBy]', newDay);
    // The browser refuses the form without a reason: nothing is posted.
    await page.click('#extend-form button[type=submit]');
    expect(page.url()).toBe(`${base}/returns/RT-D001`);
    await page.fill('#extend-form input[name=reason]', 'the customer is travelling until next week');
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'desk-actions-en');
    await Promise.all([page.waitForURL(/done=extended/), page.click('#extend-form button[type=submit]')]);
    await expect.poll(() => page.locator('.alert.ok').textContent()).toContain('Ship-by date moved');
    await expect.poll(() => page.locator('.timeline').textContent()).toContain(newDay);
    expect(isoDay((await fx.store.getReturnRef('RT-D001'))!.deadlines.shipBy!, 'Europe/Moscow')).toBe(newDay);
    expect((await pendingFor('RT-D001')).length).toBe(1);

    await page.goto(`${base}/returns/RT-D002`);
    await page.fill('#revive-form input[name=shipBy]', shopDay(4));
    await page.fill('#revive-form input[name=reason]', 'the post office was closed for a holiday');
    await Promise.all([page.waitForURL(/done=revived/), page.click('#revive-form button[type=submit]')]);
    await expect.poll(() => page.locator('h1 .state').textContent()).toContain('awaiting shipment');
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('the post office was closed for a holiday');
    expect((await pendingFor('RT-D002')).length).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports a batch of refunds as payment orders that parse back to the same amounts, then marks it paid', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, base, USERS.manager);
    // The warehouse accepts the goods of each: that fixes the amount owed.
    for (const number of ['RT-F001', 'RT-F002', 'RT-F003']) {
      await page.goto(`${base}/returns/${number}`);
      await page.fill('form[action$="/inspection"] input[name=note]', 'as new');
      await Promise.all([page.waitForURL(/done=inspected/), page.click('form[action$="/inspection"] button[type=submit]')]);
    }
    await page.click('a:text("Refunds to pay")');
    await expect.poll(() => page.locator('table.refunds tbody tr').count()).toBe(3);
    for (const number of ['RT-F001', 'RT-F002']) await page.check(`input[name="pick.${number}"]`);
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'refunds-en');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[value="1c"]')]);
    expect(download.suggestedFilename()).toMatch(/^kl_to_1c-\d{4}-\d{2}-\d{2}\.txt$/);
    const file = parseClientBankExchange(await readFile((await download.path())!));
    const amounts = Object.fromEntries(file.documents.map((d) => [d.НазначениеПлатежа!.match(/RT-F\d+/)![0], d.Сумма]));
    const shown = Object.fromEntries(
      await Promise.all(['RT-F001', 'RT-F002'].map(async (n) => [n, await page.inputValue(`input[name="amount.${n}"]`)] as const)),
    );
    expect(amounts).toEqual(shown);
    expect(Object.values(amounts)).toEqual(['500.00', '500.00']);

    // The bank paid the first one 10 kopecks less; the desk enters what was really paid, yesterday.
    await page.fill('input[name="amount.RT-F001"]', '499.90');
    await page.fill('input[name=paidOn]', shopDay(-1));
    await Promise.all([page.waitForURL(/paid=2/), page.click('#mark-paid')]);
    await expect.poll(() => page.locator('table.refunds tbody tr').count()).toBe(1);
    expect((await fx.store.getReturn('RT-F001'))!.state).toBe('refunded');
    const reply = (await pendingFor('RT-F001')).at(-1)!;
    const mail = await simpleParser(reply.raw);
    expect(mail.subject).toContain('RT-F001');
    expect(mail.text).toContain('499,90\u00a0₽');

    await page.goto(`${base}/dashboard?days=7`);
    await expect.poll(() => page.locator('#tile-refunds-paid b').textContent()).toBe('999.90 ₽');
    await expect.poll(() => page.locator('#tile-refunds-due b').textContent()).toBe('500.00 ₽');
    await context.close();
  });

  it('lets a customer look up their return with the right pair, and tells nothing for a wrong one', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
    const page = await context.newPage();
    // The link in our replies carries the number; the customer adds the address they wrote from.
    await page.goto(`${base}/status?number=RT-D001`);
    expect(await page.inputValue('input[name=number]')).toBe('RT-D001');
    await page.fill('input[name=email]', 'someone@else.com');
    await Promise.all([page.waitForLoadState('load'), page.click('#status-form button[type=submit]')]);
    await expect.poll(() => page.locator('#status-not-found').isVisible()).toBe(true);
    expect(await page.locator('#status-result').count()).toBe(0);
    await page.fill('input[name=email]', 'ANNA@example.com');
    await Promise.all([page.waitForLoadState('load'), page.click('#status-form button[type=submit]')]);
    await expect.poll(() => page.locator('#status-result h2').textContent()).toBe('Возврат одобрен, ждём посылку');
    // The ship-by day the desk extended to in the first test, as people write it.
    const day = isoDay((await fx.store.getReturnRef('RT-D001'))!.deadlines.shipBy!, 'Europe/Moscow');
    const written = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
    expect(await page.locator('#status-result').textContent()).toContain(`не позднее ${written}`);
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'status', { docs: true });
    await context.close();
  });

  it('answers a question from the unassigned inbox: the reply reaches the outbox in the customer\'s thread', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, USERS.support);
    await page.click('a:text("Needs attention")');
    await page.click('a:text("Вопрос про возврат")');
    await expect.poll(() => page.locator('pre.message-text').textContent()).toContain('купленный со скидкой');
    await page.fill('#answer-form textarea[name=text]', 'Да, скидка не мешает возврату: пришлите заявление, и мы всё посчитаем.');
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'unassigned-answer-en');
    await Promise.all([page.waitForURL(/\/mail\/.+done=answered/), page.click('#answer-form button[type=submit]')]);
    await expect.poll(() => page.locator('.thread .message.outgoing').count()).toBe(1);

    const outbox = createFileOutbox({ dir: path.join(fx.dir, 'outbox-desk') });
    await sendOutbox({ store: fx.store, transport: outbox, from: 'info@shop.test', now: () => new Date() }, 50);
    const files = await readdir(outbox.dir);
    const emls = await Promise.all(files.map((f) => readFile(path.join(outbox.dir, f))));
    const mails = await Promise.all(emls.map((eml) => simpleParser(eml)));
    const answer = mails.find((m) => m.to && JSON.stringify(m.to).includes('olga@example.org'))!;
    expect(answer.inReplyTo).toBe('<olga-question@example.org>');
    expect(answer.references).toContain('<olga-question@example.org>');
    expect(answer.subject).toBe('Re: Вопрос про возврат');
    expect(answer.text).toContain('Да, скидка не мешает возврату');
    expect(answer.text).toContain('Здравствуйте, Ольга!');
    await context.close();
  });

  it('approves one item and turns the other down with its reason: the refund and the reply follow the items', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, USERS.support);
    await page.goto(`${base}/returns/RT-D003`);
    // Both items returned: the scarf's discount is lost, 4000 + 3000 − 2500.
    await expect.poll(() => page.locator('tr.total td.num').textContent()).toBe('4500.00');
    await page.selectOption('select[name="outcome.1"]', 'used_goods');
    await Promise.all([page.waitForURL(/done=approved/), page.click('#approve')]);
    // Only the skirt comes back, and the order no longer meets "1+1=3": 4000 − 2500.
    await expect.poll(() => page.locator('tr.total td.num').textContent()).toBe('1500.00');
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('Футболка (used_goods)');
    const reply = (await pendingFor('RT-D003')).at(-1)!;
    const mail = await simpleParser(reply.raw);
    expect(mail.text).toContain('1\u00a0500,00\u00a0₽');
    expect(mail.text).toContain("- «Футболка»: товар был в использовании.");
    expect(mail.text).not.toContain('4\u00a0500,00');
    await context.close();
  });

  it('exchanges an item: its own approval without a refund, then the replacement after the inspection', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, USERS.support);
    await page.goto(`${base}/returns/RT-D004`);
    await page.selectOption('select[name="outcome.0"]', 'exchange');
    await page.fill('input[name="exchangeFor.0"]', 'размер L');
    await Promise.all([page.waitForURL(/done=approved/), page.click('#approve')]);
    await expect.poll(() => page.locator('#exchange').textContent()).toContain('размер L');
    const approval = await simpleParser((await pendingFor('RT-D004')).at(-1)!.raw);
    expect(approval.text).toContain('одобрили обмен');
    expect(approval.text).toContain('«Юбка» — на: размер L');
    expect(approval.text).not.toMatch(/Вернём \d|вернём .*₽/);

    await page.click('form[action$="/parcel-received"] button');
    await page.waitForURL(/done=received/);
    await page.fill('form[action$="/inspection"] input[name=note]', 'брак подтверждён');
    await Promise.all([page.waitForURL(/done=inspected/), page.click('form[action$="/inspection"] button[type=submit]')]);
    // Nothing to refund: no refund form, the replacement instead.
    expect(await page.locator('form[action$="/refund-issued"]').count()).toBe(0);
    await page.fill('#replacement-form input[name=trackingNumber]', 'RA123456785RU');
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'exchange-en');
    await Promise.all([page.waitForURL(/done=replacement/), page.click('#replacement-form button[type=submit]')]);
    await expect.poll(() => page.locator('h1 .state').textContent()).toContain('exchanged');
    const sent = await simpleParser((await pendingFor('RT-D004')).at(-1)!.raw);
    expect(sent.text).toContain('Мы отправили вам замену');
    expect(sent.text).toContain('- «Юбка» — размер L;');
    expect(sent.text).toContain('Трек-номер посылки: RA123456785RU.');
    // It never enters the refunds to pay.
    expect((await fx.store.listRefundsDue()).map((r) => r.returnNumber)).not.toContain('RT-D004');
    await context.close();
  });

  it('exchanges a defective item, then repays its return postage from the refunds to pay: the reply says what it repays', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, base, USERS.manager);
    await page.goto(`${base}/returns/RT-D006`);
    await page.selectOption('select[name="outcome.0"]', 'exchange');
    await page.fill('input[name="exchangeFor.0"]', 'размер S');
    await Promise.all([page.waitForURL(/done=approved/), page.click('#approve')]);
    await page.click('form[action$="/parcel-received"] button');
    await page.waitForURL(/done=received/);
    // The customer's postage receipt, then the inspection that fixes what is owed.
    await page.fill('form[action$="/receipt-amount"] input[name=amount]', '387.50');
    await Promise.all([page.waitForURL(/done=receipt/), page.click('form[action$="/receipt-amount"] button[type=submit]')]);
    await page.fill('form[action$="/inspection"] input[name=note]', 'шов разошёлся, брак');
    await Promise.all([page.waitForURL(/done=inspected/), page.click('form[action$="/inspection"] button[type=submit]')]);
    await expect.poll(() => page.locator('#exchange-postage').textContent()).toContain('387.50');
    // No item is refunded: no refund form, the replacement goes out before the money.
    expect(await page.locator('form[action$="/refund-issued"]').count()).toBe(0);
    await Promise.all([page.waitForURL(/done=replacement/), page.click('#replacement-form button[type=submit]')]);
    await expect.poll(() => page.locator('h1 .state').textContent()).toContain('exchanged');

    await page.click('a:text("Refunds to pay")');
    const row = page.locator('table.refunds tbody tr', { hasText: 'RT-D006' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.inputValue('input[name="amount.RT-D006"]')).toBe('387.50');
    const others = (await page.locator('table.refunds tbody tr').count()) - 1;
    await page.check('input[name="pick.RT-D006"]');
    await Promise.all([page.waitForURL(/paid=1/), page.click('#mark-paid')]);
    await expect.poll(() => page.locator('table.refunds tbody tr').count()).toBe(others);
    expect(await page.locator('table.refunds tbody tr', { hasText: 'RT-D006' }).count()).toBe(0);

    // Paying the postage keeps the exchange's own end; the page and the timeline say it was repaid.
    await page.goto(`${base}/returns/RT-D006`);
    await expect.poll(() => page.locator('h1 .state').textContent()).toContain('exchanged');
    await expect.poll(() => page.locator('#exchange-postage').textContent()).toContain('Return postage refunded: 387.50');
    const reply = await simpleParser((await pendingFor('RT-D006')).at(-1)!.raw);
    expect(reply.subject).toContain('RT-D006');
    expect(reply.text).toContain('387,50\u00a0₽');
    expect(reply.text).toContain('обратную доставку по обмену');
    expect((await fx.store.getReturn('RT-D006'))!.outbound.map((o) => o.template)).toEqual(['exchange_approved', 'parcel_received', 'exchange_sent', 'refund_issued']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts a return from an unassigned e-mail with an application attached: the new return shows what the PDF says', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, USERS.support);
    await page.click('a:text("Needs attention")');
    await page.click(`a[href="/attention/${withPdfId}"]`);
    await Promise.all([page.waitForURL(/\/returns\/R-[0-9A-Z]{4}-[0-9A-Z]{4}\?done=started$/), page.click('#start-form button[type=submit]')]);
    // Read as the worker reads an application: the fields from the PDF's text layer, not the sender's address alone.
    for (const key of ['orderNumber', 'fullName', 'phone', 'bik', 'account', 'corrAccount', 'accountHolder', 'receivedDate']) {
      expect(await page.inputValue(`#f-${key}`), key).toBe(PDF_EXPECTED.fields[key]);
    }
    expect(await page.inputValue('#f-reason')).toBe(PDF_EXPECTED.fields.reason);
    expect(await page.inputValue('#f-refundMethod')).toBe(PDF_EXPECTED.fields.refundMethod);
    for (const key of ['sku', 'name', 'size', 'price'] as const) {
      expect(await page.inputValue(`input[name="f.items.0.${key}"]`), key).toBe(PDF_EXPECTED.items[0]![key]);
    }
    // The PDF is the return's document: its page is drawn beside the fields.
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.scan-page img')).some((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0));
    await expect.poll(() => page.locator('#approve').isVisible()).toBe(true);
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'started-from-mail-en');
    await context.close();
  });

  it('shows every page in Russian, the language a Russian shop\'s agents read (screenshots for docs/ui.md)', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // An admin sees every page a manager does, and the users page.
    await signIn(page, base, USERS.admin);
    await page.click('#lang-ru');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ru');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Очередь на проверку');
    await page.goto(`${base}/queue?state=all`);
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'queue', { docs: true });
    await page.goto(`${base}/returns/RT-D005`);
    await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0));
    // Every value readable in full, and nothing past the window's edge (issue #14: values were cut off in narrow
    // inputs; the sources' badges pushed the page wider than the window), on a laptop's screen and a desk's, and
    // below 1000 px, where the scan and the fields stand one above the other (regression: a later rule kept two
    // columns there, the fields' at least 560 px, and the page ran past the window).
    for (const width of [1280, 1440, 990, 800]) {
      await page.setViewportSize({ width, height: 900 });
      const layout = await page.evaluate(() => {
        const scan = document.querySelector('.review .scan')!.getBoundingClientRect();
        const fields = document.querySelector('.review .fields')!.getBoundingClientRect();
        return {
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          cut: Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('.fields-table .field, .items-table .field'))
            .filter((input) => input.scrollWidth > input.clientWidth + 1)
            .map((input) => `${input.name}: ${input.value}`),
          // Anything of the page reaching past the window (a table, a form's row), unless a box that scrolls or clips
          // it (the scan, a field's crop of it) ends inside the window.
          past: Array.from(document.querySelectorAll<HTMLElement>('body *'))
            .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5 && element.getClientRects().length > 0)
            .filter((element) => {
              for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
                if (getComputedStyle(box).overflowX !== 'visible' && box.getBoundingClientRect().right <= window.innerWidth + 0.5) return false;
              }
              return true;
            })
            .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className}`)
            .slice(0, 5),
          columns: fields.top >= scan.bottom - 1 ? 1 : 2,
        };
      });
      expect(layout, `${width}px`).toEqual({ overflow: 0, cut: [], past: [], columns: width < 1000 ? 1 : 2 });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect.poll(() => page.locator('#approve').textContent()).toBe('Одобрить');
    expect(await page.locator('#f-email').locator('xpath=..').textContent()).toContain('Распознано неуверенно (58%): сверьте со сканом.');
    // The machine's checks are written in English in the code and stored so; the page shows them in Russian.
    const checks = (await page.locator('ul.reasons').first().textContent())!;
    expect(checks).toContain(`${loadDictionary()[FIELD_LABELS.cardLast4!]} «4242» прочитано с уверенностью 0.41 (< 0.9).`);
    expect(checks).not.toMatch(/was read with|is missing|does not match/);
    // The whole page: the checks and "What the decision rests on" (each field by its label) are below the fields.
    expect(await page.locator('table.evidence').textContent()).toContain(loadDictionary()['Order number']);
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'review', { docs: true });
    await page.goto(`${base}/returns/RT-D001`);
    await expect.poll(() => page.locator('#desk-actions h2').textContent()).toBe('Действия службы возвратов');
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'return-desk', { docs: true });
    // The exchange whose return postage was repaid (the test above).
    await page.goto(`${base}/returns/RT-D006`);
    await expect.poll(() => page.locator('#exchange-postage').textContent()).toContain('387.50');
    expect(await page.locator('#exchange-postage').textContent()).not.toContain('Return postage');
    // The manager who did the exchange is named; the customer's language is a word.
    const timeline = (await page.locator('.timeline').textContent())!;
    expect(timeline).toContain('Мария Иванова');
    expect(timeline).not.toContain('agent:');
    expect(await page.locator('p.muted').first().textContent()).toContain('язык: русский');
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'exchange', { docs: true });
    await page.goto(`${base}/refunds`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Возвраты денег к выплате');
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'refunds', { docs: true });
    await page.goto(`${base}/attention?state=all`);
    await expect.poll(() => page.locator('table.grid tbody tr', { hasText: 'Когда придут деньги?' }).textContent()).toContain(loadDictionary()['not an application']);
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'unassigned', { docs: true });
    // One of them opened: what it says, why it waits, and the three ways to deal with it.
    await page.click('a:text("Когда придут деньги?")');
    await expect.poll(() => page.locator('#answer-form button[type=submit]').textContent()).toBe(loadDictionary()['Send answer']);
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'unassigned-message', { docs: true });
    await page.goto(`${base}/admin/users`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(loadDictionary().Users);
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'users', { docs: true });
    await page.goto(`${base}/dashboard?days=30`);
    await page.waitForFunction(() => (window as unknown as { Chart?: { instances: object } }).Chart !== undefined);
    await expect.poll(() => page.locator('#tile-refunds-paid span').textContent()).toBe('Выплачено');
    // The charts are drawn in the browser: their labels come translated with the data.
    const labels = await page.evaluate(() =>
      Object.values((window as unknown as { Chart: { instances: Record<string, { config: { type: string }; data: { labels: string[] } }> } }).Chart.instances).find((c) => c.config.type === 'doughnut')!.data.labels,
    );
    expect(labels).toContain('ждём отправку');
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'dashboard', { docs: true });
    // And back to English, on the same page.
    // Nothing a Russian page asked the dictionary for was missing from it.
    expect([...translator.missing]).toEqual([]);
    await page.click('#lang-en');
    await expect.poll(() => page.locator('#tile-refunds-paid span').textContent()).toBe('Refunds paid');
    await context.close();
  });
});
