// The review UI in a real browser (Chromium): sign in, open an application, fix a field with the scan
// highlighting its box, approve with the keyboard, and find the reply in the outbox; the dashboard's charts
// render; an XSS payload in customer text stays text. Screenshots go to test-results/ (and to docs/screenshots/ with UPDATE_SCREENSHOTS=1).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileOutbox } from '../../../src/adapters/outbox/create-file-outbox.ts';
import { sendOutbox } from '../../../src/pipeline/send/send-outbox.ts';
import type { ReturnState } from '../../../src/domain/return-state.ts';
import { launchBrowser, saveScreenshot, signIn } from '../../support/browser.ts';
import { startWebFixture, USERS, XSS, type WebFixture } from '../../support/web-app.ts';

let fx: WebFixture;
let browser: Browser;
let base: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  browser = await launchBrowser();
  fx = await startWebFixture();
  const now = Date.now();
  // A queue that looks like a working day: some past the SLA, some fresh, and returns further along.
  await fx.seedReturn({ returnNumber: 'RT-B001', createdAt: new Date(now - 30 * HOUR), fields: { fullName: ['Иванова Анна Сергеевна', 0.91] } });
  await fx.seedReturn({ returnNumber: 'RT-B002', createdAt: new Date(now - 21 * HOUR), fields: { fullName: ['Петров Игорь Олегович', 0.84], phone: ['+7916123456', 0.41] } });
  await fx.seedReturn({ returnNumber: 'RT-B003', createdAt: new Date(now - 5 * HOUR), subject: XSS, fields: { fullName: [XSS, 0.62] } });
  await fx.seedReturn({ returnNumber: 'RT-B004', createdAt: new Date(now - 2 * HOUR), fields: { fullName: ['Smith John', 0.97] } });
  const later: Array<[string, ReturnState, number]> = [
    ['RT-C001', 'awaiting_shipment', 50],
    ['RT-C002', 'awaiting_shipment', 75],
    ['RT-C003', 'shipped', 120],
    ['RT-C004', 'received_at_warehouse', 200],
    ['RT-C005', 'refunded', 300],
    ['RT-C006', 'rejected', 150],
    ['RT-C007', 'awaiting_application', 30],
    ['RT-C008', 'refunded', 400],
    ['RT-C009', 'awaiting_shipment', 10],
  ];
  for (const [returnNumber, state, hoursAgo] of later) await fx.seedReturn({ returnNumber, state, createdAt: new Date(now - hoursAgo * HOUR) });
  // A month of history for the dashboard's charts.
  const states: ReturnState[] = ['refunded', 'refunded', 'rejected', 'awaiting_shipment', 'shipped', 'refunded', 'expired', 'rejected', 'awaiting_application', 'refunded'];
  const reasons = ['out_of_window', 'custom_made', 'used_goods', 'out_of_window', 'not_our_order'];
  for (let i = 0; i < 70; i++) {
    const state = states[i % states.length]!;
    await fx.seedReturn({
      returnNumber: `RT-H${String(i).padStart(3, '0')}`,
      state,
      byAgent: i % 3 === 0,
      reasonCode: reasons[i % reasons.length]!,
      createdAt: new Date(now - (((i * 7) % 29) + 1) * 24 * HOUR - (i % 5) * HOUR),
      fields: { email: ['anna@example.com', 0.6 + ((i * 13) % 40) / 100] },
    });
  }
  base = await fx.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await browser?.close();
  await fx?.close();
});


describe('browser: review and dashboard', () => {
  it('signs in, fixes a field on the scan, approves with Ctrl+Enter, and the reply reaches the outbox', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

    await page.goto(`${base}/queue`);
    await expect.poll(() => page.url()).toMatch(/\/login\?next=/);
    await signIn(page, base, USERS.support);
    await expect.poll(() => page.locator('table.grid tbody tr').count()).toBe(4);
    await expect.poll(() => page.locator('.badge.breached').count()).toBe(1);
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'queue-en');

    await page.click('a:text("RT-B001")');
    await page.waitForSelector('.scan-page img');
    await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0));
    // The first doubtful field has the focus and its source box is highlighted on the scan.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-email');
    const box = page.locator('.scan-box.active');
    await expect.poll(() => box.count()).toBe(1);
    expect(await box.isVisible()).toBe(true);
    // Enter moves to the next field, and the highlight follows.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-phone');
    await page.focus('#f-email');
    await page.fill('#f-email', 'anna@example.com');
    await saveScreenshot(await page.screenshot({ fullPage: false }), 'review-en');

    await Promise.all([page.waitForURL(/done=approved/), page.keyboard.press('Control+Enter')]);
    await expect.poll(() => page.locator('.alert.ok').textContent()).toContain('Approved');
    await expect.poll(() => page.locator('.state').first().textContent()).toContain('awaiting shipment');
    // The agent who approved, by their e-mail while the desk has given them no name; never the trail's `agent:` code.
    await expect.poll(() => page.locator('.timeline .actor').allTextContents()).toContain(USERS.support);
    expect(await page.locator('.timeline').textContent()).not.toContain('agent:');
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'return-approved');

    // The worker's send step writes the committed reply to the file outbox.
    const outbox = createFileOutbox({ dir: path.join(fx.dir, 'outbox') });
    const sent = await sendOutbox({ store: fx.store, transport: outbox, from: 'info@shop.test', now: () => new Date() }, 10);
    expect(sent.sent).toBe(1);
    const files = await readdir(outbox.dir);
    expect(files).toHaveLength(1);
    const eml = await readFile(path.join(outbox.dir, files[0]!), 'utf8');
    expect(eml).toMatch(/^To: anna@example.com/m);
    expect(eml).toContain('RT-B001');
    await page.reload();
    await expect.poll(() => page.locator('.plain').first().textContent()).toContain('sent');

    // Alt+N opens the next application under review.
    await page.goto(`${base}/returns/RT-B002`);
    await Promise.all([page.waitForURL(/RT-B003/), page.keyboard.press('Alt+n')]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows an XSS payload in a subject and name as text', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, base, USERS.support);
    await page.goto(`${base}/returns/RT-B003`);
    expect(await page.inputValue('#f-fullName')).toBe(XSS);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.goto(`${base}/queue?state=needs_review`);
    expect(await page.locator('td', { hasText: 'onerror' }).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await context.close();
  });

  it('draws the dashboard charts for a manager', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, base, USERS.manager);
    await page.goto(`${base}/dashboard`);
    await page.waitForFunction(() => (window as unknown as { Chart?: { instances: object } }).Chart !== undefined);
    const charts = await page.evaluate(() => Object.keys((window as unknown as { Chart: { instances: object } }).Chart.instances).length);
    expect(charts).toBe(4);
    // Each state its own colour: rejected is red (not green), awaiting shipment blue (not red), refunded green.
    const colours = await page.evaluate(() => {
      const chart = Object.values((window as unknown as { Chart: { instances: Record<string, { config: { type: string }; data: { labels: string[]; datasets: Array<{ backgroundColor: string[] }> } }> } }).Chart.instances).find(
        (c) => c.config.type === 'doughnut',
      )!;
      return Object.fromEntries(chart.data.labels.map((label, i) => [label, chart.data.datasets[0]!.backgroundColor[i]]));
    });
    expect(colours).toMatchObject({ rejected: '#b42318', 'awaiting shipment': '#2f5fd0', refunded: '#127a46' });
    await expect.poll(() => page.locator('.tile').first().textContent()).toContain('Under review');
    await saveScreenshot(await page.screenshot({ fullPage: true }), 'dashboard-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
