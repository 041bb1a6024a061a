import { describe, expect, it } from 'vitest';
import { agreedReading, placeBoxReadings, readCharacterBoxes } from '../../../../src/adapters/documents/reread-character-boxes.ts';
import type { GreyImage } from '../../../../src/adapters/images/warp-region.ts';
import type { OcrJob } from '../../../../src/adapters/ocr/ocr-engine.ts';
import type { PositionedWord } from '../../../../src/domain/document.ts';
import { FakeOcrEngine } from './fake-ocr-engine.ts';

const word = (text: string, confidence = 0.9): PositionedWord => ({ text, confidence, x0: 0, y0: 0, x1: 10, y1: 10 });

describe('agreedReading', () => {
  it('takes the digits both models read alike, the walls read as bars aside', () => {
    expect(agreedReading([[word('|4]')], [word('4')]])).toEqual({ text: '4', confidence: 0.9 });
    expect(agreedReading([[word('55'), word('36')], [word('5536', 0.7)]])).toEqual({ text: '5536', confidence: 0.7 });
  });

  it('takes nothing where the models differ: a cursive 3 the Russian model reads as 8', () => {
    expect(agreedReading([[word('3')], [word('8')]])).toBeUndefined();
  });

  it('keeps one place both read as the same sign, for a check digit to fill; never a word, nor a doubtful reading', () => {
    expect(agreedReading([[word('6/21')], [word('6/21', 0.47)]])).toEqual({ text: '6/21', confidence: 0.47 });
    expect(agreedReading([[word('6//1')], [word('6//1')]])).toBeUndefined();
    expect(agreedReading([[word('/')], [word('/')]])).toBeUndefined();
    expect(agreedReading([[word('ШАГ')], [word('ШАГ')]])).toBeUndefined();
    expect(agreedReading([[word('4', 0.3)], [word('4')]])).toBeUndefined();
    expect(agreedReading([[], []])).toBeUndefined();
  });
});

describe('readCharacterBoxes and placeBoxReadings', () => {
  // A page with one box (outer 100..199) and the first reading's "[3" over it.
  const page: GreyImage = { data: new Uint8Array(400 * 300).fill(255), width: 400, height: 300 };
  for (let y = 100; y < 200; y++) for (let x = 100; x < 200; x++) if (y < 104 || y >= 196 || x < 104 || x >= 196) page.data[y * 400 + x] = 20;
  for (let y = 120; y < 180; y++) for (let x = 145; x < 155; x++) page.data[y * 400 + x] = 90;
  const first: PositionedWord[] = [{ text: 'Код', confidence: 0.95, x0: 10, y0: 140, x1: 60, y1: 160 }, { text: '[3', confidence: 0.5, x0: 102, y0: 120, x1: 170, y1: 180 }];
  /** Answers each model with its reading, as one word over the whole stacked cut. */
  const engine = (byModel: Record<string, string>) =>
    new FakeOcrEngine((job: OcrJob) => ({
      status: 'done',
      page: { page: job.page, lines: [], words: [{ text: byModel[job.languages![0]!]!, confidence: 0.8, x0: 20, y0: 10, x1: job.width - 20, y1: job.height - 10 }] },
    }));

  /** The boxes read on their own, then placed over the page's first reading, as ocr-page.ts does. */
  const reread = async (ocr: FakeOcrEngine) => placeBoxReadings(first, await readCharacterBoxes(ocr, page, page, 1, () => 10_000));

  it('puts the agreed reading in place of what was read inside the box, marked as read twice', async () => {
    const ocr = engine({ eng: '3', rus: '3' });
    const words = await reread(ocr);
    expect(words.map((w) => [w.text, w.readTwice ?? false])).toEqual([['Код', false], ['3', true]]);
    expect(ocr.jobs.map((j) => j.languages![0]).sort()).toEqual(['eng', 'rus']);
  });

  it('keeps the first reading where the models differ', async () => {
    expect(await reread(engine({ eng: '3', rus: '8' }))).toEqual(first);
  });
});
