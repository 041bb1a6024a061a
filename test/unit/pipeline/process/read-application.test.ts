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
