// The early refusal of a "PDF" that is not made of PDF objects: 18 MB of junk behind a `%PDF-` header kept pdf-lib and
// pdf.js busy for 70–150 s (the reader's 90 s limit ended it). It must never refuse a real PDF, a large scan included.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdfObjectCoverage } from '../../../../src/adapters/pdf/check-pdf-objects.ts';
import { readPdf } from '../../../../src/adapters/pdf/read-pdf.ts';
import { MAX_ATTACHMENT_BYTES, MIN_PDF_OBJECT_SHARE } from '../../../../src/domain/limits.ts';
import { junkPdf } from '../../../chaos/hostile-files.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../../samples/documents');

/** Ten A4 pages at 300 dpi, each a ~1.5 MB JPEG of a photographed form: a scanner's 15 MB PDF. */
async function largeScan(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let n = 0; n < 10; n++) {
    const source = n % 2 === 0 ? '05-phone-photo.jpg' : '40-harsh-c27.jpg';
    const jpeg = await sharp(path.join(SAMPLES, source)).resize(2480, 3508, { fit: 'fill' }).jpeg({ quality: 96, chromaSubsampling: '4:4:4' }).toBuffer();
    const image = await pdf.embedJpg(jpeg);
    pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return Buffer.from(await pdf.save());
}

const options = (ocrPage: (image: Buffer, pageNumber: number) => Promise<{ problems: never[] }>) => ({
  name: 'application.pdf',
  maxPages: 10,
  maxPixels: 50_000_000,
  maxInflatedBytes: 64 * 1024 * 1024,
  ocrPage,
});

describe('pdfObjectCoverage and the early refusal of junk', () => {
  it('every sample PDF, text, form, scan, encrypted or truncated, is almost all objects', () => {
    for (const name of readdirSync(SAMPLES).filter((f) => f.endsWith('.pdf'))) {
      expect(pdfObjectCoverage(readFileSync(path.join(SAMPLES, name))), name).toBeGreaterThan(0.99);
    }
  });

  it('refuses 18 MB of junk behind a PDF header at once as unreadable_file, without parsing it', async () => {
    const junk = junkPdf();
    expect(pdfObjectCoverage(junk)).toBeLessThan(MIN_PDF_OBJECT_SHARE);
    const result = await readPdf(junk, options(async () => ({ problems: [] })));
    expect(result.problems.map((p) => p.code)).toEqual(['unreadable_file']);
    expect(result.problems[0]!.message).toMatch(/0 % of its bytes are PDF objects/);
  });

  it('still reads a 10-page scanned PDF of ~15 MB: every page goes to OCR', async () => {
    const scan = await largeScan();
    expect(scan.length).toBeGreaterThan(12 * 1024 * 1024);
    expect(scan.length).toBeLessThan(MAX_ATTACHMENT_BYTES);
    expect(pdfObjectCoverage(scan)).toBeGreaterThan(0.99);
    const pages: number[] = [];
    const result = await readPdf(scan, options(async (_image, pageNumber) => (pages.push(pageNumber), { problems: [] })));
    expect(result.problems).toEqual([]);
    expect(result.pageCount).toBe(10);
    expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  }, 60_000);
});
