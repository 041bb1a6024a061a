import { describe, expect, it } from 'vitest';
import { isMostlyDigits, keepingZeros, latinCodeFor, rereadDigitWords, sameShape } from '../../../../src/adapters/documents/reread-digit-words.ts';
import type { GreyImage } from '../../../../src/adapters/images/warp-region.ts';
import type { PositionedWord } from '../../../../src/domain/document.ts';
import { FakeOcrEngine, stackedReadings } from './fake-ocr-engine.ts';

const page: GreyImage = { data: new Uint8Array(800 * 400).fill(255), width: 800, height: 400 };
const word = (text: string, confidence: number, x0: number, y0: number, x1: number, y1: number): PositionedWord => ({ text, confidence, x0, y0, x1, y1 });

/** Answers each stacked cut with the given text, at one confidence. */
const englishReads = (texts: string[], confidence = 0.9) => stackedReadings(() => texts.map((text) => [text, confidence]));

describe('rereadDigitWords', () => {
  it('takes the English reading of a number when it is the same word with other digits, and only then', async () => {
    const words = [
      word('Номер', 0.96, 10, 100, 90, 124),
      word('5556', 0.93, 100, 100, 180, 124),
      word('0561', 0.8, 200, 100, 280, 124),
      word('44,', 0.95, 300, 100, 340, 124),
      word('01350', 0.78, 400, 100, 480, 124),
      word('4990,90', 0.9, 500, 100, 600, 124),
    ];
    // "Q361": English reads a slashed zero as Q; "AA,": letters for digits; "0130": a digit fewer;
    // "4998,90": English takes a slashed zero for an 8, so a zero of the first reading stays.
    const ocr = englishReads(['5536', 'Q361', 'AA,', '0130', '4998,90']);
    const again = await rereadDigitWords(ocr, page, words, 1, () => 10_000);
    expect(again.map((w) => w.text)).toEqual(['Номер', '5536', '0361', '44,', '01350', '4990,90']);
    expect(ocr.jobs).toHaveLength(1);
    expect(ocr.jobs[0]!.languages).toEqual(['eng']);
    // The two readings disagreed: the word is no surer than the less sure of them.
    expect(again[2]!.confidence).toBe(0.8);
  });

  it('marks a number of four digits or more that English reads the very same as read twice, and nothing else', async () => {
    const text = ['Прошу', 'вернуть', 'на', 'карту', 'по', 'заказу', 'от'].map((t, i) => word(t, 0.96, 10 + 60 * i, 300, 60 + 60 * i, 324));
    const words = [
      word('5711,', 0.93, 100, 100, 180, 124),
      word('3', 0.9, 200, 100, 220, 124),
      word('40817810931183785787', 0.96, 300, 100, 700, 124),
      word('9433', 0.95, 100, 200, 180, 224),
      word('2809', 0.87, 200, 200, 280, 224),
      ...text,
    ];
    // "3": one digit alike is no second witness; "9438": English read another number; "2809": the first reading
    // not sure enough to stand alone (handwriting the two models misread alike).
    const again = await rereadDigitWords(englishReads(['5711,', '3', '40817810931183785787', '9438', '2809']), page, words, 1, () => 10_000);
    expect(again.slice(0, 5).map((w) => w.readTwice === true)).toEqual([true, false, true, false, false]);
    // Agreement adds a witness; it does not change what OCR said of the word.
    expect(again[0]).toEqual({ ...words[0], readTwice: true });
    const doubtful = await rereadDigitWords(englishReads(['5711,'], 0.4), page, [words[0]!, ...text], 1, () => 10_000);
    expect(doubtful[0]!.readTwice).toBeUndefined();
  });

  it('takes no agreement as a witness on a page OCR reads poorly (a harsh photo)', async () => {
    const blurred = ['Прошу', 'вернуть', 'на', 'карту'].map((t, i) => word(t, 0.6, 10 + 60 * i, 300, 60 + 60 * i, 324));
    const again = await rereadDigitWords(englishReads(['1798']), page, [word('1798', 0.9, 100, 100, 180, 124), ...blurred], 1, () => 10_000);
    expect(again[0]!.readTwice).toBeUndefined();
  });

  it('keeps the first reading when the second is doubtful or the engine fails', async () => {
    const words = [word('5556', 0.93, 100, 100, 180, 124)];
    expect(await rereadDigitWords(englishReads(['5536'], 0.4), page, words, 1, () => 10_000)).toEqual(words);
    const failing = new FakeOcrEngine(() => ({ status: 'timeout', seconds: 1 }));
    expect(await rereadDigitWords(failing, page, words, 1, () => 1)).toEqual(words);
  });

  it('reads a garbled word again and takes a number English is sure of, and nothing else', async () => {
    const words = [
      word('БИК', 0.94, 10, 100, 90, 124),
      word('маыний', 0.0, 100, 100, 280, 124),
      word('ООО', 0.0, 300, 100, 480, 124),
      word('ыы', 0.15, 500, 100, 600, 124),
    ];
    // The last two English readings: a number read doubtfully, and letters.
    const sure = await rereadDigitWords(englishReads(['049205603', '30101810600000000603'], 0.9), page, words.slice(0, 3), 1, () => 10_000);
    expect(sure.map((w) => w.text)).toEqual(['БИК', '049205603', '30101810600000000603']);
    const unsure = await rereadDigitWords(englishReads(['044525185'], 0.7), page, words.slice(0, 2), 1, () => 10_000);
    expect(unsure.map((w) => w.text)).toEqual(['БИК', 'маыний']);
    const letters = await rereadDigitWords(englishReads(['entnsri'], 0.95), page, [words[3]!], 1, () => 10_000);
    expect(letters.map((w) => w.text)).toEqual(['ыы']);
  });

  it('reads the numbers first when more words are chosen than one stack holds, garbled words with the room left', async () => {
    // 119 garbled words above a BIK at the page's foot: the stack's 120 places go to the BIK first.
    const garbled = Array.from({ length: 119 }, (_, i) => word('ыы', 0.1, 10 + 6 * (i % 100), 10 + 2 * Math.floor(i / 100), 14 + 6 * (i % 100), 12 + 2 * Math.floor(i / 100)));
    const words = [...garbled, word('шум', 0.05, 10, 300, 40, 320), word('049205503', 0.89, 100, 360, 300, 384)];
    const ocr = englishReads(['049205603']);
    const again = await rereadDigitWords(ocr, page, words, 1, () => 10_000);
    expect(again.at(-1)!.text).toBe('049205603');
    expect(again.at(-2)!.text).toBe('шум');
  });

  it('does not read a heading printed white on black again: no word, and as wide as the page', async () => {
    const banded: GreyImage = { data: new Uint8Array(800 * 400).fill(255), width: 800, height: 400 };
    // A black band 700 × 60 with white letters across its middle rows; beside it, bold digits that are half ink.
    for (let y = 20; y < 80; y++) banded.data.fill(0, y * 800 + 50, y * 800 + 750);
    for (let y = 40; y < 60; y++) for (let x = 60; x < 740; x += 10) banded.data.fill(255, y * 800 + x, y * 800 + x + 5);
    for (let y = 200; y < 224; y++) for (let x = 100; x < 180; x += 4) banded.data.fill(0, y * 800 + x, y * 800 + x + 3);
    const ocr = englishReads(['5536']);
    const again = await rereadDigitWords(ocr, banded, [word('ЧЧУЖуЖ', 0.02, 50, 20, 750, 80), word('5556', 0.93, 100, 200, 180, 224)], 1, () => 10_000);
    expect(again.map((w) => w.text)).toEqual(['ЧЧУЖуЖ', '5536']);
    // One word in the stack: the digits, and the stack no wider than they are.
    expect(ocr.jobs[0]!.width).toBeLessThan(200);
  });

  it('does not read a rule OCR took for letters again: a "word" 7 px tall is no number', async () => {
    const ocr = englishReads(['5536']);
    const again = await rereadDigitWords(ocr, page, [word('ИИ', 0.19, 20, 300, 780, 307), word('5556', 0.93, 100, 200, 180, 224)], 1, () => 10_000);
    expect(again.map((w) => w.text)).toEqual(['ИИ', '5536']);
    expect(ocr.jobs[0]!.width).toBeLessThan(200);
  });

  it('asks nothing of a page without numbers', async () => {
    const ocr = englishReads([]);
    const words = [word('Получатель', 0.9, 20, 104, 120, 128), word('№', 0.9, 130, 104, 140, 128)];
    expect(await rereadDigitWords(ocr, page, words, 1, () => 10_000)).toEqual(words);
    expect(ocr.jobs).toHaveLength(0);
  });
});

