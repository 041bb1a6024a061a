import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';
import { positionedDocument } from './positioned-document.ts';

const items = (r: ReturnType<typeof parseDocument>) => r.items.map((item) => Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v!.value])));

describe('items table on the page geometry', () => {
  it('reads any subset of columns by the header\'s spans, skips a barcode column, joins a wrapped name', () => {
    const r = parseDocument(positionedDocument([
      [80, [10, 'БЛАНК ВОЗВРАТА ТОВАРА']],
      [100, [10, 'Артикул'], [80, 'Штрихкод'], [170, 'Наименование'], [300, 'Размер'], [350, 'Кол-во'], [400, 'Цена, руб.'], [470, 'Сумма, руб.']],
      [116, [170, 'Комплект постельного']],
      [122, [10, 'LH-BD-766-02'], [80, '4680387705505'], [300, 'евро'], [355, '3'], [400, '6 150,00'], [470, '18 450,00']],
      [128, [170, 'белья, сатин']],
      [145, [10, 'LH-HL-557'], [80, '4699657547912'], [170, 'Халат вафельный'], [305, '52'], [355, '1'], [400, '3 099,50'], [470, '3 099,50']],
      [165, [300, 'Итого к возврату, руб.:'], [470, '21 549,50']],
    ]));
    expect(items(r)).toEqual([
      { sku: 'LH-BD-766-02', name: 'Комплект постельного белья, сатин', size: 'евро', quantity: '3', price: '6150.00' },
      { sku: 'LH-HL-557', name: 'Халат вафельный', size: '52', quantity: '1', price: '3099.50' },
    ]);
    // The printed total confirms the prices: 3 × 6 150,00 + 3 099,50 = 21 549,50.
    expect(r.items.every((item) => item.price!.confidence >= 0.9)).toBe(true);
  });

  it('joins a wrapped name\'s end that carries the tail of a line total OCR split over two rows', () => {
    const r = parseDocument(positionedDocument([
      [100, [10, 'Артикул'], [80, 'Штрихкод'], [170, 'Наименование'], [300, 'Размер'], [350, 'Кол-во'], [400, 'Цена, руб.'], [470, 'Сумма, руб.']],
      [116, [170, 'Боди с длинным']],
      [122, [10, 'KP-BD-491-05'], [80, '4673089641523'], [300, '92'], [355, '1'], [400, '1 550,90'], [470, '1']],
      [128, [170, 'рукавом, 3 шт.'], [478, '550,90']],
      [145, [10, 'KP-KR-177'], [80, '4612877187263'], [170, 'Куртка утеплённая'], [305, '98'], [355, '1'], [400, '5 700,00'], [470, '5 700,00']],
    ], 'ocr'));
    expect(items(r).map((item) => item.name)).toEqual(['Боди с длинным рукавом, 3 шт.', 'Куртка утеплённая']);
  });

  it('names a column whose title OCR garbled by the values under it, and a title garbled past its start', () => {
    const r = parseDocument(positionedDocument([
      [100, [10, 'Артикул'], [80, 'Штрихкод'], [170, 'Hasseenosanne'], [300, 'Pamep'], [350, 'Коло'], [380, 'Цена. py.'], [470, 'Сумма, руб.']],
      // OCR cut the amounts at their thousands gap into cells of their own, as on a photo.
      [122, [10, 'KP-PZ-462'], [80, '4660399358364'], [170, 'Пижама детская'], [305, '80'], [355, '1'], [390, '1'], [412, '700'], [465, '1'], [487, '700']],
      [145, [10, 'KP-SH-877'], [80, '4661795308236'], [170, 'Рубашка'], [305, '98'], [355, '2'], [390, '1'], [412, '090'], [465, '2'], [487, '180']],
      [165, [300, 'Итого к возврату, руб.:'], [470, '3 880']],
    ], 'ocr'));
    expect(items(r)).toEqual([
      { sku: 'KP-PZ-462', name: 'Пижама детская', size: '80', quantity: '1', price: '1700.00' },
      { sku: 'KP-SH-877', name: 'Рубашка', size: '98', quantity: '2', price: '1090.00' },
    ]);
  });

  it('reads titles a photo garbled by an edit or two, and up to as many garbled titles as read ones by their values', () => {
    const r = parseDocument(positionedDocument([
      // "Штрихнод" and "Цема" are a letter off; "тия", "Ноименов ше" and "Ример" are past reading; the rules between
      // the first titles were read as bars. A name wraps round its row's figures, so no row reads alone by its kinds.
      [100, [0, '|'], [20, 'тия'], [60, '|'], [80, 'Штрихнод'], [170, 'Ноименов ше'], [300, 'Ример'], [345, 'Кол-во'], [395, 'Цема. руб.'], [470, 'Сумма, руб.']],
      [116, [170, 'Комплект постельного']],
      [122, [20, 'LH-BD-355'], [80, '4624234984880'], [300, '1,5-сп.'], [355, '1'], [390, '6 699'], [470, '6 699']],
      [128, [170, 'белья, сатин']],
      [145, [20, 'SV-K-394'], [80, '4641515614816'], [170, 'Кроссовки женские'], [305, '36,5'], [355, '2'], [390, '4 890']],
    ], 'ocr'));
    expect(items(r)).toEqual([
      { sku: 'LH-BD-355', name: 'Комплект постельного белья, сатин', size: '1,5-сп.', quantity: '1', price: '6699.00' },
      { sku: 'SV-K-394', name: 'Кроссовки женские', size: '36,5', quantity: '2', price: '4890.00' },
    ]);
  });

  it('keeps the index column a "№" heads on a photo: it is a title, not a rule read as a sign', () => {
    const r = parseDocument(positionedDocument([
      [100, [10, '№'], [40, 'Артикул'], [110, 'Наименование'], [280, 'Размер'], [330, 'Кол-во'], [380, 'Сумма, руб.']],
      [120, [12, '1'], [40, 'KN-8126'], [110, 'Джемпер кашемировый'], [285, 'М'], [335, '1'], [380, '9 890,00']],
      [140, [12, '2'], [40, 'TS-2210'], [110, 'Футболка оверсайз чёрная'], [285, 'L'], [335, '1'], [380, '1 990,00']],
    ], 'ocr'));
    expect(items(r).map((item) => item.sku)).toEqual(['KN-8126', 'TS-2210']);
  });

  it('keeps a header whose spans describe most rows when OCR garbled one row\'s money into two figures', () => {
    const r = parseDocument(positionedDocument([
      [100, [10, 'Артикул'], [80, 'Штрихкод'], [170, 'Наименование'], [300, 'Размер'], [345, 'Кол-во'], [395, 'Цена, руб.'], [470, 'Сумма, руб.']],
      [122, [10, 'SV-B-527-@2'], [80, '4691841460700'], [170, 'Ботинки зимние мужские'], [305, '36'], [355, '1'], [395, '10 490'], [470, '10 490']],
      // "7 700" read as "7" and "7009": two figures that are no one amount.
      [145, [10, 'SV-CH-995'], [80, '4662335061604'], [170, 'Челси мужские кожаные'], [305, '38'], [355, '1'], [395, '7'], [415, '7009'], [470, '7 700']],
      [168, [10, 'SV-SL-725'], [80, '4671257210076'], [170, 'Слипоны детские'], [305, '33'], [355, '1'], [395, '1 890'], [470, '1 890']],
    ], 'ocr'));
    expect(items(r).map((item) => [item.sku, item.name, item.size])).toEqual([
      ['SV-B-527-02', 'Ботинки зимние мужские', '36'],
      ['SV-CH-995', 'Челси мужские кожаные', '38'],
      ['SV-SL-725', 'Слипоны детские', '33'],
    ]);
  });

  it('splits a title and its translation from the next title in one cell, and reads past a speck under the header', () => {
    const doc = positionedDocument([
      [100, [10, '№'], [40, 'Код товара / Item code'], [170, 'Описание / Description'], [380, 'Кол. / / Qty _ Цена / Price'], [500, 'Сумма / Amount']],
      [112, [200, 'зы']],
      [125, [10, '1'], [40, 'KM774-WHT'], [170, 'Ремень кожаный классический'], [385, '2'], [440, '2 290,00 RUB'], [500, '4 580,00 RUB']],
      [145, [300, 'Итого к возврату / Total refund, RUB'], [500, '4 580,00 RUB']],
    ], 'ocr');
    // The speck: what OCR made of dirt between the header and the first row, with no confidence.
    for (const word of doc.pages[0]!.words!) if (word.text === 'зы') word.confidence = 0.02;
    const r = parseDocument(doc);
    expect(items(r)).toEqual([{ sku: 'KM774-WHT', name: 'Ремень кожаный классический', quantity: '2', price: '2290.00' }]);
  });

  it('does not take a header whose one title stands over a code and a name (its titles ran together)', () => {
    const r = parseDocument(positionedDocument([
      [100, [10, '№'], [40, 'Код товара / Item code Описание / Description —ыйй2ю/'], [380, 'Цена / Price Сумма / Amount']],
      [125, [10, '1'], [40, 'KM802-NVY'], [170, 'Ремень кожаный классический'], [385, '1'], [440, '2 399,00 RUB'], [500, '2 399,00 RUB']],
      [145, [10, '2'], [40, 'KM739-OLV'], [170, 'Сумка кросс-боди'], [385, '1'], [440, '6 600,00 RUB'], [500, '6 600,00 RUB']],
    ], 'ocr'));
    expect(items(r).map((item) => [item.sku, item.name])).toEqual([['KM802-NVY', 'Ремень кожаный классический'], ['KM739-OLV', 'Сумка кросс-боди']]);
  });

  it('reads rows by the kinds of their cells when the header is unreadable (a dark header band under OCR)', () => {
    const r = parseDocument(positionedDocument([
      [60, [10, 'Заявление на возврат товара / Product return request']],
      [100, [10, '| № ='], [40, 'Kon ТОВара'], [170, 'Пе соаеа'], [380, 'Oty Цена /Pricams']],
      [120, [10, '1'], [40, 'KM719-GRY'], [170, 'Очки солнцезащитные поляризационные'], [380, '1'], [420, '3 100,00 RUB'], [500, '3 100,00 RUB']],
      [140, [10, '2'], [40, 'KM285-NVY'], [170, 'Перчатки кожаные утеплённые'], [380, '2'], [420, '2 750,00 RUB'], [500, '5 500,00 RUB']],
      [160, [300, 'Итого к возврату / Total refund, RUB'], [500, '8 600,00 RUB']],
    ], 'ocr'));
    expect(items(r)).toEqual([
      { sku: 'KM719-GRY', name: 'Очки солнцезащитные поляризационные', quantity: '1', price: '3100.00' },
      { sku: 'KM285-NVY', name: 'Перчатки кожаные утеплённые', quantity: '2', price: '2750.00' },
    ]);
  });
});

