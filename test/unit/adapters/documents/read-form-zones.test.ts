// Zone OCR's geometry and output format against a real sample scan, with a fake OCR engine: which zones are
// sent (blank ones are not), how answers become "<label>: <value>" lines, ticks read from the ink, and the
// fall-back signal for pages that are not our form.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readFormZones } from '../../../../src/adapters/documents/read-form-zones.ts';
import { checkboxRegion, PX_PER_MM } from '../../../../src/adapters/documents/form-zones.ts';
import { decodePage } from '../../../../src/adapters/images/prepare-for-ocr.ts';
import type { OcrJob } from '../../../../src/adapters/ocr/ocr-engine.ts';
import { FakeOcrEngine } from './fake-ocr-engine.ts';

const sample = (name: string) => readFileSync(new URL(`../../../../samples/documents/${name}`, import.meta.url));

/** Answers every crop with the same text, one word per line when words are asked for. */
function echo(text: string) {
  return new FakeOcrEngine((job: OcrJob) => ({
    status: 'done',
    page: {
      page: job.page,
      lines: job.words
        ? text.split(' ').map((word, i) => ({ text: word, confidence: 0.9, box: { page: job.page, x: 20 + i * 10, y: 5, width: 8, height: 20 } }))
        : [{ text, confidence: 0.9 }],
    },
  }));
}

describe('readFormZones', () => {
  it('reads our form as label lines the parser knows, skipping blank zones and reading ticks from the ink', async () => {
    const page = await decodePage(sample('04-scan-300dpi.png'), { maxPixels: 50_000_000 });
    const ocr = echo('RETURN APPLICATION');
    const result = await readFormZones(ocr, page, 1, 10_000);
    expect(result.status).toBe('read');
    if (result.status !== 'read') return;
    const texts = result.page.lines.map((l) => l.text);
    expect(texts[0]).toBe('ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА / RETURN APPLICATION');
    expect(texts).toContain('Номер заказа / Order number: RETURN APPLICATION');
    expect(texts).toContain('E-mail: RETURN APPLICATION');
    // This applicant chose a card: the bank-account zones are blank and never reach the OCR.
    expect(texts.some((t) => t.startsWith('БИК / BIK'))).toBe(false);
    expect(texts).toContain('[X] На карту / Card');
    expect(texts).toContain('[ ] На банковский счёт / Bank account');
    expect(texts).toContain('[X] Товар надлежащего качества / Proper quality');
    expect(texts).toContain('Артикул | Наименование | Размер | Кол-во | Цена, ₽ | Причина');
    // Every job is one line of text at 300 dpi, far smaller than the page.
    expect(ocr.jobs.every((j) => j.psm === '7' && j.height < 200)).toBe(true);
    // Boxes are on the page image, in reading order from the top.
    const ys = result.page.lines.map((l) => l.box!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    for (const line of result.page.lines) expect(line.box!.x + line.box!.width).toBeLessThanOrEqual(page.width);
  });

  it('reads the photographed sample through its perspective', async () => {
    const page = await decodePage(sample('05-phone-photo.jpg'), { maxPixels: 50_000_000 });
    const result = await readFormZones(echo('ЗАЯВЛЕНИЕ НА ВОЗВРАТ'), page, 1, 10_000);
    expect(result.status).toBe('read');
    if (result.status !== 'read') return;
    expect(result.page.lines.map((l) => l.text)).toContain('[X] Не тот товар / Wrong item');
  });

  it('reads a tick box scribbled out as unticked (the customer took that choice back)', async () => {
    const scan = sample('04-scan-300dpi.png');
    const { width, height } = await sharp(scan).metadata();
    const box = checkboxRegion('refundMethod', 1);
    const px = (mm: number) => Math.round(mm * PX_PER_MM);
    // The box of "Card", which this applicant ticked, blacked out past its edges.
    const scribble = `<svg width="${width}" height="${height}"><rect x="${px(box.x - 0.6)}" y="${px(box.y - 0.6)}" width="${px(box.width + 1.2)}" height="${px(box.height + 1.2)}" fill="#111"/></svg>`;
    const scribbled = await sharp(scan).composite([{ input: Buffer.from(scribble) }]).png().toBuffer();
    const result = await readFormZones(echo('RETURN APPLICATION'), await decodePage(scribbled, { maxPixels: 50_000_000 }), 1, 10_000);
    if (result.status !== 'read') throw new Error(result.status);
    const texts = result.page.lines.map((l) => l.text);
    expect(texts).toContain('[ ] На карту / Card');
    expect(texts).toContain('[ ] На банковский счёт / Bank account');
  });

  it('says not_our_form when the anchors do not read as our title or form id', async () => {
    const page = await decodePage(sample('04-scan-300dpi.png'), { maxPixels: 50_000_000 });
    expect((await readFormZones(echo('Счёт-фактура'), page, 1, 10_000)).status).toBe('not_our_form');
  });

  it('says not_our_form, without any OCR, for a page with no table', async () => {
    const blank = await sharp({ create: { width: 2480, height: 3508, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const ocr = echo('RETURN APPLICATION');
    expect((await readFormZones(ocr, await decodePage(blank, { maxPixels: 50_000_000 }), 1, 10_000)).status).toBe('not_our_form');
    expect(ocr.jobs).toEqual([]);
  });

  it('passes an OCR timeout on as a problem instead of falling back', async () => {
    const page = await decodePage(sample('04-scan-300dpi.png'), { maxPixels: 50_000_000 });
    const ocr = new FakeOcrEngine(() => ({ status: 'timeout', seconds: 1 }));
    expect(await readFormZones(ocr, page, 1, 1000)).toMatchObject({ status: 'ocr_problem', outcome: { status: 'timeout' } });
  });
});
