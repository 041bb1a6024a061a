import { describe, expect, it } from 'vitest';
import { isBoxedCardNumber, joinBoxedGroups, lastBoxedGroup } from '../../../../src/pipeline/parse/boxed-groups.ts';
import { normalizeField } from '../../../../src/pipeline/parse/normalize-field.ts';

describe('a number written in boxes', () => {
  it('joins a row of digit boxes, a box edge read as a bar dropped', () => {
    expect(joinBoxedGroups(['2204 |', '(285', '(44-2', '8616'])).toBe('2204 (285 (44-2 8616');
  });

  it('is no number in boxes when the cells are words or a single value', () => {
    expect(joinBoxedGroups(['Семёнова Екатерина', 'Фёдоровна'])).toBeUndefined();
    expect(joinBoxedGroups(['1', 'шт', 'ок'])).toBeUndefined();
    expect(joinBoxedGroups(['4417/26'])).toBeUndefined();
  });

  it('gives a card\'s last box as its last four digits, even with earlier boxes misread (devset hand-filled photo)', () => {
    expect(lastBoxedGroup('2200 7083 Zan" 3623')).toBe('3623');
    expect(normalizeField('cardLast4', '2200 7083 Zan" 3623', { ocr: true })).toMatchObject({ value: '3623', strict: false });
  });

  it('never takes a card\'s first box, nor guesses which box was lost when only three were read', () => {
    expect(isBoxedCardNumber('5536 9157 1601')).toBe(true);
    expect(normalizeField('cardLast4', '5536 9157 1601', { ocr: true })).toBeUndefined();
    expect(normalizeField('cardLast4', '7204 [785 (44.7 $646', { ocr: true })).toBeUndefined();
  });
});
