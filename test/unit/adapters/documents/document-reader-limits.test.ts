// Hostile and oversized inputs: each must come back as a problem value, quickly, without reaching OCR.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createDocumentReader } from '../../../../src/adapters/documents/create-document-reader.ts';
import { FakeOcrEngine } from './fake-ocr-engine.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/documents/${name}`, import.meta.url));
const font = readFileSync(new URL('../../../../templates/forms/fonts/DejaVuSans.ttf', import.meta.url));

async function textPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const embedded = await doc.embedFont(font, { subset: true });
  for (let i = 0; i < pages; i++) {
    doc.addPage([595, 842]).drawText(`Страница ${i + 1}: Номер заказа / Order number: 4821-5567`, { x: 50, y: 780, size: 12, font: embedded });
  }
  return Buffer.from(await doc.save());
}

const codes = (doc: { problems: { code: string }[] }) => doc.problems.map((p) => p.code);

/** A one-page PDF whose content stream is `operators` bytes of drawing operators, Flate-compressed (a "PDF bomb"). */
function bombPdf(operators: number): Buffer {
  const content = deflateSync(Buffer.from('q 1 0 0 1 0 0 cm Q\n'.repeat(Math.ceil(operators / 19))));
  const head = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj',
    `4 0 obj << /Length ${content.length} /Filter /FlateDecode >> stream`,
    '',
  ].join('\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), content, Buffer.from('\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

describe('DocumentReader limits and hostile input', () => {
  it('refuses a PNG whose header claims 20000 × 20000 px before decoding it', async () => {
    const ocr = new FakeOcrEngine();
    const started = Date.now();
    const doc = await createDocumentReader({ ocr }).read('bomb.png', fixture('huge-header.png'));
    expect(codes(doc)).toEqual(['too_large']);
    expect(doc.kind).toBe('png');
    expect(doc.pages).toEqual([]);
    expect(ocr.jobs).toHaveLength(0);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('regression: refuses a PDF whose content stream inflates past the limit, before pdf.js inflates it', async () => {
    const ocr = new FakeOcrEngine();
    const bomb = bombPdf(16 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(100_000);
    const started = Date.now();
    const doc = await createDocumentReader({ ocr, limits: { maxPdfInflatedBytes: 1024 * 1024 } }).read('bomb.pdf', bomb);
    expect(codes(doc)).toEqual(['too_complex']);
    expect(doc.pages).toEqual([]);
    expect(ocr.jobs).toHaveLength(0);
    expect(Date.now() - started).toBeLessThan(2000);
    // An ordinary PDF with an embedded font is far inside the same small limit.
    const ordinary = await createDocumentReader({ ocr, limits: { maxPdfInflatedBytes: 1024 * 1024 } }).read('ok.pdf', await textPdf(3));
    expect(codes(ordinary)).toEqual([]);
    expect(ordinary.pageCount).toBe(3);
  });

  it('refuses an attachment over the byte limit', async () => {
    const doc = await createDocumentReader({ ocr: new FakeOcrEngine(), limits: { maxBytes: 1000 } }).read('big.pdf', await textPdf(1));
    expect(codes(doc)).toEqual(['too_large']);
  });

  it('refuses a PDF with too many pages', async () => {
    const doc = await createDocumentReader({ ocr: new FakeOcrEngine(), limits: { maxPages: 2 } }).read('long.pdf', await textPdf(3));
    expect(codes(doc)).toEqual(['too_many_pages']);
    expect(doc.pageCount).toBe(3);
  });

  it('reports a password-protected PDF as encrypted_pdf', async () => {
    const doc = await createDocumentReader({ ocr: new FakeOcrEngine() }).read('locked.pdf', fixture('encrypted.pdf'));
    expect(codes(doc)).toEqual(['encrypted_pdf']);
    expect(doc.kind).toBe('pdf');
  });

  it('reports a truncated PDF as unreadable_file', async () => {
    const doc = await createDocumentReader({ ocr: new FakeOcrEngine() }).read('cut.pdf', fixture('truncated.pdf'));
    expect(codes(doc)).toEqual(['unreadable_file']);
  });

  it('reports random bytes named .pdf as unreadable_file', async () => {
    const doc = await createDocumentReader({ ocr: new FakeOcrEngine() }).read('scan.pdf', fixture('random-bytes.pdf'));
    expect(codes(doc)).toEqual(['unreadable_file']);
    expect(doc.kind).toBe('unsupported');
  });

  it('reports an empty file as unreadable_file', async () => {
    const doc = await createDocumentReader({ ocr: new FakeOcrEngine() }).read('empty.jpg', Buffer.alloc(0));
    expect(codes(doc)).toEqual(['unreadable_file']);
  });

  it('reports a zip as unsupported_type', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200)]);
    const doc = await createDocumentReader({ ocr: new FakeOcrEngine() }).read('form.docx', zip);
    expect(codes(doc)).toEqual(['unsupported_type']);
    expect(doc.kind).toBe('unsupported');
  });

  it('reads a windows-1251 text attachment as one page of lines', async () => {
    const cp1251 = Buffer.from([0xd4, 0xc8, 0xce, 0x3a, 0x20, 0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2, 0x0d, 0x0a, 0x0d, 0x0a, 0x34, 0x38]);
    const doc = await createDocumentReader({ ocr: new FakeOcrEngine() }).read('note.txt', cp1251);
    expect(doc.kind).toBe('text');
    expect(doc.pages).toEqual([{ page: 1, lines: [{ text: 'ФИО: Иванов', confidence: 1 }, { text: '48', confidence: 1 }] }]);
    expect(doc.problems).toEqual([]);
  });

  it('cuts text at the character limit and says so', async () => {
    const doc = await createDocumentReader({ ocr: new FakeOcrEngine(), limits: { maxTextChars: 10 } }).read(
      'long.txt',
      Buffer.from('0123456789abcdef\nmore'),
    );
    expect(doc.pages[0]?.lines).toEqual([{ text: '0123456789', confidence: 1 }]);
    expect(codes(doc)).toEqual(['too_large']);
  });

  it('reads a text-layer PDF exactly, without OCR', async () => {
    const ocr = new FakeOcrEngine();
    const doc = await createDocumentReader({ ocr }).read('app.pdf', await textPdf(1));
    expect(doc.method).toBe('pdf_text');
    expect(doc.pages[0]?.lines).toEqual([{ text: 'Страница 1: Номер заказа / Order number: 4821-5567', confidence: 1 }]);
    expect(ocr.jobs).toHaveLength(0);
  });

  it('turns an OCR timeout into ocr_timeout', async () => {
    const ocr = new FakeOcrEngine(() => ({ status: 'timeout', seconds: 60 }));
    const png = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const doc = await createDocumentReader({ ocr }).read('photo.png', png);
    expect(codes(doc)).toEqual(['ocr_timeout']);
    expect(doc.method).toBe('ocr');
  });

  it('reports a page where OCR finds nothing as no_text', async () => {
    const ocr = new FakeOcrEngine((job) => ({ status: 'done', page: { page: job.page, lines: [] } }));
    const png = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const doc = await createDocumentReader({ ocr }).read('blank.png', png);
    expect(codes(doc)).toEqual(['no_text']);
    // A 600 × 800 page-shaped image is scaled to A4 at 300 dpi before OCR.
    expect(ocr.jobs[0]?.width).toBe(1800);
  });
});
