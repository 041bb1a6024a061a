import { describe, expect, it } from 'vitest';
import { readMissedInk } from '../../../../src/adapters/documents/read-missed-ink.ts';
import type { GreyImage } from '../../../../src/adapters/images/warp-region.ts';
import type { PositionedWord } from '../../../../src/domain/document.ts';
import { FakeOcrEngine } from './fake-ocr-engine.ts';

function pageWithPrintAt(x0: number, y0: number, w: number, h: number): GreyImage {
  const width = 600;
  const height = 300;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if ((x - x0) % 7 < 3) data[y * width + x] = 20;
  return { data, width, height };
}

const word = (text: string, confidence: number, x0: number, y0: number, x1: number, y1: number): PositionedWord => ({ text, confidence, x0, y0, x1, y1 });

describe('readMissedInk', () => {
  it('reads uncovered print again and gives its words where they are on the page', async () => {
    const page = pageWithPrintAt(200, 100, 200, 32);
    // The crop has a margin of paper: the word the second read finds sits in crop coordinates.
    const ocr = new FakeOcrEngine((job) => ({
      status: 'done',
      page: { page: job.page, width: job.width, height: job.height, lines: [], words: [word('044525187', 0.93, 16, 16, 216, 48), word('~', 0.2, 0, 0, 5, 5)] },
    }));
    const kept = word('БИК', 0.95, 20, 104, 80, 128);
    const words = await readMissedInk(ocr, page, [kept], 1, () => 10_000);
    expect(ocr.jobs).toHaveLength(1);
    expect(ocr.jobs[0]!.psm).toBe('6');
    const added = words.find((w) => w.text === '044525187')!;
    expect(added.x0).toBeGreaterThanOrEqual(190);
    expect(added.x0).toBeLessThanOrEqual(210);
    expect(words.map((w) => w.text)).toEqual(['044525187']);
  });

  it('sends every region at once and places each reading where its region is', async () => {
    // Three separate lines of print nobody read; the engine answers only once it has all three jobs.
    const page = pageWithPrintAt(200, 40, 200, 32);
    for (const top of [130, 220]) for (let y = top; y < top + 32; y++) for (let x = 200; x < 400; x++) if ((x - 200) % 7 < 3) page.data[y * page.width + x] = 20;
    let release!: () => void;
    const allSent = new Promise<void>((resolve) => (release = resolve));
    let jobs = 0;
    const ocr = {
      wordList: async () => undefined,
      recognize: async (job: { page: number; width: number; height: number }) => {
        if (++jobs === 3) release();
        await allSent;
        return { status: 'done' as const, page: { page: job.page, width: job.width, height: job.height, lines: [], words: [word('044525187', 0.9, 16, 16, 216, 48)] } };
      },
    };
    const words = await readMissedInk(ocr, page, [], 1, () => 10_000);
    expect(jobs).toBe(3);
    expect(words.map((w) => Math.round(w.y0 / 10) * 10).sort((a, b) => a - b)).toEqual([40, 130, 220]);
  });

  it('asks nothing when every line of print has its words', async () => {
    const page = pageWithPrintAt(200, 100, 200, 32);
    const ocr = new FakeOcrEngine();
    const words = [word('044525187', 0.9, 198, 98, 402, 134)];
    expect(await readMissedInk(ocr, page, words, 1, () => 10_000)).toEqual([]);
    expect(ocr.jobs).toHaveLength(0);
  });

  it('keeps the first read when the engine runs out of time', async () => {
    const page = pageWithPrintAt(200, 100, 200, 32);
    const ocr = new FakeOcrEngine(() => ({ status: 'timeout', seconds: 1 }));
    const first = word('Получатель', 0.9, 20, 104, 120, 128);
    expect(await readMissedInk(ocr, page, [first], 1, () => 1)).toEqual([]);
    expect(ocr.jobs).toHaveLength(1);
  });
});
