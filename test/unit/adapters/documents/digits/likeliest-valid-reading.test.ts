import { describe, expect, it } from 'vitest';
import { likeliestValidReading, type ValuePosition } from '../../../../../src/adapters/documents/digits/likeliest-valid-reading.ts';
import { checkedCombValue, type CellLine } from '../../../../../src/adapters/documents/checked-comb-value.ts';
import { FORM_FIELDS, type Comb } from '../../../../../src/domain/application-form.ts';

/** A digit read as `digit`, with `second` as its runner-up at `p` of the first's likelihood. */
const digit = (d: string, second?: string, p = 0.3): ValuePosition =>
  [{ digit: d, probability: 0.6 }, ...(second ? [{ digit: second, probability: 0.6 * p }] : []), { digit: d === '9' ? '8' : '9', probability: 0.001 }];
const isMonth = (t: string) => Number(t) >= 1 && Number(t) <= 12;

describe('the likeliest reading that passes a check', () => {
  it('keeps a reading that passes as it is', () => {
    expect(likeliestValidReading([digit('1'), digit('2', '7')], isMonth)).toBe('12');
  });

  it('changes the digit whose alternative is likeliest', () => {
    // "17" is no month; a 7 that was nearly a 0 makes it one, and beats a 1 that was hardly a 0.
    expect(likeliestValidReading([digit('1', '0', 0.05), digit('7', '0', 0.6)], isMonth)).toBe('10');
  });

  it('changes two digits when one is not enough, never a printed character, and gives up beyond that', () => {
    const valid = (t: string) => t === '0.05';
    expect(likeliestValidReading([digit('6', '0'), '.', digit('0'), digit('3', '5')], valid)).toBe('0.05');
    expect(likeliestValidReading([digit('6', '0'), '.', digit('9', '0'), digit('3', '5')], valid)).toBeUndefined();
  });
});

describe('a comb value put to its field\'s check', () => {
  const comb = (key: string): Comb => {
    const f = FORM_FIELDS.find((x) => x.key === key)!;
    return { ...f, comb: f.comb! };
  };
  const cell = (text: string, confidence: number, second?: string): CellLine => ({
    text,
    confidence,
    alternatives: [{ digit: text, probability: 0.6 }, ...(second ? [{ digit: second, probability: 0.3 }] : [])],
  });

  it('reads a date with month 17 as the real date its alternatives allow, and not as a sure one', () => {
    const cells = new Map([[0, cell('2', 0.9)], [1, cell('6', 0.9)], [3, cell('1', 0.9)], [4, cell('7', 0.4, '0')], [6, cell('2', 0.9)], [7, cell('0', 0.9)], [8, cell('2', 0.9)], [9, cell('5', 0.9)]]);
    const value = checkedCombValue(comb('receivedDate'), cells);
    expect(value?.text).toBe('26.10.2025');
    expect(value!.confidence).toBeLessThanOrEqual(0.5);
  });

  it('leaves a value that passes, and a field with no check, as read', () => {
    const card = new Map([[0, cell('1', 0.9, '7')], [1, cell('4', 0.9)], [2, cell('4', 0.9)], [3, cell('5', 0.9)]]);
    expect(checkedCombValue(comb('cardLast4'), card)).toEqual({ text: '1445', confidence: 0.9 });
  });
});
