import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../../../src/domain/validation/normalize-date.ts';

describe('normalizeDate', () => {
  it.each([
    ['14.11.2026', '2026-11-14', 0, true],
    ['14/11/2026', '2026-11-14', 0, true],
    ['2026-11-14', '2026-11-14', 0, true],
    ['14 ноября 2026 г.', '2026-11-14', 0, true],
    ['«3» ноября 2026 г.', '2026-11-03', 0, true],
    ['3 нояб. 2026', '2026-11-03', 0, true],
    ['1 марта 2026 года', '2026-03-01', 0, true],
    ['14 November 2026', '2026-11-14', 0, true],
    ['November 14, 2026', '2026-11-14', 0, true],
    ['4.1.2026', '2026-01-04', 0, true],
    ['14.11.26', '2026-11-14', 1, false],
    ['O5.11.2026', '2026-11-05', 1, false],
    ['14.11.2О26', '2026-11-14', 1, false],
    ['l4.ll.2026', '2026-11-14', 3, false],
    ['Дата: 10.11.2026   Подпись', '2026-11-10', 0, true],
  ])('%s → %s (fixes %i)', (raw, iso, fixes, strict) => {
    expect(normalizeDate(raw)).toEqual({ value: iso, fixes, strict });
  });

  it.each(['31.02.2026', '14.13.2026', '00.11.2026', 'вчера', '', '14 брюмера 2026', '12345'])('rejects %s', (raw) => {
    expect(normalizeDate(raw)).toBeUndefined();
  });

  it('on OCR text, reads a day or month whose tens digit is a 9 as the 0 that OCR took for it; typed text is not mended', () => {
    expect(normalizeDate('95.11.2026', { ocr: true })).toEqual({ value: '2026-11-05', fixes: 1, strict: false });
    expect(normalizeDate('14.91.2026', { ocr: true })).toEqual({ value: '2026-01-14', fixes: 1, strict: false });
    expect(normalizeDate('95.11.2026')).toBeUndefined();
    // A real date is left as read, and a 9 that makes no date either way stays a problem.
    expect(normalizeDate('19.11.2026', { ocr: true })).toEqual({ value: '2026-11-19', fixes: 0, strict: true });
    expect(normalizeDate('98.02.2026', { ocr: true })).toMatchObject({ value: '2026-02-08' });
    expect(normalizeDate('39.02.2026', { ocr: true })).toBeUndefined();
  });
});
