// The installed Tesseract (tesseract-ocr, which .ci/run installs) as the engine for large jobs: the same shipped
// models, read in a child process under a time limit, an address-space limit and a cap on its output. On a
// machine without it (`npm test` right after `npm install`) these tests are skipped: tesseract.js does all then.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findNativeTesseract, NativeTesseract } from '../../../src/adapters/ocr/native-tesseract.ts';
import { createLazyOcr } from '../../../src/adapters/ocr/lazy-ocr.ts';

const langPath = new URL('../../../ocr-data', import.meta.url).pathname;

/** An A4 page at 300 dpi: a title and two labelled values. */
async function page(): Promise<{ image: Buffer; width: number; height: number }> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2480" height="3508">
    <rect width="100%" height="100%" fill="white"/>
    <g font-family="DejaVu Sans" fill="black" font-size="56">
      <text x="600" y="320" font-size="80">ЗАЯВЛЕНИЕ НА ВОЗВРАТ</text>
      <text x="180" y="600">Номер заказа:</text><text x="1200" y="600">4821-5567</text>
      <text x="180" y="780">Телефон:</text><text x="1200" y="780">+7 916 123-45-67</text>
    </g></svg>`;
  return { image: await sharp(Buffer.from(svg)).png().toBuffer(), width: 2480, height: 3508 };
}

const found = await findNativeTesseract();

describe.skipIf(!found)('the installed Tesseract', () => {
  it('is found, version 5 or later, and a missing program is not', async () => {
    expect(found?.version).toMatch(/^[5-9]\.\d+\.\d+$/);
    expect(await findNativeTesseract('/nonexistent/tesseract')).toBeUndefined();
  });

  it('reads a page into lines and boxed words with the shipped models', async () => {
    const engine = new NativeTesseract({ binary: found!.binary, langPath, concurrency: 2, jobTimeoutMs: 60_000 });
    const outcome = await engine.recognize({ ...(await page()), page: 3, psm: '11' as never });
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const number = outcome.page.words!.find((w) => w.text === '4821-5567');
    expect(number).toBeDefined();
    expect(number!.x0).toBeGreaterThan(1150);
    expect(number!.x1).toBeLessThan(1800);
    expect(number!.confidence).toBeGreaterThan(0.8);
    expect(outcome.page.lines.map((l) => l.text).join('\n')).toMatch(/Номер заказа/);
    expect(outcome.page.lines.every((l) => l.box?.page === 3)).toBe(true);
  });

  it('kills a job over its time limit and says so', async () => {
    const engine = new NativeTesseract({ binary: found!.binary, langPath, concurrency: 1, jobTimeoutMs: 60_000 });
    expect(await engine.recognize({ ...(await page()), page: 1, timeoutMs: 50 })).toEqual({ status: 'timeout', seconds: 0.05 });
  });

  it('reads job after job in one running process, each as a process of its own would', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'native-ocr-'));
    const starts = path.join(dir, 'starts');
    const wrapper = path.join(dir, 'tesseract');
    await writeFile(wrapper, `#!/bin/sh\n[ "$1" = "--version" ] || echo started >> "${starts}"\nexec "${found!.binary}" "$@"\n`, { mode: 0o755 });
    const engine = new NativeTesseract({ binary: wrapper, langPath, concurrency: 1, jobTimeoutMs: 60_000 });
    const other = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="400"><rect width="100%" height="100%" fill="white"/>
      <text x="100" y="200" font-family="DejaVu Sans" font-size="56">Телефон: 8 800 555-35-35</text></svg>`)).png().toBuffer();
    const words = (o: Awaited<ReturnType<typeof engine.recognize>>) => (o.status === 'done' ? o.page.words! : []);
    try {
      const job = { ...(await page()), page: 1, psm: '11' as never };
      const first = await engine.recognize(job);
      expect(words(await engine.recognize({ image: other, width: 1200, height: 400, page: 2, psm: '11' as never })).map((w) => w.text)).toContain('555-35-35');
      const again = await engine.recognize(job);
      expect(words(first).map((w) => w.text)).toContain('4821-5567');
      // The same words, boxes and confidences: nothing of the job between was kept.
      expect(words(again)).toEqual(words(first));
      expect((await readFile(starts, 'utf8')).trim().split('\n')).toHaveLength(1);
    } finally {
      engine.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('after a job killed for its time limit, reads the next one in a new process', async () => {
    const engine = new NativeTesseract({ binary: found!.binary, langPath, concurrency: 1, jobTimeoutMs: 60_000 });
    try {
      expect(await engine.recognize({ ...(await page()), page: 1, timeoutMs: 50 })).toEqual({ status: 'timeout', seconds: 0.05 });
      const outcome = await engine.recognize({ ...(await page()), page: 1, psm: '11' as never });
      expect(outcome.status === 'done' ? outcome.page.words!.map((w) => w.text) : []).toContain('4821-5567');
    } finally {
      engine.close();
    }
  });

  it('fails a job past its memory limit as a value, not a crash', async () => {
    const engine = new NativeTesseract({ binary: found!.binary, langPath, concurrency: 1, jobTimeoutMs: 60_000, memoryMb: 16 });
    const outcome = await engine.recognize({ ...(await page()), page: 1 });
    expect(outcome.status).toBe('failed');
  });

  it('with OCR_ENGINE=auto takes the large jobs through createLazyOcr, the small ones to tesseract.js; by default none', async () => {
    // A wrapper that notes each start of the program, so the test sees which jobs went to it.
    const dir = await mkdtemp(path.join(tmpdir(), 'native-ocr-'));
    const starts = path.join(dir, 'starts');
    const wrapper = path.join(dir, 'tesseract');
    await writeFile(wrapper, `#!/bin/sh\n[ "$1" = "--version" ] || echo started >> "${starts}"\nexec "${found!.binary}" "$@"\n`, { mode: 0o755 });
    const job = { ...(await page()), page: 1, psm: '11' as never };
    const auto = createLazyOcr({ langPath, size: 1, engine: 'auto', nativeBinary: wrapper });
    const wasm = createLazyOcr({ langPath, size: 1, nativeBinary: wrapper });
    try {
      const [a, w] = await Promise.all([auto.recognize(job), wasm.recognize(job)]);
      const words = (o: typeof a) => (o.status === 'done' ? o.page.words!.map((x) => x.text) : []);
      expect(words(a)).toContain('4821-5567');
      expect(words(w)).toContain('4821-5567');
      expect((await readFile(starts, 'utf8')).trim().split('\n')).toHaveLength(1);
      // A crop of one value is a small job: the warm WASM worker reads it, no process is started.
      const crop = await sharp(job.image).extract({ left: 1150, top: 520, width: 700, height: 110 }).png().toBuffer();
      expect(words(await auto.recognize({ image: crop, width: 700, height: 110, page: 1, psm: '7' as never }))).toContain('4821-5567');
      expect((await readFile(starts, 'utf8')).trim().split('\n')).toHaveLength(1);
    } finally {
      await Promise.all([auto.close(), wasm.close(), rm(dir, { recursive: true, force: true })]);
    }
  });

  it('reads a job with a process prepared for its kind, started before the job came; close ends the rest', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'native-ocr-'));
    const starts = path.join(dir, 'starts');
    const wrapper = path.join(dir, 'tesseract');
    await writeFile(wrapper, `#!/bin/sh\n[ "$1" = "--version" ] || echo "$$" >> "${starts}"\nexec "${found!.binary}" "$@"\n`, { mode: 0o755 });
    const engine = new NativeTesseract({ binary: wrapper, langPath, concurrency: 2, jobTimeoutMs: 60_000 });
    const started = async () => (await readFile(starts, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);
    try {
      engine.prepare({ psm: '11' as never }, 2);
      engine.prepare({ psm: '11' as never }, 2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const prepared = await started();
      expect(prepared).toHaveLength(2);
      const outcome = await engine.recognize({ ...(await page()), page: 1, psm: '11' as never });
      expect(outcome.status === 'done' ? outcome.page.words!.map((w) => w.text) : []).toContain('4821-5567');
      expect(await started()).toEqual(prepared);
      // A job of another kind gets a process of its own.
      await engine.recognize({ ...(await page()), page: 1, psm: '6' as never });
      expect(await started()).toHaveLength(3);
      engine.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const alive = prepared.filter((pid) => {
        try {
          process.kill(Number(pid), 0);
          return true;
        } catch {
          return false;
        }
      });
      expect(alive).toEqual([]);
    } finally {
      engine.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
