// The document reader against the real OCR engine (tesseract.js with the shipped Russian + English models),
// on small inputs generated here, plus the hostile fixtures from test/fixtures/documents.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentReader } from '../../../src/adapters/documents/create-document-reader.ts';
import { prepareLines } from '../../../src/pipeline/parse/prepare-lines.ts';
import { OcrPool } from '../../../src/adapters/ocr/ocr-pool.ts';
import { startTesseractWorker, stopTesseractWorker } from '../../../src/adapters/ocr/start-tesseract-worker.ts';
import { AppError } from '../../../src/domain/app-error.ts';
import type { DocumentReader } from '../../../src/domain/ports/document-reader.ts';

const repo = new URL('../../../', import.meta.url);
const langPath = new URL('ocr-data', repo).pathname;
const font = readFileSync(new URL('templates/forms/fonts/DejaVuSans.ttf', repo));
const fixture = (name: string) => readFileSync(new URL(`test/fixtures/documents/${name}`, repo));

/** An A4 page at 150 dpi with a form-like layout: labels, values, rules under the values. */
async function formImage(): Promise<Buffer> {
  const rows = [
    ['Номер заказа / Order number:', '4821-5567'],
    ['ФИО / Full name:', 'Иванов Иван Иванович'],
    ['Телефон / Phone:', '+7 916 123-45-67'],
  ];
  const text = rows
    .map(([label, value], i) => {
      const y = 300 + i * 90;
      return `<text x="90" y="${y}" font-size="30">${label}</text><text x="600" y="${y}" font-size="30">${value}</text>
        <line x1="590" y1="${y + 12}" x2="1150" y2="${y + 12}" stroke="black" stroke-width="2"/>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754">
    <rect width="100%" height="100%" fill="white"/>
    <g font-family="DejaVu Sans" fill="black">
      <text x="300" y="160" font-size="40">ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА</text>${text}
    </g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function pdfWithText(fill?: { orderNumber: string }): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const embedded = await doc.embedFont(font, { subset: true });
  const page = doc.addPage([595, 842]);
  page.drawText('Номер заказа / Order number: 4821-5567', { x: 50, y: 780, size: 12, font: embedded });
  page.drawText('ФИО / Full name: Иванов Иван Иванович', { x: 50, y: 760, size: 12, font: embedded });
  if (fill) {
    const field = doc.getForm().createTextField('orderNumber');
    field.setText(fill.orderNumber);
    field.addToPage(page, { x: 50, y: 700, width: 200, height: 20 });
  }
  return Buffer.from(await doc.save());
}

async function pdfWithImage(png: Buffer | undefined): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  if (png) page.drawImage(await doc.embedPng(png), { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save());
}

describe('DocumentReader with a real OCR pool', () => {
  let pool: OcrPool;
  let reader: DocumentReader;

  beforeAll(async () => {
    pool = await OcrPool.start({ langPath, size: 2 });
    reader = createDocumentReader({ ocr: pool });
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('reads a text-layer PDF exactly, label and value on one line', async () => {
    const doc = await reader.read('application.pdf', await pdfWithText());
    expect(doc).toMatchObject({ kind: 'pdf', mimeType: 'application/pdf', method: 'pdf_text', pageCount: 1, problems: [] });
    expect(doc.pages[0]?.lines.map((l) => l.text)).toContain('Номер заказа / Order number: 4821-5567');
    expect(doc.pages[0]?.lines.every((l) => l.confidence === 1)).toBe(true);
  });

  it('reads the values of a filled-in PDF form', async () => {
    const doc = await reader.read('fillable.pdf', await pdfWithText({ orderNumber: '4821-5567' }));
    expect(doc.method).toBe('pdf_form');
    expect(doc.formFields).toEqual({ orderNumber: '4821-5567' });
  });

  it('finds the order number in a PNG of Russian text, with boxes on the page image', async () => {
    const doc = await reader.read('photo.png', await formImage());
    expect(doc).toMatchObject({ kind: 'png', method: 'ocr', pageCount: 1, problems: [] });
    const page = doc.pages[0]!;
    expect(page.width).toBe(2480);
    // Sparse-text OCR reads the label and its value as separate blocks; the layout reader puts them back on one
    // row, as two cells, by their word boxes.
    const row = prepareLines(doc).find((l) => l.text.includes('4821-5567'));
    expect(row?.text).toMatch(/Номер заказа/);
    expect(page.words!.some((w) => w.text.includes('4821-5567') && w.x1 > w.x0 && w.y1 > w.y0)).toBe(true);
    const line = page.lines.find((l) => l.text.includes('4821-5567'));
    expect(line?.confidence).toBeGreaterThan(0.5);
    expect(line?.confidence).toBeLessThanOrEqual(1);
    expect(line?.box).toMatchObject({ page: 1 });
    expect(line!.box!.x + line!.box!.width).toBeLessThanOrEqual(page.width!);
    expect(line!.box!.y + line!.box!.height).toBeLessThanOrEqual(page.height!);
  });

  it('OCRs a scanned PDF page from its embedded image', async () => {
    const doc = await reader.read('scan.pdf', await pdfWithImage(await formImage()));
    expect(doc).toMatchObject({ kind: 'pdf', method: 'ocr', problems: [] });
    expect(doc.pages[0]?.lines.some((l) => l.text.includes('4821-5567'))).toBe(true);
  });

  it('reports an empty white PDF page as no_text', async () => {
    const doc = await reader.read('blank.pdf', await pdfWithImage(undefined));
    expect(doc.problems.map((p) => p.code)).toEqual(['no_text']);
  });

  it('turns hostile files into problems', async () => {
    const cases: [string, Buffer, string][] = [
      ['truncated.pdf', fixture('truncated.pdf'), 'unreadable_file'],
      ['encrypted.pdf', fixture('encrypted.pdf'), 'encrypted_pdf'],
      ['random-bytes.pdf', fixture('random-bytes.pdf'), 'unreadable_file'],
      ['huge-header.png', fixture('huge-header.png'), 'too_large'],
    ];
    for (const [name, bytes, code] of cases) {
      const started = Date.now();
      const doc = await reader.read(name, bytes);
      expect(doc.problems.map((p) => p.code), name).toEqual([code]);
      expect(Date.now() - started, name).toBeLessThan(2000);
    }
  });

  it('abandons a job over its time limit and replaces the stuck worker', async () => {
    const image = await sharp(await formImage()).resize(2480).png().toBuffer();
    const outcome = await pool.recognize({ image, width: 2480, height: 3508, page: 1, timeoutMs: 1 });
    expect(outcome.status).toBe('timeout');
    // Both workers still answer afterwards: the timed-out one was replaced.
    const after = await Promise.all([1, 2, 3].map(() => reader.read('photo.png', image)));
    for (const doc of after) expect(doc.problems).toEqual([]);
    expect(pool.size).toBe(2);
  });
});

describe('stopping a Tesseract worker mid-call', () => {
  it('leaves no unhandled rejection when a recognize call is already on its way', async () => {
    const worker = await startTesseractWorker({ langPath, languages: ['eng'], startTimeoutMs: 30_000 });
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      // recognize() first awaits loading the image, then posts the job; the worker is stopped in between,
      // as the pool does when a job's clock runs out at that moment.
      const call = worker.recognize(await formImage());
      await stopTesseractWorker(worker);
      const settled = await Promise.race([call.then(() => 'settled', () => 'settled'), sleep(300).then(() => 'pending')]);
      await sleep(100);
      expect(unhandled).toEqual([]);
      expect(settled).toBe('pending');
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});

describe('OcrPool start-up', () => {
  it('fails fast with ocr_unavailable when the language folder is missing', async () => {
    const started = Date.now();
    const error = await OcrPool.start({ langPath: '/nonexistent/ocr-data', size: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('ocr_unavailable');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('fails with ocr_unavailable, not a hang, when the language data is corrupt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocr-data-'));
    // Passes the quick size and header check, then fails inside Tesseract.
    const junk = Buffer.alloc(1_200_000, 0xff);
    junk.writeInt32LE(24, 0);
    writeFileSync(join(dir, 'rus.traineddata'), junk);
    writeFileSync(join(dir, 'eng.traineddata'), junk);
    const started = Date.now();
    const error = await OcrPool.start({ langPath: dir, size: 1, startTimeoutMs: 10_000 }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('ocr_unavailable');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
