import { describe, expect, it } from 'vitest';
import type { FieldValue, ParsedApplication } from '../../../../src/domain/application.ts';
import { fillFromHeader } from '../../../../src/pipeline/decide/fill-from-header.ts';

const withEmail = (email?: FieldValue): ParsedApplication => ({ source: 'm.eml', fields: email ? { email } : {}, items: [], problems: [] });

describe('fillFromHeader', () => {
  it("fills the sender's address where the paper gives none", () => {
    expect(fillFromHeader(withEmail(), ' Roman1@Gmail.com ').fields.email).toEqual({ value: 'roman1@gmail.com', confidence: 1, source: 'header' });
  });

  it.each([
    ['romanl1@gmail.com', 'roman1@gmail.com'], // one letter misread
    ['vasileva78@inbox.ru', 'l.vasileva78@inbox.ru'], // two letters lost
    ['7@inbox.ru', 'nadezhda77@inbox.ru'], // the start lost to a glued label
  ])('corrects a doubtful reading %s that an OCR slip separates from the sender %s', (read, sender) => {
    const email = fillFromHeader(withEmail({ value: read, confidence: 0.6, document: 'scan.jpg' }), sender).fields.email!;
    expect(email).toMatchObject({ value: sender, source: 'header', readValue: read, document: 'scan.jpg' });
    expect(email.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps an address read confidently, though it is close to the sender', () => {
    const read = { value: 'ivanova@mail.ru', confidence: 0.99 };
    expect(fillFromHeader(withEmail(read), 'ivanov@mail.ru').fields.email).toEqual(read);
  });

  it('keeps a doubtful reading of another address', () => {
    const read = { value: 'petrov.s@yandex.ru', confidence: 0.5 };
    expect(fillFromHeader(withEmail(read), 'ivanov@mail.ru').fields.email).toEqual(read);
    // Same domain, but not a tail of the sender's address.
    const other = { value: 'anna@inbox.ru', confidence: 0.5 };
    expect(fillFromHeader(withEmail(other), 'nadezhda77@inbox.ru').fields.email).toEqual(other);
  });
});
