// Issue #15: a doubtful value (a handwritten field read with low confidence) shows the piece of the scan it was
// read from right under its input, in a real browser; a confident value shows none.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot, signIn } from '../../support/browser.ts';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';

let fx: WebFixture;
let browser: Browser;
let base: string;

beforeAll(async () => {
  browser = await launchBrowser();
  fx = await startWebFixture();
  await fx.seedReturn({ returnNumber: 'RT-K001', fields: { fullName: ['Иванова Анна Сергеевна', 0.97], phone: ['+79161234567', 0.41] } });
  base = await fx.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await browser?.close();
  await fx?.close();
});

describe('browser: the crop of a doubtful field beside its input', () => {
  it('shows the scan of a low-confidence field under its input, cut to the field\'s box, and none for a confident one', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, base, USERS.support);
    await page.goto(`${base}/returns/RT-K001`);

    const crop = page.locator('#f-phone + .field-crop.ready');
    await expect.poll(() => crop.count()).toBe(1);
    expect(await crop.isVisible()).toBe(true);
    expect(await page.locator('#f-fullName + .field-crop').count()).toBe(0);

    // The crop shows the field's box and nothing more: its shape is the box's shape on the page image, and the
    // page image is placed so that the box's corner sits at the crop's corner.
    const shown = await page.evaluate(() => {
      const input = document.getElementById('f-phone') as HTMLInputElement;
      const div = input.nextElementSibling as HTMLElement;
      const img = div.querySelector('img')!;
      const scale = img.getBoundingClientRect().width / img.naturalWidth;
      return {
        ratio: div.clientHeight / div.clientWidth,
        boxRatio: ((parseFloat(input.dataset.height!) / 100) * img.naturalHeight) / ((parseFloat(input.dataset.width!) / 100) * img.naturalWidth),
        left: (img.getBoundingClientRect().left - div.getBoundingClientRect().left - div.clientLeft) / scale,
        boxLeft: -(parseFloat(input.dataset.left!) / 100) * img.naturalWidth,
        loaded: img.complete && img.naturalWidth > 0,
      };
    });
    expect(shown.loaded).toBe(true);
    expect(shown.ratio).toBeCloseTo(shown.boxRatio, 1);
    expect(Math.abs(shown.left - shown.boxLeft)).toBeLessThan(3);
    await saveScreenshot(await page.locator('.fields').screenshot(), 'review-field-crop');
    expect(errors).toEqual([]);
    await context.close();
  });
});
