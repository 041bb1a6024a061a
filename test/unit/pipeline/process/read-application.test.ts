// SPEC §6: a document that was read but holds no application says so with `not_an_application`; one that
// could not be read carries only the reason it could not (regression: a truncated PDF was also reported as
// "not an application", which it may well be).
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../../src/domain/document.ts';
import { bodyDocument } from '../../../../src/pipeline/extract/body-document.ts';
import { readApplication } from '../../../../src/pipeline/process/read-application.ts';

function doc(name: string, lines: string[], problems: ExtractedDocument['problems'] = []): ExtractedDocument {
  return {
    name, kind: 'pdf', mimeType: 'application/pdf', bytes: 1, sha256: 'x', method: 'pdf_text', problems,
    pageCount: lines.length ? 1 : 0,
    pages: lines.length ? [{ page: 1, lines: lines.map((text) => ({ text, confidence: 1 })) }] : [],
  };
}

const codes = (r: ReturnType<typeof readApplication>) => r.application.problems.map((p) => `${p.field}:${p.code}`);

describe('readApplication', () => {
  it('a readable document without an application says so', () => {
    const r = readApplication('m.eml', [doc('invoice.pdf', ['Счёт № 17', 'Итого 4 000,00']), bodyDocument('см. вложение')], '2025-03-10');
    expect(r.isApplication).toBe(false);
    expect(codes(r)).toEqual(['invoice.pdf:not_an_application']);
  });

  it('an unreadable document reports why, not that it is no application', () => {
    const broken = doc('form.pdf', [], [{ field: 'form.pdf', code: 'unreadable_file', message: 'truncated' }]);
    expect(codes(readApplication('form.pdf', [broken], '2025-03-10'))).toEqual(['form.pdf:unreadable_file']);
  });

  it('a message with only a body that is no application says so of the body', () => {
    expect(codes(readApplication('m.eml', [bodyDocument('Есть ли это платье в размере M?')], '2025-03-10'))).toEqual(['body:not_an_application']);
  });

  it('an application reports no such problem', () => {
    const form = doc('form.pdf', ['ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА', 'Номер заказа / Order number: 4821-5567', 'ФИО / Full name: Ковалёва Анна Сергеевна']);
    const r = readApplication('m.eml', [form], '2025-03-10');
    expect(r.isApplication).toBe(true);
    expect(codes(r).filter((c) => c.endsWith('not_an_application'))).toEqual([]);
  });
});

// Issue #11: a card's last four digits have no check digit and no order knows the card, so one OCR reading stays
// below 0.9; two documents of the message that read them alike are two witnesses.
describe("a card's last four digits read by two documents", () => {
  const scan = (name: string, sha256: string, card: string): ExtractedDocument => ({
    name, kind: 'jpeg', mimeType: 'image/jpeg', bytes: 1, sha256, method: 'ocr', problems: [], pageCount: 1,
    pages: [{ page: 1, lines: ['ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА', 'Номер заказа: 4821-5567', `Карта, 4 последние цифры: **** ${card}`].map((text, i) => ({ text, confidence: 0.9, box: { page: 1, x: 100, y: 50 + i * 40, width: 1500, height: 36 } })) }],
  });
  const card = (docs: ExtractedDocument[]) => readApplication('m.eml', docs, '2025-03-10').application.fields.cardLast4;

  it('one OCR reading is a doubt', () => {
    expect(card([scan('photo.jpg', 'a', '5711')])).toMatchObject({ value: '5711' });
    expect(card([scan('photo.jpg', 'a', '5711')])!.confidence).toBeLessThan(0.9);
  });

  it('two photos that agree are confident', () => {
    expect(card([scan('photo.jpg', 'a', '5711'), scan('photo2.jpg', 'b', '5711')])).toMatchObject({ value: '5711', confidence: 0.95 });
  });

  it('one photo attached twice is one reading', () => {
    expect(card([scan('photo.jpg', 'a', '5711'), scan('photo (1).jpg', 'a', '5711')])!.confidence).toBeLessThan(0.9);
  });
});
