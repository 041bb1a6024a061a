import { describe, expect, it } from 'vitest';
import { dateBeforeSending } from '../../../../src/pipeline/decide/date-before-sending.ts';
import { application } from './builders.ts';

const signed = (value: string, confidence = 0.6) => application({ applicationDate: { value, confidence } });

describe('dateBeforeSending', () => {
  it('a doubtful date years before the e-mail is the one date a digit away within the year before it, kept doubtful', () => {
    const mended = dateBeforeSending(signed('2020-10-31'), '2025-11-02').fields.applicationDate;
    expect(mended).toMatchObject({ value: '2025-10-31', readValue: '2020-10-31' });
    expect(mended!.confidence).toBeLessThanOrEqual(0.5);
  });

  it('a date after the e-mail too (a misread decade)', () => {
    expect(dateBeforeSending(signed('2075-10-31'), '2025-11-02').fields.applicationDate?.value).toBe('2025-10-31');
  });

  it('leaves a date that fits, one read confidently, and one no single digit brings into the year', () => {
    expect(dateBeforeSending(signed('2025-10-31'), '2025-11-02').fields.applicationDate?.value).toBe('2025-10-31');
    expect(dateBeforeSending(signed('2025-11-03'), '2025-11-02').fields.applicationDate?.value).toBe('2025-11-03');
    expect(dateBeforeSending(signed('2020-10-31', 0.95), '2025-11-02').fields.applicationDate?.value).toBe('2020-10-31');
    expect(dateBeforeSending(signed('2034-05-10'), '2025-06-15').fields.applicationDate?.value).toBe('2034-05-10');
  });
});

describe('dateBeforeSending between the goods\' arrival and the e-mail', () => {
  it('two digits misread, when the paper gives the day the goods arrived a few days before the e-mail', () => {
    const read = application({ applicationDate: { value: '2076-04-01', confidence: 0.3 }, receivedDate: { value: '2026-08-27', confidence: 0.7 } });
    expect(dateBeforeSending(read, '2026-09-01').fields.applicationDate?.value).toBe('2026-09-01');
    // Without the arrival day the year before the e-mail holds 2026-04-01 one digit away: that is taken instead.
    expect(dateBeforeSending(signed('2076-04-01', 0.3), '2026-09-01').fields.applicationDate?.value).toBe('2026-04-01');
  });
});
