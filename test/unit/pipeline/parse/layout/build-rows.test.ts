import { describe, expect, it } from 'vitest';
import { buildRows } from '../../../../../src/pipeline/parse/layout/build-rows.ts';
import { positionedWords } from '../positioned-document.ts';

const texts = (rows: ReturnType<typeof buildRows>) => rows.map((r) => r.cells.map((c) => c.text));

describe('buildRows', () => {
  it('keeps two tables printed side by side as four cells of one row, not one run of text', () => {
    const rows = buildRows(positionedWords([
      [100, [10, 'ФИО / Full name'], [120, 'Зайцева Александра Михайловна'], [320, 'No.'], [400, 'KM-60954']],
      [120, [10, 'Телефон / Phone'], [120, '+7 (905) 446-40-76'], [320, 'date'], [400, '24/06/2026']],
    ]));
    expect(texts(rows)).toEqual([
      ['ФИО / Full name', 'Зайцева Александра Михайловна', 'No.', 'KM-60954'],
      ['Телефон / Phone', '+7 (905) 446-40-76', 'date', '24/06/2026'],
    ]);
  });

  it('leaves out a table rule OCR read as a bar, so that the cells on either side stay apart; a typed bar is text', () => {
    // Without the rules, the values stand 12 units (a bar and its spaces) apart, wider than a cell gap.
    const row: Parameters<typeof positionedWords>[0] = [[100, [0, '|'], [12, 'LH-NG-757-11'], [84, '|'], [96, '4640962696215'], [200, '52']]];
    // A rule runs the cell's height, twice the text's.
    const ocr = positionedWords(row).map((w) => ({ ...w, confidence: 0.9, ...(w.text === '|' ? { y0: 95, y1: 115 } : {}) }));
    expect(texts(buildRows(ocr))).toEqual([['LH-NG-757-11', '4640962696215', '52']]);
    // A handwritten 1 read as a bar stands no taller than the words beside it: it is kept.
    const written = positionedWords([[100, [0, 'LH-NG-757-11'], [120, '|'], [200, '2290']]]).map((w) => ({ ...w, confidence: 0.9 }));
    expect(texts(buildRows(written))).toEqual([['LH-NG-757-11', '|', '2290']]);
    expect(texts(buildRows(positionedWords(row)))[0]!.join(' ')).toContain('|');
  });

  it('levels a page photographed at a slant, so a row is not split across its width', () => {
    // 3° of tilt: over 400 units the row drops 21, twice the line height.
    const rows = buildRows(positionedWords([
      [100, [10, 'Дата получения товара'], [400, '5 декабря 2026 г.']],
      [130, [10, 'Телефон'], [400, '8-991-561-94-37']],
      [160, [10, 'E-mail'], [400, 'polina93@yandex.ru']],
      [190, [10, 'Номер заказа'], [400, 'LH-57413']],
      [220, [10, 'Комментарий к заказу'], [400, 'затяжки на ткани']],
    ], Math.tan((3 * Math.PI) / 180)));
    expect(texts(rows)).toEqual([
      ['Дата получения товара', '5 декабря 2026 г.'],
      ['Телефон', '8-991-561-94-37'],
      ['E-mail', 'polina93@yandex.ru'],
      ['Номер заказа', 'LH-57413'],
      ['Комментарий к заказу', 'затяжки на ткани'],
    ]);
  });

  it('glues a point a PDF draws apart from its word, and keeps two close lines of a small label apart', () => {
    const words = [
      { text: 'Кол', confidence: 1, x0: 10, x1: 25, y0: 100, y1: 110 },
      { text: '.', confidence: 1, x0: 25, x1: 27, y0: 100, y1: 110 },
      { text: 'Qty', confidence: 1, x0: 30, x1: 45, y0: 100, y1: 110 },
      { text: 'Delivered', confidence: 0.9, x0: 12, x1: 50, y0: 108, y1: 116 },
    ];
    expect(texts(buildRows(words))).toEqual([['Кол. Qty'], ['Delivered']]);
  });

  it('keeps a justified line of a letter one cell, however wide its stretched spaces', () => {
    const words = 'В ходе использования в товаре обнаружила недостаток: сломалась молния.'.split(' ');
    let x = 10;
    const line = words.map((text, i) => {
      const w = { text, confidence: 1, x0: x, x1: x + text.length * 5, y0: 100, y1: 110 };
      x = w.x1 + (i % 3 === 0 ? 13 : 8); // spaces stretched to 0.8–1.3 line heights
      return w;
    });
    expect(texts(buildRows(line))).toEqual([[words.join(' ')]]);
  });

  it('takes a word whose box a pen stroke stretched back into the gap of its row, and leaves a line of its own alone', () => {
    const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({ text, confidence: 0.96, x0, y0, x1, y1 });
    const rows = buildRows([
      word('Дата', 202, 2614, 273, 2644),
      word('заполнения', 286, 2620, 464, 2639),
      word('23', 941, 2610, 986, 2642),
      // The signature's stroke below ran into the month: its box reaches 2671 and its centre falls below the row.
      word('апреля', 1019, 2618, 1169, 2671),
      word('2026', 1203, 2609, 1302, 2641),
      word('г.', 1335, 2619, 1373, 2641),
      // The next line, under the same gap, is a line of its own.
      word('Подпись', 1019, 2726, 1150, 2756),
    ]);
    expect(texts(rows)).toEqual([['Дата заполнения', '23 апреля 2026 г.'], ['Подпись']]);
  });
  it('sets masking stars and unread marks that sit inside a row back into it, and leaves specks and printed lines alone', () => {
    const word = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 0.9) => ({ text, confidence, x0, y0, x1, y1 });
    // Boxes from a scanned letter: the stars sit high in the line, so OCR gave them a line of their own.
    const stars = buildRows([
      word('5469', 357, 1735, 455, 1773),
      word('38**', 471, 1736, 561, 1773),
      word('****', 574, 1736, 657, 1754),
      word('0516,', 672, 1735, 783, 1780),
      word('с', 797, 1747, 816, 1773),
      word('которой', 831, 1737, 1012, 1782),
      word('производилась', 1027, 1747, 1363, 1782),
    ]);
    expect(texts(stars)).toEqual([['5469 38** **** 0516, с которой производилась']]);
    // Stars OCR took for letters, read with no confidence, before the last four.
    const unread = buildRows([
      word('КЖ', 359, 1715, 442, 1734, 0.3),
      word('ЖЖ', 456, 1716, 517, 1735, 0.47),
      word('ЖЖ', 553, 1716, 636, 1735, 0),
      word('4520,', 649, 1715, 761, 1761),
      word('с', 776, 1733, 794, 1761),
      word('которой', 809, 1713, 990, 1761),
    ]);
    expect(texts(unread)[0]!.join(' ')).toBe('КЖ ЖЖ ЖЖ 4520, с которой');
    // A lone comma is a speck as often as it is the row's; a small printed word read with confidence is its own line.
    const row = [word('Халат', 330, 1735, 430, 1775), word('вафельный', 445, 1735, 640, 1775)];
    expect(texts(buildRows([word('‚', 300, 1740, 310, 1752), ...row]))).toContainEqual(['Халат вафельный']);
    expect(texts(buildRows([...row, word('см.', 660, 1735, 700, 1750, 0.95)]))).toContainEqual(['Халат вафельный']);
  });
});
