// Issue #15: our form, version 2 (RI-FORM-2), writes every digit field in comb boxes. Read with the real OCR
// engine: a printed-and-filled page is read cell by cell; the fillable PDF's comb fields are read exactly; a
// version 1 page (a line per value) is still read by its lines.
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentReader } from '../../../src/adapters/documents/create-document-reader.ts';
import { OcrPool } from '../../../src/adapters/ocr/ocr-pool.ts';
import type { DocumentReader } from '../../../src/domain/ports/document-reader.ts';
import { parseDocument } from '../../../src/pipeline/parse/parse-document.ts';
import { rasterizePdf } from '../../../scripts/samples/rasterize.ts';
import { renderForm } from '../../../scripts/samples/render-form.ts';

const repo = new URL('../../../', import.meta.url);
const DATE = new Date('2025-01-01T00:00:00Z');
const written = {
  orderNumber: 'LH-48213',
  orderDate: '02.03.2025',
  receivedDate: '05.03.2025',
  fullName: 'Иванова Анна Сергеевна',
  phone: '+79161234567',
  reason: 'defect',
  refundMethod: 'bank_account',
  bik: '044525225',
  account: '40817810099910004312',
  applicationDate: '08.03.2025',
};
const canonical = { orderNumber: 'LH-48213', orderDate: '2025-03-02', receivedDate: '2025-03-05', phone: '+79161234567', bik: '044525225', account: '40817810099910004312', applicationDate: '2025-03-08', reason: 'defect', refundMethod: 'bank_account' };

describe('our form with comb boxes (RI-FORM-2)', () => {
  let pool: OcrPool;
  let reader: DocumentReader;

  beforeAll(async () => {
    pool = await OcrPool.start({ langPath: new URL('ocr-data', repo).pathname, size: 2 });
    reader = createDocumentReader({ ocr: pool });
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('reads a printed page filled in, one comb cell at a time', async () => {
    const pdf = await renderForm({ fillable: false, date: DATE, filled: { fields: written, items: [{ sku: 'TS-3000', name: 'Футболка', size: 'M', quantity: '1', price: '3000' }] } });
    const doc = await reader.read('scan.png', await rasterizePdf(pdf, 300));
    expect(doc.method).toBe('ocr');
    const lines = doc.pages[0]!.lines.map((l) => l.text);
    expect(lines).toContain('Форма / Form RI-FORM-2');
    const parsed = parseDocument(doc);
    for (const [key, value] of Object.entries(canonical)) expect(parsed.fields[key as keyof typeof canonical]?.value, key).toBe(value);
    expect(parsed.items[0]?.quantity?.value).toBe('1');
  });

  it('reads the fillable PDF\'s comb fields exactly', async () => {
    const form = await PDFDocument.load(await renderForm({ fillable: true, date: DATE }));
    const fields = form.getForm();
    expect(fields.getTextField('account').getMaxLength()).toBe(20);
    for (const key of ['orderNumber', 'receivedDate', 'phone', 'bik', 'account', 'applicationDate'] as const) fields.getTextField(key).setText(written[key]);
    const doc = await reader.read('filled.pdf', Buffer.from(await form.save()));
    const parsed = parseDocument(doc);
    for (const key of ['orderNumber', 'receivedDate', 'phone', 'bik', 'account', 'applicationDate'] as const) expect(parsed.fields[key]?.value, key).toBe(canonical[key]);
  });

  it('still reads a version 1 page by its lines', async () => {
    const doc = await reader.read('04-scan-300dpi.png', readFileSync(new URL('samples/documents/04-scan-300dpi.png', repo)));
    expect(doc.pages[0]!.lines.map((l) => l.text)).toContain('Форма / Form RI-FORM-1');
  });
});
