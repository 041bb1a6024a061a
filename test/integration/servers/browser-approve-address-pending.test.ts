// Issue 11 in a real browser (Chromium): before the shop has set its return address, the review page warns above the
// approve button that the shipping instructions follow once the address is set; the agent approves with the
// keyboard, and the return shows as approved and waiting for the address, with the pending reply on record.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot, signIn } from '../../support/browser.ts';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';

let fx: WebFixture;
let browser: Browser;
let base: string;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(path.join(tmpdir(), 'intake-browser-address-'));
  const policyFile = path.join(dir, 'policy.yaml');
  await writeFile(policyFile, 'preset: fashion-email\n'); // the preset's EXAMPLE address
  fx = await startWebFixture({ policyFile });
  await fx.seedReturn({ returnNumber: 'RT-W101', fields: { fullName: ['Иванова Анна Сергеевна', 0.91] } });
  base = await fx.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await browser?.close();
  await fx?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('browser: approving while the return address is the placeholder', () => {
  it('warns, approves with Ctrl+Enter, and shows the return waiting for the address', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await signIn(page, base, USERS.support);

    await page.goto(`${base}/returns/RT-W101`);
    const warning = page.locator('#approve-address-pending');
    expect(await warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toContain('The shipping instructions follow by themselves once addresses.domestic');
    await saveScreenshot(await page.screenshot({ fullPage: false }), 'review-address-pending');

    await page.focus('#f-email');
    await Promise.all([page.waitForURL(/done=approved/), page.keyboard.press('Control+Enter')]);
    await expect.poll(() => page.locator('.state').first().textContent()).toContain('approved');
    expect(await page.locator('#waiting-for-address').isVisible()).toBe(true);
    expect(await page.locator('#approve-address-pending').count()).toBe(0);
    expect((await fx.store.getReturn('RT-W101'))!.outbound.map((o) => o.template)).toEqual(['approved_address_pending']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
