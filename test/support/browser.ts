// Debian's Chromium driven by playwright-core (`npx playwright install` cannot download browsers here).
// Fails with a clear message when /usr/bin/chromium is missing instead of skipping the browser tests.
import { access, copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PASSWORD } from './web-app.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const RESULTS_DIR = path.resolve('test-results/browser');
export const DOCS_SCREENSHOTS = path.resolve('docs/screenshots');

export async function launchBrowser(): Promise<Browser> {
  try {
    await access(CHROMIUM);
  } catch {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` (see .ci/run) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/**
 * Saves a screenshot under test-results/. The ones the docs show are copied to docs/screenshots/ only with
 * UPDATE_SCREENSHOTS=1, so a test run never changes tracked files.
 */
export async function saveScreenshot(bytes: Buffer, name: string, options: { docs?: boolean } = {}): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, bytes);
  if (options.docs && process.env.UPDATE_SCREENSHOTS === '1') {
    await mkdir(DOCS_SCREENSHOTS, { recursive: true });
    await copyFile(file, path.join(DOCS_SCREENSHOTS, `${name}.png`));
  }
  return file;
}

/** Signs in through the login form as one of the web fixture's users and waits for the queue it lands on. */
export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForURL(/\/queue/), page.click('button[type=submit]')]);
}
