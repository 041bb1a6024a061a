import { describe, expect, it } from 'vitest';
import { rereadOtherScript, sameWordIn, writtenIn } from '../../../../src/adapters/documents/reread-other-script.ts';
import type { GreyImage } from '../../../../src/adapters/images/warp-region.ts';
import type { OcrEngine } from '../../../../src/adapters/ocr/ocr-engine.ts';
import { wordListFrom } from '../../../../src/adapters/ocr/word-list.ts';
import type { PositionedWord } from '../../../../src/domain/document.ts';
import { FakeOcrEngine, stackedReadings } from './fake-ocr-engine.ts';

const page: GreyImage = { data: new Uint8Array(800 * 400).fill(255), width: 800, height: 400 };
const word = (text: string, confidence: number, x0: number): PositionedWord => ({ text, confidence, x0, y0: 100, x1: x0 + 80, y1: 124 });

const lists = {
  eng: wordListFrom(['Card', 'Pro', 'RUB', 'copy', 'runner'].sort().join('\n')),
  rus: wordListFrom(['вязаная', 'карго', 'с', 'шапка'].sort().join('\n')),
};

/** Answers each language's job with that language's readings of the stacked cuts, top to bottom. */
function engine(readings: Record<'eng' | 'rus', Array<[string, number]>>, withLists = true): FakeOcrEngine & OcrEngine {
  const ocr = stackedReadings((job) => readings[job.languages![0] as 'eng' | 'rus']);
  return withLists ? Object.assign(ocr, { wordList: async (language: string) => lists[language as 'eng' | 'rus'] }) : ocr;
}

describe('rereadOtherScript', () => {
  it('reads a Latin non-word again in Russian, and a Cyrillic non-word in English when that is an English word', async () => {
    const words = [word('Шапка', 0.96, 0), word('NOMNOHOM', 0.91, 100), word('Card,', 0.96, 200), word('рго,', 0.9, 300), word('Kapro', 0.88, 400), word('Лебедев', 0.9, 500), word('ВУВ', 0.88, 600)];
    // Asked of Russian: NOMNOHOM, Kapro. Asked of English: рго, Лебедев, ВУВ ("Шапка" and "Card," are words of their lists).
    const ocr = engine({ rus: [['помпоном', 0.84], ['карго', 0.7]], eng: [['Pro,', 0.92], ['Jle6edeb', 0.8], ['RUB', 0.96]] });
    const again = await rereadOtherScript(ocr, page, words, 1, () => 10_000);
    // "карго" read at 0.7 is no evidence; "Jle6edeb" is no English word. RUB is, though В is no look-alike of R.
    expect(again.map((w) => w.text)).toEqual(['Шапка', 'помпоном', 'Card,', 'Pro,', 'Kapro', 'Лебедев', 'RUB']);
    expect(again[1]!.confidence).toBe(0.84);
    // One job for each model; the two run side by side, so in either order.
    expect(ocr.jobs.map((j) => j.languages![0]).sort()).toEqual(['eng', 'rus']);
  });

  it('keeps a reading that is not the same word in the other script', async () => {
    const words = [word('Bpak/', 0.9, 0), word('Ovos', 0.9, 100), word('Samura', 0.95, 200)];
    // "Брак" lost the slash; "ФИО" has a letter fewer; Russian alone read a brand as another word (S is no
    // look-alike of б).
    const again = await rereadOtherScript(engine({ rus: [['Брак', 0.95], ['ФИО', 0.95], ['батига', 0.9]], eng: [] }), page, words, 1, () => 10_000);
    expect(again).toEqual(words);
  });

  it('does nothing without the word lists, or when the engine fails', async () => {
    const words = [word('NOMNOHOM', 0.91, 100)];
    const bare = engine({ rus: [['помпоном', 0.9]], eng: [] }, false);
    expect(await rereadOtherScript(bare, page, words, 1, () => 10_000)).toEqual(words);
    expect(bare.jobs).toHaveLength(0);
    const failing = Object.assign(new FakeOcrEngine(() => ({ status: 'timeout', seconds: 1 })), { wordList: async (l: string) => lists[l as 'eng' | 'rus'] });
    expect(await rereadOtherScript(failing, page, words, 1, () => 1)).toEqual(words);
  });
});

describe('writtenIn and sameWordIn', () => {
  it('takes words of one script without digits, addresses or site names', () => {
    expect(['NOMNOHOM', 'Kopp.', '(kapro)'].every((t) => writtenIn(t, 'eng'))).toBe(true);
    expect(['3AKA3', 'a.osipova@yandex.ru', 'karapuz63.ru', 'KP-SH', 'N', 'Шапка'].some((t) => writtenIn(t, 'eng'))).toBe(false);
    expect(writtenIn('рго,', 'rus')).toBe(true);
  });

  it('is the same word in the other script only letter for letter, with the signs in place', () => {
    expect(sameWordIn('Kopp.', 'Корр.', 'rus')).toBe(true);
    expect(sameWordIn('Kopp.', 'Корр,', 'rus')).toBe(false);
    expect(sameWordIn('Kopp.', 'Kорр.', 'rus')).toBe(false);
    expect(sameWordIn('рго', 'Pro', 'eng')).toBe(true);

  });
});
