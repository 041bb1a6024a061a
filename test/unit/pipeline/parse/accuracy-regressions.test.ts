// Regression tests for the parser bugs the accuracy benchmark (bench/accuracy.ts) found on the samples;
// each test is named after its bug.
import { describe, expect, it } from 'vitest';
import { normalizeSku } from '../../../../src/domain/validation/normalize-sku.ts';
import { normalizePhone } from '../../../../src/domain/validation/normalize-phone.ts';
import { fixLookalikeWords } from '../../../../src/domain/validation/fix-lookalike-words.ts';
import { normalizeField } from '../../../../src/pipeline/parse/normalize-field.ts';
import { normalizeItemCell } from '../../../../src/pipeline/parse/normalize-item.ts';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';
import { makeDocument } from './make-document.ts';
import { positionedDocument } from './positioned-document.ts';

const values = (r: ReturnType<typeof parseDocument>) => r.items.map((item) => Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v!.value])));

describe('accuracy regressions', () => {
  it('column-major-text-layer-table: a table whose text layer reads column by column is read', () => {
    // pdf-parse gives our form's table in drawing order: each header (RU, EN) followed by its cells.
    const text = ['Номер заказа / Order number: 4821-5567', 'Артикул', 'SKU', 'TS-1045', 'BG-0954', 'Наименование', 'Item', 'Футболка', 'Рюкзак', 'Размер', 'Size', 'M', 'Кол-во', 'Qty', '1', '2', 'Цена, ₽', 'Price, RUB', '3 000,00', '4590.00', 'Причина', 'Reason', 'Не подошёл', 'Брак', 'Причина возврата / Reason for return: [X] Брак / Defect'];
    const r = parseDocument(makeDocument(text.join('\n')));
    // The size column has one cell for two rows: it cannot be placed, so it is left out rather than shifted.
    expect(values(r)).toEqual([
      { sku: 'TS-1045', name: 'Футболка', quantity: '1', price: '3000.00', reason: 'proper_quality' },
      { sku: 'BG-0954', name: 'Рюкзак', quantity: '2', price: '4590.00', reason: 'defect' },
    ]);
    expect(r.fields.reason?.value).toBe('defect');
  });

  it('barcode-in-name: a row joined by single spaces leaves its barcode out of the name', () => {
    const text = ['Артикул Штрихкод Наименование Цена, руб.', 'SV-CH-995 4662335061604 Челси мужские кожаные 7 700,00', 'SV-SL-725 46712572 Слипоны детские 1 890,00'];
    expect(values(parseDocument(makeDocument(text.join('\n')))).map((item) => item.name)).toEqual(['Челси мужские кожаные', 'Слипоны детские']);
  });

  it('body-item-lines: items typed one per line with labelled cells are read', () => {
    const body = [
      'Номер заказа / Order number: 4829-6620',
      'Товары к возврату / Items to return:',
      '1. Артикул / SKU: BG-1188; Наименование / Item: Сумка-тоут кожаная; Кол-во / Qty: 1; Цена, руб. / Price, RUB: 6 490,00; Причина / Reason: Не подошёл',
      'Причина возврата / Reason for return:',
    ].join('\n');
    const r = parseDocument(makeDocument(body, 'body'));
    expect(values(r)).toEqual([{ sku: 'BG-1188', name: 'Сумка-тоут кожаная', quantity: '1', price: '6490.00', reason: 'proper_quality' }]);
    expect(r.fields.reasonText).toBeUndefined();
  });

  it('thousands-join-swallows-quantity: "1 6990.00" is quantity 1 and 6990.00, not 16 990', () => {
    const text = ['Артикул Наименование Размер Кол-во Цена Причина', 'DR-6614 Платье миди 46 1 6990.00 Брак'];
    expect(values(parseDocument(makeDocument(text.join('\n'))))).toEqual([{ sku: 'DR-6614', name: 'Платье миди', size: '46', quantity: '1', price: '6990.00', reason: 'defect' }]);
  });

  it('ocr-table-header-drops-a-cell: our header read without "Кол-во" still splits rows into all columns', () => {
    const lines: Array<[string, number]> = [
      ['Артикул Наименование Размер Цена, Прич |', 0.88],
      ['JN-5082 Джинсы прямые 30 1 | 5490 | Брак | |', 0.79],
      ['K', 0.92],
      ['| sH-2635 Рубашка льняная М 1 | 3490 | Брак', 0.8],
    ];
    const r = values(parseDocument(makeDocument(lines, 'ocr')));
    expect(r).toEqual([
      { sku: 'JN-5082', name: 'Джинсы прямые', size: '30', quantity: '1', price: '5490.00', reason: 'defect' },
      { sku: 'SH-2635', name: 'Рубашка льняная', size: 'M', quantity: '1', price: '3490.00', reason: 'defect' },
    ]);
  });

  it('section-heading-read-as-name: "ПОКУПАТЕЛЬ / CUSTOMER" is not the name "Customer"', () => {
    const r = parseDocument(makeDocument('ПОКУПАТЕЛЬ / CUSTOMER\nФИО / Full name: Ковалёва Анна Сергеевна'));
    expect(r.fields.fullName?.value).toBe('Ковалёва Анна Сергеевна');
  });

  it('letter-reason-details: "Подробнее:" holds the customer\'s words, the category line only the reason', () => {
    const r = parseDocument(makeDocument('Заявление на возврат товара\nПричина возврата: прислали не тот товар (пересорт)\nПодробнее: Прислали другой размер'));
    expect(r.fields.reason?.value).toBe('wrong_item');
    expect(r.fields.reasonText?.value).toBe('Прислали другой размер');
  });

  it('holder-after-comma: "…, получатель: ФИО" mid-line is read as the account holder', () => {
    const r = parseDocument(makeDocument('корр. счёт 30101810400000000225, получатель: Волков Сергей Андреевич'));
    expect(r.fields.accountHolder?.value).toBe('Волков Сергей Андреевич');
  });

  it('misread-email-label: the one address on the page is read even when its label was misread', () => {
    const lines: Array<[string, number]> = [
      ['Номер заказа / Order number: 4842-7813', 0.95],
      ['Дата заказа / Order date: 03.03.2025', 0.94],
      ['ФИО / Full name: Михайлов Артём Денисович', 0.93],
      ['Е-тай: |', 0.93],
      ['A.mikhaylov@mail.ru |', 0.92],
    ];
    const r = parseDocument(makeDocument(lines, 'ocr'));
    expect(r.fields.email?.value).toBe('a.mikhaylov@mail.ru');
    expect(r.fields.email!.confidence).toBeLessThan(0.9);
  });

  it('cyrillic-sku-from-ocr: an OCR\'d code in Cyrillic look-alikes is Latin; a typed one stays', () => {
    expect(normalizeSku('СТ-4451', { ocr: true })?.value).toBe('CT-4451');
    expect(normalizeSku('АРТ-123')?.value).toBe('АРТ-123');
  });

  it('latin-lookalike-words: "He ToT ToBap" and "OT фото" are Russian words', () => {
    expect(fixLookalikeWords('Цвет отличается OT фото на сайте').value).toBe('Цвет отличается от фото на сайте');
    expect(fixLookalikeWords('He ToT ToBap', { force: true }).value).toBe('Не тот товар');
    // A unit after a number is upright: "cm" is см, not the italic "ст".
    expect(fixLookalikeWords('Ваза керамическая Nordic, 25 cm').value).toBe('Ваза керамическая Nordic, 25 см');
    expect(fixLookalikeWords('Ваза керамическая, cmapa').value).toBe('Ваза керамическая, стара');
    expect(fixLookalikeWords('The colour is not what I expected').value).toBe('The colour is not what I expected');
    // A capitalised word beside a Latin name is part of it: "Runner Pro" is a model, not "Runner рго".
    expect(fixLookalikeWords('Кроссовки Runner Pro, бежевый, р. 42').value).toBe('Кроссовки Runner Pro, бежевый, р. 42');
    expect(fixLookalikeWords('Кроссовки Runner ToT, бежевый').value).toBe('Кроссовки Runner тот, бежевый');
  });

  it('ocr-dimension-sign: "130х170" read by OCR is 130×170 in an item name; a typed one stays as written', () => {
    expect(normalizeItemCell('name', 'Плед вязаный 130х170, молочный', true)).toMatchObject({ value: 'Плед вязаный 130×170, молочный', strict: false });
    expect(normalizeItemCell('name', 'Плед вязаный 130x170', false)?.value).toBe('Плед вязаный 130x170');
    expect(normalizeItemCell('name', 'Футболка XL, 2 х 3 шт.', true)?.value).toBe('Футболка XL, 2 х 3 шт.');
    expect(normalizeItemCell('size', '50х90', true)).toMatchObject({ value: '50×90', strict: false });
    expect(normalizeItemCell('size', '50x90', false)?.value).toBe('50x90');
  });

  it('letter-size-in-name: a letter size closing an OCR\'d name after its mark is Latin; a typed one, a digit, a word stay', () => {
    expect(normalizeItemCell('name', 'Брюки карго Utility, оливковый, р. М', true)).toMatchObject({ value: 'Брюки карго Utility, оливковый, р. M', strict: false });
    expect(normalizeItemCell('name', 'Футболка, размер ХХL', true)?.value).toBe('Футболка, размер XXL');
    expect(normalizeItemCell('name', 'Брюки, р. М', false)?.value).toBe('Брюки, р. М');
    expect(normalizeItemCell('name', 'Перчатки, р. 5', true)?.value).toBe('Перчатки, р. 5');
    expect(normalizeItemCell('name', 'Шапка, сезон Мех', true)?.value).toBe('Шапка, сезон Мех');
  });

  it('litre-misread: a lone п or a after a number closing an OCR\'d name is the litre sign', () => {
    expect(normalizeItemCell('name', 'Рюкзак городской 20 п', true)).toMatchObject({ value: 'Рюкзак городской 20 л', strict: false });
    expect(normalizeItemCell('name', 'Термос Stanley Classic 0,75 a', true)?.value).toBe('Термос Stanley Classic 0,75 л');
    expect(normalizeItemCell('name', 'Рюкзак городской 20 п', false)?.value).toBe('Рюкзак городской 20 п');
    expect(normalizeItemCell('name', 'Набор бокалов для вина, 4 шт.', true)?.value).toBe('Набор бокалов для вина, 4 шт.');
  });

  it('pieces-dot: a count of pieces closing an OCR\'d name gets back the dot of its abbreviation', () => {
    expect(normalizeItemCell('name', 'Набор бокалов для вина, 4 шт', true)).toMatchObject({ value: 'Набор бокалов для вина, 4 шт.', strict: false });
    expect(normalizeItemCell('name', 'Набор бокалов для вина, 4 шт', false)?.value).toBe('Набор бокалов для вина, 4 шт');
    expect(normalizeItemCell('name', 'Боди, 3 шт., хлопок', true)?.value).toBe('Боди, 3 шт., хлопок');
  });

  it('size-l-as-g: a letter size L that OCR read as the Cyrillic Г is L, counted as a correction', () => {
    expect(normalizeItemCell('size', 'Г', true)).toEqual({ value: 'L', fixes: 1, strict: false });
    expect(normalizeItemCell('size', 'ГГ', true)?.value).toBe('ГГ');
  });

  it('holder-on-next-line: a label ending a justified line of a letter takes the next line up to its next label', () => {
    const doc = positionedDocument([
      [100, [10, 'рублей 00 копеек) прошу перечислить'], [290, 'по'], [320, 'следующим реквизитам: Получатель:']],
      [113, [10, 'Яковлев Андрей Владимирович, Наименование банка: Филиал «Центральный» Банка ВТБ (ПАО)']],
    ], 'ocr');
    expect(parseDocument(doc, { today: '2026-06-02' }).fields.accountHolder?.value).toBe('Яковлев Андрей Владимирович');
  });

  it('card-stars-as-zhe: OCR reads a masked card\'s stars as "жжж*"; its last four are still read', () => {
    expect(normalizeField('cardLast4', '**** жжж* **** 8039, с которой производилась оплата заказа.', { ocr: true })?.value).toBe('8039');
    // …or as "КЖ ЖЖ": the stars of a scanned letter, set back into their row (build-rows marksHome).
    expect(normalizeField('cardLast4', 'КЖ ЖЖ ЖЖ 4520, с которой производилась оплата заказа.', { ocr: true })?.value).toBe('4520');
    // Words are not stars.
    expect(normalizeField('cardLast4', 'Книжка 4520', { ocr: true })).toBeUndefined();
  });

  it('holder-then-sentence: a name ends at a full stop after a whole word, not after an initial', () => {
    expect(normalizeField('accountHolder', 'Кузнецова Елизавета Ивановна. Наименование банка ПАО Банк «ФК', { ocr: true })?.value).toBe('Кузнецова Елизавета Ивановна');
    expect(normalizeField('accountHolder', 'Кузнецова Е. Ивановна', { ocr: true })?.value).toBe('Кузнецова Е. Ивановна');
    // A pen's dot before the patronymic does not end the name.
    expect(normalizeField('accountHolder', 'Козлова Анна. Владимировна', { ocr: true })?.value).toMatch(/^Козлова Анна\.? Владимировна$/);
  });

  it('holder-after-label-word: small-letter words before a capitalised name end the label, and leave the name unsure; a particle stays', () => {
    expect(normalizeField('accountHolder', 'платежа Кузнецова Елизавета Ивановна', { ocr: true })).toMatchObject({ value: 'Кузнецова Елизавета Ивановна', strict: false });
    expect(normalizeField('fullName', 'Кузнецова Елизавета Ивановна')).toMatchObject({ value: 'Кузнецова Елизавета Ивановна', strict: true });
    expect(normalizeField('fullName', 'де Сото Эрнандо')?.value).toBe('де Сото Эрнандо');
    expect(normalizeField('accountHolder', 'овчинникова Юлия Александровна', { ocr: true })?.value).toBe('овчинникова Юлия Александровна');
  });

  it('foreign-drama-number: +44 7700 900123 is a possible UK number, kept but not strict', () => {
    expect(normalizePhone('+44 7700 900123')).toEqual({ value: '+447700900123', fixes: 0, strict: false });
  });

  it('english-item-reason: "Changed mind" is proper quality', () => {
    const r = parseDocument(makeDocument('SKU Item Size Qty Price Reason\nKN-3402 Mohair cardigan S 1 6890.00 Changed mind'));
    expect(r.items[0]?.reason?.value).toBe('proper_quality');
  });
});

