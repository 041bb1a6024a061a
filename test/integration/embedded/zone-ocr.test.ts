// Zone OCR end to end with the real engine: the scanned, PDF-scanned and photographed samples read through
// the document reader and the project's parser come out as their ground truth (*.expected.json), with boxes
// on the page image. Speed is measured by `npm run bench:ocr`, not here.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentReader } from '../../../src/adapters/documents/create-document-reader.ts';
import { OcrPool } from '../../../src/adapters/ocr/ocr-pool.ts';
import type { DocumentReader } from '../../../src/domain/ports/document-reader.ts';
import { parseDocument } from '../../../src/pipeline/parse/parse-document.ts';
import { scoreFields, type Expected } from '../../../bench/lib/field-accuracy.ts';

const repo = new URL('../../../', import.meta.url);
const sample = (name: string) => readFileSync(new URL(`samples/documents/${name}`, repo));
const expected = (name: string) => JSON.parse(sample(name.replace(/\.\w+$/, '.expected.json')).toString()) as Expected;

describe('zone OCR of our form', () => {
  let pool: OcrPool;
  let reader: DocumentReader;

  beforeAll(async () => {
    pool = await OcrPool.start({ langPath: new URL('ocr-data', repo).pathname, size: 2 });
    reader = createDocumentReader({ ocr: pool });
  });
  afterAll(async () => {
    await pool?.close();
  });

  it.each(['04-scan-300dpi.png', '03-scanned.pdf', '05-phone-photo.jpg'])('reads %s as its ground truth', async (name) => {
    const doc = await reader.read(name, sample(name));
    expect(doc).toMatchObject({ method: 'ocr', problems: [] });
    const parsed = parseDocument(doc);
    const score = scoreFields(expected(name), parsed.fields, parsed.items);
    // Look-alike letters in SKUs ("TR" read as Cyrillic "ТВ") are the known misses; everything else is read.
    expect(score.right / score.total, score.wrong.join('\n')).toBeGreaterThanOrEqual(0.9);
    for (const key of ['orderNumber', 'fullName', 'email', 'phone', 'reason', 'refundMethod', 'applicationDate'] as const) {
      expect(parsed.fields[key]?.value, key).toBe(expected(name).fields[key]);
    }
    const page = doc.pages[0]!;
    const order = page.lines.find((l) => l.text.startsWith('Номер заказа / Order number:'))!;
    expect(order.box!.x + order.box!.width).toBeLessThanOrEqual(page.width!);
    expect(order.box!.y).toBeGreaterThan(0);
  });

  it('falls back to the full page for a page that is not our form', async () => {
    // Another shop's layout: a letter, no table, no title of ours.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="white"/>
      <g font-family="DejaVu Sans" font-size="32"><text x="120" y="300">Прошу вернуть деньги за заказ № 4821-5567</text>
      <text x="120" y="380">Телефон: +7 916 123-45-67</text></g></svg>`;
    const doc = await reader.read('letter.png', await sharp(Buffer.from(svg)).png().toBuffer());
    expect(doc.problems).toEqual([]);
    const texts = doc.pages[0]!.lines.map((l) => l.text);
    expect(texts.some((t) => t.includes('4821-5567'))).toBe(true);
    expect(texts.some((t) => t.includes(' | '))).toBe(false);
  });
});
