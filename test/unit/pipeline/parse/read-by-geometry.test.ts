// The reader on positioned words: labels and values decided on the page's geometry, for layouts it has no
// special knowledge of (two columns of tables, labels wrapped over lines, captions under labels).
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';
import { positionedDocument } from './positioned-document.ts';

const values = (r: ReturnType<typeof parseDocument>) => Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, v!.value]));

describe('reading by geometry', () => {
  it('reads two bilingual tables side by side, labels wrapped over two lines, values in the next column', () => {
    const r = parseDocument(positionedDocument([
      [80, [10, 'Заявление на возврат товара / Product return request']],
      [100, [300, 'Номер заказа / Order']],
      [112, [10, 'ФИО / Full name'], [100, 'Зайцева Александра Михайловна'], [300, 'No.'], [400, 'KM-60954']],
      [130, [300, 'Дата заказа / Order']],
      [142, [10, 'Телефон / Phone'], [100, '+7 (905) 446-40-76'], [300, 'date'], [400, '24/06/2026']],
      [160, [300, 'Дата получения /']],
      [172, [10, 'E-mail'], [100, 'zaytseva.aleksandra@gmail.com'], [300, 'Delivered on'], [400, '01/07/2026']],
    ]));
    expect(values(r)).toMatchObject({
      orderNumber: 'KM-60954',
      orderDate: '2026-06-24',
      receivedDate: '2026-07-01',
      fullName: 'Зайцева Александра Михайловна',
      phone: '+79054464076',
      email: 'zaytseva.aleksandra@gmail.com',
    });
    expect(r.fields.applicationDate).toBeUndefined();
  });

  it('reads past what OCR kept of the other language\'s label ("Ph" of "Phone") to the value', () => {
    const r = parseDocument(positionedDocument([
      [80, [10, 'Заявление на возврат товара / Product return request']],
      [100, [10, 'Номер заказа'], [100, 'KM-60954']],
      [120, [10, 'Телефон'], [60, 'Ph'], [100, '+7-982-594-67-10'], [300, 'Shop'], [400, '+7 (499) 120-44-18']],
    ], 'ocr'));
    expect(r.fields.phone?.value).toBe('+79825946710');
  });

  it('reads a two-line name centred on its one-line label, past the next table\'s wrapped label beside it', () => {
    const r = parseDocument(positionedDocument([
      [80, [10, 'Заявление на возврат товара / Product return request']],
      [106, [100, 'Кузнецова Маргарита'], [300, 'Номер заказа / Order']],
      [111, [10, 'ФИО / Full name'], [300, 'No.'], [400, '50947860-0219']],
      [120, [100, 'Станиславовна']],
      [140, [300, 'Дата заказа / Order']],
      [146, [10, 'Телефон / Phone'], [100, '+7-982-594-67-10'], [300, 'date'], [400, '29/07/2026']],
    ]));
    expect(values(r)).toMatchObject({ fullName: 'Кузнецова Маргарита Станиславовна', orderNumber: '50947860-0219', orderDate: '2026-07-29' });
  });

  it('takes a caption under a label for the label\'s own, not for a second field', () => {
    const r = parseDocument(positionedDocument([
      [80, [10, 'БЛАНК ВОЗВРАТА ТОВАРА']],
      [100, [10, 'Фамилия, имя, отчество'], [200, 'Высоцкая Полина Игоревна']],
      [130, [10, 'Держатель карты']],
      [141, [10, 'фамилия, имя, отчество'], [200, 'Высоцкий Денис Валерьевич']],
    ]));
    expect(r.fields.fullName?.value).toBe('Высоцкая Полина Игоревна');
    expect(r.fields.accountHolder?.value).toBe('Высоцкий Денис Валерьевич');
  });

  it('does not take OCR junk from a dark band under a label for the label\'s caption', () => {
    const doc = positionedDocument([
      [100, [10, 'Телефон'], [200, '8-987-613-58-03']],
      [120, [10, 'E-mail'], [200, 'svetlana93agmail .com']], // '@' read as 'a': only its label finds it
      // A black section band under the row: OCR reads streaks across both columns, doubting nearly all of it.
      [131, [10, 'вм» СООО ни ИИИ ООО ни ООО ни ИИИ ни ООО ни']],
      [150, [10, 'Номер заказа'], [200, '7436/26']],
    ], 'ocr');
    doc.pages[0]!.words = doc.pages[0]!.words!.map((w) => (w.y0 === 131 ? { ...w, confidence: 0.2 } : w));
    const r = parseDocument(doc);
    expect(r.fields.email?.value).toBe('svetlana93@gmail.com');
    expect(r.fields.orderNumber?.value).toBe('7436/26');
    // Streaks OCR read with some confidence (0.4 on a 300 dpi scan) are no caption either: they cross the value's column.
    doc.pages[0]!.words = doc.pages[0]!.words!.map((w) => (w.y0 === 131 ? { ...w, confidence: 0.45 } : w));
    expect(parseDocument(doc).fields.email?.value).toBe('svetlana93@gmail.com');
  });

  it('reads a refund choice whose option word is also a label, beside its wrapped label, not the next table', () => {
    const r = parseDocument(positionedDocument([
      [100, [10, 'Способ возврата'], [300, 'BIC / БИК'], [400, '044525225']],
      [112, [10, 'средств / Refund to'], [150, 'Карта / Card']],
      [124, [300, 'Account No. /'], [400, '40817810099910004312']],
      [136, [10, 'Карта, последние 4 цифры'], [150, '**** 9433']],
    ]));
    expect(r.fields.refundMethod?.value).toBe('card');
  });

  it('does not take the legend of reason codes beside an empty code box for the code', () => {
    const r = parseDocument(positionedDocument([
      [100, [10, 'Код причины'], [200, '1 – не подошёл размер 2 – не понравился внешний вид']],
      [112, [10, 'впишите цифру в клетку'], [200, '3 – не соответствует заказу 4 – брак 5 – другое']],
    ]));
    expect(r.fields.reason).toBeUndefined();
  });

  it('takes no number from the row above a label: stacked bank details are the field above\'s', () => {
    const stacked = parseDocument(positionedDocument([
      [100, [10, 'БИК'], [200, '044525225']],
      [130, [200, '30101810400000000225']],
      [142, [10, 'Расчётный счёт']],
    ], 'ocr'));
    expect(stacked.fields.account?.value).not.toBe('30101810400000000225');
  });

  it('joins a value wrapped over two rows of its column, for words but never for numbers', () => {
    const r = parseDocument(positionedDocument([
      [80, [10, 'BANK DETAILS / БАНКОВСКИЕ РЕКВИЗИТЫ']],
      [100, [10, 'Beneficiary /'], [200, 'Богданов Станислав']],
      [111, [10, 'Получатель'], [200, 'Владимирович']],
      // Lines of one cell overlap a little; cells stand apart by most of a line.
      [130, [10, 'Account No. /'], [200, '40817810532525769325']],
      [138, [10, 'Расчётный счёт']],
      [156, [10, 'Correspondent'], [200, '30101810600000000603']],
      [164, [10, 'account / Корр. счёт']],
    ]));
    expect(r.fields.accountHolder?.value).toBe('Богданов Станислав Владимирович');
    expect(r.fields.account?.value).toBe('40817810532525769325');
    expect(r.fields.corrAccount?.value).toBe('30101810600000000603');
  });

  it('reads a reason written as a code in a box through the form\'s own legend', () => {
    const r = parseDocument(positionedDocument([
      [80, [10, 'БЛАНК ВОЗВРАТА ТОВАРА']],
      [100, [10, 'Номер заказа / ТТН'], [200, 'LH-57413']],
      [120, [10, 'Код причины'], [200, '4'], [230, '1 – не подошёл размер'], [350, '2 – не понравился внешний вид']],
      [131, [10, 'впишите цифру в клетку'], [230, '3 – не соответствует заказу 4 – брак 5 – другое (укажите ниже)']],
    ]));
    expect(r.fields.reason?.value).toBe('defect');
  });
});

// Regression (devset, a harsh phone photo): the account's own word read as print (0.91) and its key holding with
// the BIK, but the row also held OCR's junk for its garbled label (0.00) — the account was scored by the row, 0.32.
describe('a bank account on a row of junk', () => {
  const page = (junk: number, account: number) => {
    const doc = positionedDocument([
      [100, [50, 'BIC / БИК'], [400, '046577674']],
      [130, [50, '='], [120, 'Pareit ned схиёт'], [400, '40817810307038532258']],
    ], 'ocr');
    const words = doc.pages[0]!.words!.map((w) => ({ ...w, confidence: w.text === '40817810307038532258' ? account : w.y0 === 130 ? junk : 0.95 }));
    return parseDocument({ ...doc, pages: [{ ...doc.pages[0]!, words }] });
  };

  it('is as sure as its key, when its own words read as print', () => {
    expect(page(0, 0.91).fields.account).toMatchObject({ value: '40817810307038532258', confidence: 0.95 });
  });

  it('is not, when its own words are as doubtful as the junk', () => {
    expect(page(0, 0.3).fields.account!.confidence).toBeLessThan(0.9);
  });
});
