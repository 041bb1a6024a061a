// A PDF's text layer keeps where each word stands: two columns drawn on one baseline stay two cells apart.
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createDocumentReader } from '../../../../src/adapters/documents/create-document-reader.ts';
import { prepareLines } from '../../../../src/pipeline/parse/prepare-lines.ts';
import { FakeOcrEngine } from './fake-ocr-engine.ts';

const font = readFileSync(new URL('../../../../templates/forms/fonts/DejaVuSans.ttf', import.meta.url));

async function twoColumnPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const embedded = await doc.embedFont(font, { subset: true });
  const page = doc.addPage([595, 842]);
  const draw = (text: string, x: number, y: number) => page.drawText(text, { x, y, size: 10, font: embedded });
  draw('Заявление на возврат товара', 50, 800);
  draw('ФИО / Full name', 50, 760);
  draw('Зайцева Александра Михайловна', 160, 760);
  draw('Номер заказа / Order No.', 360, 760);
  draw('KM-60954', 540, 760);
  return Buffer.from(await doc.save());
}

describe('text layer words', () => {
  it('gives every word its box, so the row splits into its four cells', async () => {
    const doc = await createDocumentReader({ ocr: new FakeOcrEngine() }).read('two-columns.pdf', await twoColumnPdf());
    expect(doc.method).toBe('pdf_text');
    const words = doc.pages[0]!.words!;
    const order = words.find((w) => w.text.includes('KM-60954'))!;
    expect(order.x0).toBeCloseTo(540, 0);
    expect(order.y0).toBeLessThan(order.y1);
    const row = prepareLines(doc).find((l) => l.text.includes('KM-60954'))!;
    expect(row.cells!.map((c) => c.text)).toEqual(['ФИО / Full name', 'Зайцева Александра Михайловна', 'Номер заказа / Order No.', 'KM-60954']);
  });
});