// Regression: a clean 300 dpi scan could never be approved, because a ticked box read by OCR stayed below
// 0.9 even when the items' own reasons and the refund details agreed with it.
describe('ticks confirmed by an independent reading', () => {
  const ocr = (lines: string[]) =>
    parseDocument({
      name: 'scan.png', kind: 'png', mimeType: 'image/png', bytes: 1, sha256: 'x', method: 'ocr', pageCount: 1, problems: [],
      pages: [{ page: 1, lines: lines.map((text) => ({ text, confidence: 0.9 })) }],
    });
  const form = (reasonTick: string, itemReason: string, refund: string[]) => [
    'ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА',
    'Номер заказа / Order number: 4821-5567',
    'Артикул Наименование Размер Кол-во Цена, ₽ Причина',
    `TS-1045 Футболка M 1 3 000,00 ${itemReason}`,
    'Причина возврата / Reason for return:',
    `[${reasonTick === 'proper_quality' ? 'X' : ' '}] Товар надлежащего качества / Proper quality`,
    `[${reasonTick === 'defect' ? 'X' : ' '}] Брак / Defect`,
    '[ ] Не тот товар / Wrong item',
    ...refund,
  ];

  it('a ticked reason that every item repeats is confident; one the items contradict is not', () => {
    const agree = ocr(form('proper_quality', 'Не подошёл', ['Способ возврата денег / Refund method:', '[ ] На банковский счёт / Bank account', '[X] На карту / Card', 'Последние 4 цифры карты / Card last 4 digits: 4242']));
    expect(agree.fields.reason).toMatchObject({ value: 'proper_quality' });
    expect(agree.fields.reason!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(agree.items[0]!.reason!.confidence).toBeGreaterThanOrEqual(0.9);
    const disagree = ocr(form('proper_quality', 'Брак', []));
    expect(disagree.fields.reason!.confidence).toBeLessThan(0.9);
    expect(disagree.items[0]!.reason!.confidence).toBeLessThan(0.9);
  });

  it('a ticked card refund with only a card number is confident; with bank details too it is not', () => {
    const card = ocr(form('defect', 'Брак', ['Способ возврата денег / Refund method:', '[ ] На банковский счёт / Bank account', '[X] На карту / Card', 'Последние 4 цифры карты / Card last 4 digits: 4242']));
    expect(card.fields.refundMethod).toMatchObject({ value: 'card' });
    expect(card.fields.refundMethod!.confidence).toBeGreaterThanOrEqual(0.9);
    const mixed = ocr(form('defect', 'Брак', ['Способ возврата денег / Refund method:', '[ ] На банковский счёт / Bank account', '[X] На карту / Card', 'БИК / BIK: 044525225', 'Последние 4 цифры карты / Card last 4 digits: 4242']));
    expect(mixed.fields.refundMethod!.confidence).toBeLessThan(0.9);
  });

  it('sentence-read-as-name: words of a sentence after a label ("… proper quality are") are no one\'s name', () => {
    expect(normalizeField('fullName', 'Returns of items of proper quality are')).toBeUndefined();
    expect(normalizeField('accountHolder', 'на карту Иванова')).toBeUndefined();
    expect(normalizeField('fullName', 'Кузнецова Маргарита Станиславовна')?.value).toBe('Кузнецова Маргарита Станиславовна');
  });
});
