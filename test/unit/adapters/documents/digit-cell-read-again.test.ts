// A digit cell of our form read as nothing, or as a letter no digit looks like, is read once more by the English
// model alone (read-form-zones.ts): one missing digit otherwise fails the whole number's format.
import { describe, expect, it } from 'vitest';
import { digitReadAgain } from '../../../../src/adapters/documents/read-form-zones.ts';
import type { OcrJob } from '../../../../src/adapters/ocr/ocr-engine.ts';
import type { PageText } from '../../../../src/domain/document.ts';
import { FakeOcrEngine } from './fake-ocr-engine.ts';

const cell = { data: new Uint8Array(48 * 60).fill(255), width: 48, height: 60 };
const first = (text: string, confidence = 0.7): PageText => ({ page: 1, lines: text ? [{ text, confidence }] : [] });
const english = (text: string, confidence = 0.8) =>
  new FakeOcrEngine((job: OcrJob) => ({ status: 'done', page: { page: job.page, lines: [{ text, confidence }] } }));

describe('digitReadAgain', () => {
  it('takes the digit English reads, no surer than the first reading', async () => {
    const ocr = english('4');
    const again = await digitReadAgain(ocr, Buffer.from(''), cell, 1, 1000, first('Ц', 0.6));
    expect(again).toEqual({ status: 'done', page: { page: 1, lines: [{ text: '4', confidence: 0.6 }] } });
    expect(ocr.jobs[0]!.languages).toEqual(['eng']);
    expect(ocr.jobs[0]!.psm).toBe('10');
  });

  it('counts a cell the first reading found nothing in as read with no confidence', async () => {
    const again = await digitReadAgain(english('7'), Buffer.from(''), cell, 1, 1000, first(''));
    expect(again?.status === 'done' && again.page.lines[0]).toEqual({ text: '7', confidence: 0 });
  });

  it('reads the cell once more with its ink a pixel bolder when English reads nothing either', async () => {
    // A thin stroke: one column of ink; the bolder copy is three columns wide.
    const thin = { data: new Uint8Array(48 * 60).fill(255), width: 48, height: 60 };
    for (let y = 10; y < 50; y++) thin.data[y * 48 + 24] = 40;
    let calls = 0;
    const ocr = new FakeOcrEngine((job: OcrJob) => ({ status: 'done', page: { page: job.page, lines: calls++ === 0 ? [] : [{ text: '1', confidence: 0.7 }] } }));
    const again = await digitReadAgain(ocr, Buffer.from(''), thin, 1, 1000, first('Ж', 0.5));
    expect(again?.status === 'done' && again.page.lines[0]).toEqual({ text: '1', confidence: 0.5 });
    expect(ocr.jobs).toHaveLength(2);
    expect(ocr.jobs.every((j) => j.languages?.[0] === 'eng' && j.psm === '10')).toBe(true);
  });

  it('gives nothing where English reads no digit either, or does not finish', async () => {
    expect(await digitReadAgain(english('Ж'), Buffer.from(''), cell, 1, 1000, first('Ц'))).toBeUndefined();
    const late = new FakeOcrEngine(() => ({ status: 'timeout', seconds: 1 }));
    expect(await digitReadAgain(late, Buffer.from(''), cell, 1, 1000, first('Ц'))).toBeUndefined();
  });
});
