import { describe, expect, it } from 'vitest';
import { isAddressAsWritten, rereadAddresses } from '../../../../src/adapters/documents/reread-addresses.ts';
import type { GreyImage } from '../../../../src/adapters/images/warp-region.ts';
import type { PositionedWord } from '../../../../src/domain/document.ts';
import { FakeOcrEngine, stackedReadings } from './fake-ocr-engine.ts';

const page: GreyImage = { data: new Uint8Array(800 * 400).fill(255), width: 800, height: 400 };
const word = (text: string, confidence: number, x0: number): PositionedWord => ({ text, confidence, x0, y0: 100, x1: x0 + 80, y1: 124 });

/** Answers each stacked cut with the given English reading, top to bottom. */
const englishReads = (readings: Array<[string, number]>) => stackedReadings(() => readings);

describe('rereadAddresses', () => {
  it('takes the English reading of an address the pair garbled, and leaves a well-read one alone', async () => {
    const words = [word('E-mail', 0.96, 0), word('].vasileva78@inbox.ru', 0.81, 100), word('karapuz63@yandex.ru', 0.89, 300), word('1\\уапоуа1980@ата11', 0.4, 500)];
    // The third reading is no address either.
    const ocr = englishReads([['l.vasileva78@inbox.ru', 0.51], ['karapuz68@yandex.ru', 0.95], ['ivanoval98@e@mail', 0.36]]);
    const again = await rereadAddresses(ocr, page, words, 1, () => 10_000);
    expect(again.map((w) => w.text)).toEqual(['E-mail', 'l.vasileva78@inbox.ru', 'karapuz63@yandex.ru', '1\\уапоуа1980@ата11']);
    expect(again[1]!.confidence).toBe(0.51);
    expect(ocr.jobs.map((j) => j.languages)).toEqual([['eng']]);
  });

  it('reads an address the first reading broke at a gap as one, and empties its parts only when that reading is taken', async () => {
    const at = (text: string, x0: number, x1: number): PositionedWord => ({ text, confidence: 0.6, x0, y0: 100, x1, y1: 124 });
    // "roman] @gmail.com": the local part before an "@" that begins a word; "…@ата11 .ru": the domain's dot after.
    const words = [at('e-mail:', 0, 90), at('roman]', 100, 180), at('@gmail.com', 190, 330), at('1\\уапоуа1980@ата11', 400, 600), at('.ru', 590, 650), at('Тел.', 700, 760)];
    const ocr = englishReads([['roman1@gmail.com', 0.9], ['ivanova1980@mail1l', 0.8]]);
    const again = await rereadAddresses(ocr, page, words, 1, () => 10_000);
    expect(again.map((w) => w.text)).toEqual(['e-mail:', '', 'roman1@gmail.com', '1\\уапоуа1980@ата11', '.ru', 'Тел.']);
    expect(again[2]).toMatchObject({ x0: 100, x1: 330, confidence: 0.6 });
    // The cut read as two words is one address: an address has no spaces.
    const split = new FakeOcrEngine((job) => ({
      status: 'done',
      page: { page: job.page, width: job.width, height: job.height, lines: [], words: [
        { text: 'roman1', confidence: 0.8, x0: 30, y0: 32, x1: 110, y1: 56 },
        { text: '@gmail.com', confidence: 0.9, x0: 120, y0: 32, x1: 260, y1: 56 },
      ] },
    }));
    expect((await rereadAddresses(split, page, words.slice(0, 3), 1, () => 10_000)).map((w) => w.text)).toEqual(['e-mail:', '', 'roman1@gmail.com']);
    // A part farther from the "@" word than a letter is another word.
    const apart = [at('roman]', 100, 150), at('@gmail.com', 190, 330)];
    const alone = englishReads([['@gmail.com', 0.9]]);
    expect((await rereadAddresses(alone, page, apart, 1, () => 10_000)).map((w) => w.text)).toEqual(['roman]', '@gmail.com']);
  });

  it('asks nothing of a page without an "@", and keeps the page when the engine fails', async () => {
    const none = englishReads([]);
    expect(await rereadAddresses(none, page, [word('Телефон', 0.9, 0)], 1, () => 10_000)).toHaveLength(1);
    expect(none.jobs).toHaveLength(0);
    const words = [word('nadezhda//7@inbox.ru', 0.33, 0)];
    expect(await rereadAddresses(new FakeOcrEngine(() => ({ status: 'timeout', seconds: 1 })), page, words, 1, () => 1)).toEqual(words);
  });

  it('counts as an address as written only one that needs no repair', () => {
    expect(isAddressAsWritten('l.vasileva78@inbox.ru')).toBe(true);
    expect(['].vasileva78@inbox.ru', 'nadezhda//7@inbox.ru', 'ivanоva@mail.ru', 'ivanova @mail.ru'].some(isAddressAsWritten)).toBe(false);
  });
});
