import { describe, expect, it } from 'vitest';
import { tsvToPageText } from '../../../../src/adapters/ocr/tsv-to-page-text.ts';

// What `tesseract … -c tessedit_create_tsv=1` writes: a header, then page, block, paragraph, line and word rows.
const TSV = [
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
  '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
  '2\t1\t1\t0\t0\t0\t200\t100\t900\t60\t-1\t',
  '3\t1\t1\t1\t0\t0\t200\t100\t900\t60\t-1\t',
  '4\t1\t1\t1\t1\t0\t200\t100\t900\t40\t-1\t',
  '5\t1\t1\t1\t1\t1\t200\t100\t300\t40\t96.5\tНомер',
  '5\t1\t1\t1\t1\t2\t520\t102\t260\t38\t91.5\tзаказа',
  '5\t1\t1\t1\t1\t3\t800\t101\t300\t40\t80\tKM-60954',
  '2\t1\t2\t0\t0\t0\t200\t300\t400\t40\t-1\t',
  '3\t1\t2\t1\t0\t0\t200\t300\t400\t40\t-1\t',
  '4\t1\t2\t1\t1\t0\t200\t300\t400\t40\t-1\t',
  '5\t1\t2\t1\t1\t1\t200\t300\t400\t40\t95\t ',
  '',
].join('\n');

describe('tsvToPageText', () => {
  it('makes lines of the words of each line, with their boxes and confidences in [0, 1]', () => {
    const page = tsvToPageText(TSV, 2, 2480, 3508);
    expect(page.lines).toEqual([{ text: 'Номер заказа KM-60954', confidence: (96.5 + 91.5 + 80) / 300, box: { page: 2, x: 200, y: 100, width: 900, height: 40 } }]);
    expect(page.words).toEqual([
      { text: 'Номер', confidence: 0.965, x0: 200, y0: 100, x1: 500, y1: 140 },
      { text: 'заказа', confidence: 0.915, x0: 520, y0: 102, x1: 780, y1: 140 },
      { text: 'KM-60954', confidence: 0.8, x0: 800, y0: 101, x1: 1100, y1: 141 },
    ]);
    expect([page.width, page.height]).toEqual([2480, 3508]);
  });

  it('gives one line per word when asked (zone OCR cuts a row into cells by x)', () => {
    expect(tsvToPageText(TSV, 1, 2480, 3508, true).lines.map((l) => [l.text, l.box?.x])).toEqual([['Номер', 200], ['заказа', 520], ['KM-60954', 800]]);
  });

  it('reads nothing from output that is not TSV', () => {
    expect(tsvToPageText('Error: no such file\n', 1, 10, 10)).toEqual({ page: 1, lines: [], words: [], width: 10, height: 10 });
  });
});
