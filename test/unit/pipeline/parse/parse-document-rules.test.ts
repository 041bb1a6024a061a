import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';
import { makeDocument } from './make-document.ts';

const TODAY = '2026-11-20';
const codes = (r: ReturnType<typeof parseDocument>) => r.problems.map((p) => `${p.field}:${p.code}`);

describe('checkbox ticks', () => {
  it.each([
    ['[X] Брак / Defect', 'defect'],
    ['[x] Брак', 'defect'],
    ['[Х] Брак / Defect', 'defect'], // Cyrillic Х
    ['☒ Не тот товар / Wrong item', 'wrong_item'],
    ['✓ Товар надлежащего качества', 'proper_quality'],
    ['[V] Proper quality', 'proper_quality'],
    ['(x) Wrong item', 'wrong_item'],
    ['[ ] Товар надлежащего качества / Proper quality   [X] Брак / Defect   [ ] Не тот товар / Wrong item', 'defect'],
  ])('%s → %s', (line, reason) => {
    const r = parseDocument(makeDocument(`Причина возврата / Reason for return:\n${line}`));
    expect(r.fields.reason?.value).toBe(reason);
    expect(r.fields.reason!.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('does not take "надлежащего" out of "ненадлежащего"', () => {
    const r = parseDocument(makeDocument('[X] Товар ненадлежащего качества'));
    expect(r.fields.reason?.value).toBe('defect');
  });

  it('accepts a bare tick letter (OCR lost the brackets) with less confidence', () => {
    const r = parseDocument(makeDocument('V Брак / Defect'));
    expect(r.fields.reason?.value).toBe('defect');
    expect(r.fields.reason!.confidence).toBeLessThan(0.9);
  });

  it('reports two ticked options instead of choosing one', () => {
    const r = parseDocument(makeDocument('[X] Брак / Defect   [X] Не тот товар / Wrong item'));
    expect(r.fields.reason).toBeUndefined();
    expect(codes(r)).toContain('reason:invalid_value');
  });

  it('reads nothing from unticked boxes', () => {
    const r = parseDocument(makeDocument('[ ] Брак / Defect   [ ] Не тот товар / Wrong item\n[ ] На карту / Card'));
    expect(r.fields.reason).toBeUndefined();
    expect(r.fields.refundMethod).toBeUndefined();
  });
});

describe('label variants', () => {
  it.each([
    ['Номер заказа / Order number: 12345', '12345'],
    ['Номер заказа: 12345', '12345'],
    ['Order number: 12345', '12345'],
    ['Номер заказа\t12345', '12345'],
    ['Номер заказа      12345', '12345'],
    ['Заказ № 12 345', '12345'],
    ['№ заказа: 12345', '12345'],
    ['НОМЕР ЗАКАЗА: 12345', '12345'],
  ])('%s', (line, value) => {
    expect(parseDocument(makeDocument(line)).fields.orderNumber?.value).toBe(value);
  });

  it('splits two labelled values on one line', () => {
    const r = parseDocument(makeDocument('Дата заказа: 01.11.2026 Дата получения: 05.11.2026'));
    expect(r.fields.orderDate?.value).toBe('2026-11-01');
    expect(r.fields.receivedDate?.value).toBe('2026-11-05');
  });

  it('takes a value written on the line under its label, less confidently', () => {
    const r = parseDocument(makeDocument('ФИО / Full name:\nИванов Иван Иванович\nТелефон: 89161234567'));
    expect(r.fields.fullName?.value).toBe('Иванов Иван Иванович');
    expect(r.fields.fullName!.confidence).toBeLessThan(0.95);
  });

  it('reads a bank-details paragraph whose common labels open clauses and run over lines', () => {
    const r = parseDocument(
      makeDocument(
        'Денежные средства прошу перечислить по следующим реквизитам: Получатель:\n' +
          'Киселёв Матвей Рустамович, Наименование банка ПАО Сбербанк, БИК 044030653,\n' +
          'кор./сч. 30101810500000000653, Лицевой счёт 40817810556428768637.',
      ),
    );
    expect(r.fields.accountHolder?.value).toBe('Киселёв Матвей Рустамович');
    // It starts on the line after its label: found, but not beside it.
    expect(r.fields.accountHolder!.confidence).toBeLessThan(0.95);
    expect(r.fields.corrAccount?.value).toBe('30101810500000000653');
  });

  it('takes a common label mid-line only where a clause begins or a colon follows it', () => {
    const opens = parseDocument(makeDocument('Прошу перечислить по реквизитам. Получатель Киселёв Матвей Рустамович, БИК 044030653'));
    expect(opens.fields.accountHolder?.value).toBe('Киселёв Матвей Рустамович');
    const inside = parseDocument(makeDocument('Прошу перечислить получатель Киселёв Матвей Рустамович'));
    expect(inside.fields.accountHolder).toBeUndefined();
  });

  it('reads the last four of a card number with a hidden middle, even broken over two lines', () => {
    const one = parseDocument(makeDocument('Прошу вернуть деньги на банковскую карту № 4279 01** **** 5711, с которой оплачен заказ.'));
    expect(one.fields.cardLast4?.value).toBe('5711');
    const broken = parseDocument(makeDocument('Денежные средства прошу вернуть на банковскую карту № 4279\n01** **** 5711, с которой производилась оплата заказа.'));
    expect(broken.fields.cardLast4?.value).toBe('5711');
  });

  it('matches OCR-damaged labels (look-alike letters, one wrong letter)', () => {
    const r = parseDocument(makeDocument([['Hомер зaказэ: 12345', 0.9], ['Teлeфoн: 8 916 123 45 67', 0.9]], 'ocr'));
    expect(r.fields.orderNumber?.value).toBe('12345');
    expect(r.fields.phone?.value).toBe('+79161234567');
  });

  it('stops a name before passport data', () => {
    const r = parseDocument(makeDocument('Я, Петров Сергей Алексеевич, паспорт 45 10 918273'));
    expect(r.fields.fullName?.value).toBe('Петров Сергей Алексеевич');
    expect(JSON.stringify(r)).not.toContain('918273');
  });

  it('reads bank details written in one line', () => {
    const r = parseDocument(makeDocument('Реквизиты для возврата: БИК 044525225, расчётный счёт 40817810538091310419, корр. счёт 30101810400000000225'));
    expect(r.fields.bik?.value).toBe('044525225');
    expect(r.fields.account?.value).toBe('40817810538091310419');
    expect(r.fields.corrAccount?.value).toBe('30101810400000000225');
    expect(r.fields.refundMethod?.value).toBe('bank_account');
  });
});

describe('validation problems', () => {
  it('flags an account whose control key does not match the BIK and caps it low', () => {
    const r = parseDocument(makeDocument('БИК: 044525225\nРасчётный счёт: 40817810538091310418'));
    expect(codes(r)).toContain('account:checksum_failed');
    expect(r.fields.account!.confidence).toBeLessThanOrEqual(0.3);
    expect(codes(r)).toContain('account:low_confidence');
    expect(r.fields.bik!.confidence).toBeLessThan(0.9);
  });

  it("never takes the bank's correspondent account for the recipient's, though its key passes against the BIK", () => {
    const r = parseDocument(makeDocument('БИК: 044525225\nРасчётный счёт: 30101810400000000225'));
    expect(codes(r)).toContain('account:invalid_value');
    expect(r.fields.account?.confidence ?? 0).toBeLessThan(0.9);
  });

  it('flags a correspondent account of another bank', () => {
    const r = parseDocument(makeDocument('БИК: 044525225\nКорр. счёт: 30101810145250000974'));
    expect(codes(r)).toContain('corrAccount:inconsistent');
  });

  it('flags a BIK that is not Russian', () => {
    const r = parseDocument(makeDocument('БИК: 123456789'));
    expect(codes(r)).toContain('bik:invalid_value');
  });

  it('flags dates out of order and in the future', () => {
    const r = parseDocument(makeDocument('Дата заказа: 10.11.2026\nДата получения: 05.11.2026\nДата заявления: 01.12.2026'), { today: TODAY });
    expect(codes(r)).toEqual(expect.arrayContaining(['receivedDate:inconsistent', 'applicationDate:invalid_value']));
    expect(r.fields.receivedDate!.confidence).toBeLessThanOrEqual(0.5);
    expect(r.fields.applicationDate!.confidence).toBeLessThanOrEqual(0.3);
  });

  it('flags prices that do not add up to the printed total', () => {
    const r = parseDocument(makeDocument('Артикул\tНаименование\tКол-во\tЦена\nSK-1\tЮбка\t1\t4 000,00\nSK-2\tШарф\t1\t2 500,00\nИтого: 7 000,00'));
    expect(codes(r)).toContain('items:inconsistent');
    expect(r.items[0]!.price!.confidence).toBeLessThanOrEqual(0.6);
  });

  it('reports an unreadable phone instead of inventing one', () => {
    const r = parseDocument(makeDocument('Телефон: 123-45'));
    expect(r.fields.phone).toBeUndefined();
    expect(codes(r)).toContain('phone:invalid_value');
  });
});

describe('fillable PDF form fields', () => {
  const formFields = {
    orderNumber: '2026-11-00457',
    orderDate: '01.11.2026',
    receivedDate: '05.11.2026',
    fullName: 'Иванова Мария Петровна',
    email: 'Maria@Mail.ru',
    phone: '8 916 123-45-67',
    reason: 'wrong_item',
    refundMethod: 'card',
    cardLast4: '4521',
    applicationDate: '14.11.2026',
    'items.0.sku': 'SK-1001',
    'items.0.quantity': '1',
    'items.0.price': '4000',
    'items.1.sku': 'TS-2002',
    'items.1.price': '3 000,00',
  };

  it('takes form values exactly, ahead of the text layer', () => {
    const doc = makeDocument('Номер заказа / Order number: 9999\n[X] Брак / Defect', 'pdf_form', { formFields });
    const r = parseDocument(doc, { today: TODAY });
    expect(r.fields.orderNumber).toEqual({ value: '2026-11-00457', confidence: 1 });
    expect(r.fields.reason).toEqual({ value: 'wrong_item', confidence: 1 });
    expect(r.fields.email!.value).toBe('maria@mail.ru');
    expect(r.fields.phone!.value).toBe('+79161234567');
    expect(r.items.map((i) => i.price?.value)).toEqual(['4000.00', '3000.00']);
    expect(r.isApplication).toBe(true);
    expect(r.problems).toEqual([]);
  });

  it('still checks form values', () => {
    const r = parseDocument(makeDocument('', 'pdf_form', { formFields: { bik: '044525225', account: '40817810538091310418' } }));
    expect(codes(r)).toContain('account:checksum_failed');
  });
});

describe('isApplication', () => {
  it.each([
    ['an invoice', 'СЧЁТ-ФАКТУРА № 123\nНомер заказа: 12345\nИтого: 4 000,00 ₽'],
    ['a thank-you note', 'Спасибо за заказ! Ваш заказ № 12345 передан в доставку.'],
    ['an empty body', 'Добрый день, заявление во вложении.'],
  ])('is false for %s', (_what, text) => {
    expect(parseDocument(makeDocument(text, 'body')).isApplication).toBe(false);
  });

  // Bug: our blank form sent back counted as an application (its title alone), and its heading
  // "ПОКУПАТЕЛЬ / CUSTOMER" was read as the name "Customer" at 0.95.
  it('blank-form-is-not-an-application: a title with nothing filled in is not an application', () => {
    const r = parseDocument(makeDocument('ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА\nПОКУПАТЕЛЬ / CUSTOMER\nФИО / Full name:\nE-mail:'));
    expect(r.isApplication).toBe(false);
    expect(r.fields.fullName).toBeUndefined();
  });

  it('is true for our title with a field filled in', () => {
    expect(parseDocument(makeDocument('ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА\nНомер заказа: 4821-5567')).isApplication).toBe(true);
  });
});

describe('hostile input', () => {
  it('survives a huge single-line document quickly', () => {
    const start = Date.now();
    const r = parseDocument(makeDocument('Номер заказа: ' + '1 '.repeat(150_000)));
    expect(Date.now() - start).toBeLessThan(5000);
    expect(r.isApplication).toBe(false);
  });
});

describe('items table header variants', () => {
  const row = 'SK-1001   Юбка миди   44   1   4 000,00   Брак';
  it.each([
    ['one line', `Артикул / SKU   Наименование / Item   Размер / Size   Кол-во / Qty   Цена, ₽ / Price, RUB   Причина / Reason\n${row}`],
    ['Russian line then English line', `Артикул   Наименование   Размер   Кол-во   Цена, ₽   Причина\nSKU   Item   Size   Qty   Price, RUB   Reason\n${row}`],
    ['one cell per line', `Артикул\nSKU\nНаименование\nItem\nРазмер\nSize\nКол-во\nQty\nЦена, ₽\nPrice, RUB\nПричина\nReason\n${row}`],
  ])('%s', (_name, text) => {
    const r = parseDocument(makeDocument(text));
    expect(r.items.map((i) => Object.fromEntries(Object.entries(i).map(([k, v]) => [k, v!.value])))).toEqual([
      { sku: 'SK-1001', name: 'Юбка миди', size: '44', quantity: '1', price: '4000.00', reason: 'defect' },
    ]);
  });

  it('reads nothing but labels from the blank form', () => {
    const blank = 'Номер заказа / Order number:\nДата заказа / Order date:\nФИО / Full name:\nE-mail:\nТелефон / Phone:\nДата заявления / Application date:\nАртикул\nSKU\nНаименование\nItem\nРазмер\nSize\nКол-во\nQty\nЦена, ₽\nPrice, RUB\nПричина\nReason\nПричина возврата / Reason for return: [ ] Товар надлежащего качества / Proper quality\n[ ] Брак / Defect';
    const r = parseDocument(makeDocument(blank));
    expect(r.fields).toEqual({});
    expect(r.items).toEqual([]);
  });
});
