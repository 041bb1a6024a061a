import { describe, expect, it } from 'vitest';
import { replySubject } from '../../../../src/pipeline/reply/reply-subject.ts';

describe('replySubject', () => {
  it('prefixes Re: and appends the return number', () => {
    expect(replySubject('Заявление на возврат', 'fallback', 'R-ABCD-EFG1')).toBe('Re: Заявление на возврат [R-ABCD-EFG1]');
  });

  it('never produces Re: Re:', () => {
    expect(replySubject('Re: Заявление', 'fallback', 'R-1')).toBe('Re: Заявление [R-1]');
    expect(replySubject('RE: re: Re[2]: Заявление', 'fallback')).toBe('Re: Заявление');
    expect(replySubject('Ответ: AW: Sv: Return', 'fallback')).toBe('Re: Return');
  });

  it('does not repeat the return number already in the subject', () => {
    expect(replySubject('Re: Заявление [R-1]', 'fallback', 'R-1')).toBe('Re: Заявление [R-1]');
    expect(replySubject('Re: [R-1] Заявление', 'fallback', 'R-1')).toBe('Re: Заявление [R-1]');
  });

  it('keeps Fwd: as part of the subject', () => {
    expect(replySubject('Fwd: Заявление', 'fallback')).toBe('Re: Fwd: Заявление');
  });

  it('uses the template subject when the original subject is empty', () => {
    expect(replySubject('', 'Возврат одобрен', 'R-1')).toBe('Возврат одобрен [R-1]');
    expect(replySubject('Re:  ', 'Возврат одобрен')).toBe('Возврат одобрен');
  });

  it('puts folded subjects on one line', () => {
    expect(replySubject('Заявление\r\n на возврат', 'x')).toBe('Re: Заявление на возврат');
  });
});