describe('rows read by their cells\' kinds, amounts written by hand (#15)', () => {
  it('whole amounts without kopecks, children\'s heights as sizes, a unit price without kopecks before a line total with them', () => {
    const r = parseDocument(positionedDocument([
      [60, [10, 'БЛАНК ВОЗВРАТА ТОВАРА']],
      [100, [10, 'Артикул'], [90, 'Штрихкод'], [170, 'Наюменование'], [300, 'Рамер — Колю'], [400, 'Шар.'], [470, 'Сумма. руб.']],
      [122, [10, 'KP-BD-184-02'], [90, '4662008388618'], [170, 'Боди с длинным рукавом'], [305, '80'], [355, '1'], [400, '1390'], [470, '1390']],
      [145, [10, 'KP-KR-482'], [90, '4645552879115'], [170, 'Куртка утеплённая'], [300, '104-110'], [355, '1'], [400, '6090'], [470, '6090']],
      [168, [10, 'KP-PZ-526'], [90, '4688464803530'], [170, 'Пижама детская'], [305, '116'], [355, '3'], [400, '1490'], [470, '4470,00']],
    ], 'ocr'));
    expect(items(r)).toEqual([
      { sku: 'KP-BD-184-02', name: 'Боди с длинным рукавом', size: '80', quantity: '1', price: '1390.00' },
      { sku: 'KP-KR-482', name: 'Куртка утеплённая', size: '104-110', quantity: '1', price: '6090.00' },
      { sku: 'KP-PZ-526', name: 'Пижама детская', size: '116', quantity: '3', price: '1490.00' },
    ]);
  });
});