describe('isMostlyDigits and sameShape', () => {
  it('tells numbers and codes from words', () => {
    expect(['3', '0361', '12.03.2026', 'KP-SH-454-05', '+79048144759', 'ML3824,'].every(isMostlyDigits)).toBe(true);
    expect(['Заказ', 'KP-SHB-45', 'a.osipova83', '№'].some(isMostlyDigits)).toBe(false);
  });

  it('accepts other digits in the same places only', () => {
    expect(sameShape('12.03.2026', '12.05.2026')).toBe(true);
    expect(sameShape('12.03.2026', '12,03.2026')).toBe(false);
    expect(sameShape('0130', '01350')).toBe(false);
    expect(sameShape('44,', 'AA,')).toBe(false);
    expect(keepingZeros('7708', '7700')).toBe('7700');
    expect(keepingZeros('3099,50', '3699,50')).toBe('3099,50');
    expect(keepingZeros('00037655', '80037635')).toBe('00037635');
  });
});

describe('latinCodeFor', () => {
  it('takes the English reading of a code the pair garbled with Cyrillic letters or stray signs', () => {
    expect(latinCodeFor('$\\-Т-552-05', 'SV-T-352-05')).toBe('SV-T-352-05');
    expect(latinCodeFor('ЬН-№-241-05', 'LH-NG-241-05')).toBe('LH-NG-241-05');
    expect(latinCodeFor('KP-РZ-462', 'KP-PZ-462')).toBe('KP-PZ-462');
  });

  it('leaves a clean first reading, a code in Cyrillic and a second reading with other digits alone', () => {
    expect(latinCodeFor('KP-BO-491-05', 'KP-BD-491-05')).toBeUndefined();
    expect(latinCodeFor('АБ-1234', 'AB-1234')).toBeUndefined();
    expect(latinCodeFor('$\\-Т-552-05', 'SV-T-352-5')).toBeUndefined();
    expect(latinCodeFor('ЬН-№-241-05', 'LH NG 241 05')).toBeUndefined();
  });
});
