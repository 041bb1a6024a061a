import { describe, expect, it } from 'vitest';
import { ParsedApplicationSchema } from '../../../../src/domain/application.ts';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';
import { loadFixture } from './load-fixture.ts';
import { makeDocument } from './make-document.ts';

const TODAY = '2026-11-20';
const values = (r: ReturnType<typeof parseDocument>) => Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, v!.value]));
const itemValues = (r: ReturnType<typeof parseDocument>) => r.items.map((i) => Object.fromEntries(Object.entries(i).map(([k, v]) => [k, v!.value])));
const codes = (r: ReturnType<typeof parseDocument>) => r.problems.map((p) => `${p.field}:${p.code}`);

describe('parseDocument — our form as a PDF text layer', () => {
  const r = parseDocument(loadFixture('our-form-text-layer.txt'), { today: TODAY });

  it('reads every field to its canonical value', () => {
    expect(values(r)).toEqual({
      orderNumber: '2026-11-00457',
      orderDate: '2026-11-01',
      receivedDate: '2026-11-05',
      fullName: 'Иванова Мария Петровна',
      email: 'maria.ivanova@mail.ru',
      phone: '+79161234567',
      reason: 'defect',
      reasonText: 'Юбка порвалась по шву',
      refundMethod: 'bank_account',
      bik: '044525225',
      account: '40817810538091310419',
      corrAccount: '30101810400000000225',
      accountHolder: 'Иванова Мария Петровна',
      applicationDate: '2026-11-14',
    });
  });

  it('leaves the empty card field absent, never an empty string', () => {
    expect(r.fields.cardLast4).toBeUndefined();
    expect(Object.values(r.fields).every((f) => f!.value !== '')).toBe(true);
  });

  it('reads the items table', () => {
    expect(itemValues(r)).toEqual([
      { sku: 'SK-1001', name: 'Юбка миди', size: '44', quantity: '1', price: '4000.00', reason: 'defect' },
      { sku: 'TS-2002', name: 'Футболка', size: 'M', quantity: '1', price: '3000.00', reason: 'proper_quality' },
    ]);
  });

  it('is confident (≥ 0.95) about every valid text-layer value and reports no problem', () => {
    for (const f of Object.values(r.fields)) expect(f!.confidence).toBeGreaterThanOrEqual(0.95);
    expect(r.problems).toEqual([]);
    expect(r.isApplication).toBe(true);
  });

  it('produces the SPEC §6 shape', () => {
    expect(() => ParsedApplicationSchema.parse({ source: 'application.pdf', fields: r.fields, items: r.items, problems: r.problems })).not.toThrow();
  });
});

describe('parseDocument — our form photographed (OCR with typical misreads)', () => {
  const r = parseDocument(loadFixture('our-form-ocr.txt', 'ocr'), { today: TODAY });

  it('undoes the misreads', () => {
    expect(values(r)).toMatchObject({
      orderNumber: '2026-11-00457', // "OO457"
      receivedDate: '2026-11-05', // "O5.11"
      fullName: 'Иванова Мария Петровна', // Latin "a"
      email: 'maria.ivanova@mail.ru', // " @ ", ",ru"
      reason: 'defect', // Cyrillic "Х" as the tick
      refundMethod: 'bank_account',
      bik: '044525225', // "O44…"
      account: '40817810538091310419', // Cyrillic "О"
      applicationDate: '2026-11-14',
    });
    expect(itemValues(r)).toEqual([
      { sku: 'SK-1001', name: 'Юбка миди', size: '44', quantity: '1', price: '4000.00', reason: 'defect' },
      { sku: 'TS-2002', name: 'Футболка', size: 'M', quantity: '1', price: '3000.00', reason: 'proper_quality' },
    ]);
  });

  it('keeps every corrected or unchecked OCR value below 0.9', () => {
    for (const key of ['orderNumber', 'receivedDate', 'fullName', 'email', 'phone', 'reason', 'applicationDate'] as const) {
      expect(r.fields[key]!.confidence, key).toBeLessThan(0.9);
    }
  });

  it('trusts the ticked bank refund because the account it names passes its control key', () => {
    expect(r.fields.refundMethod).toMatchObject({ value: 'bank_account' });
    expect(r.fields.refundMethod!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('lets checksum-validated bank details be confident even after a fix', () => {
    expect(r.fields.account!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(r.fields.corrAccount!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(r.fields.bik!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('trusts prices confirmed by the printed total, even the one with a misread ₽', () => {
    expect(r.items.map((i) => i.price!.confidence)).toEqual([0.95, 0.95]);
  });

  it('flags what is below 0.6 and carries the OCR box', () => {
    for (const [key, f] of Object.entries(r.fields)) {
      if (f!.confidence < 0.6) expect(codes(r)).toContain(`${key}:low_confidence`);
    }
    expect(codes(r)).toContain('email:low_confidence');
    expect(r.fields.phone!.box).toMatchObject({ page: 1 });
  });
});

describe('parseDocument — other shops’ layouts', () => {
  it('reads a "прошу произвести возврат … из заказа №" letter with a pipe table, without passport data', () => {
    const r = parseDocument(loadFixture('other-shop-pipes.txt'), { today: TODAY });
    expect(values(r)).toEqual({
      orderNumber: '1234567',
      orderDate: '2026-11-02',
      receivedDate: '2026-11-06',
      fullName: 'Петров Сергей Алексеевич',
      email: 'petrov.s@yandex.ru',
      phone: '+79265551234',
      reason: 'proper_quality',
      reasonText: 'не подошёл размер.',
      refundMethod: 'bank_account',
      bik: '044525974',
      account: '40817810500001234567',
      corrAccount: '30101810145250000974',
      applicationDate: '2026-11-10',
    });
    expect(itemValues(r)).toEqual([
      { sku: 'AB-123', name: 'Джинсы прямые', size: '32/34', quantity: '1', price: '5990.00' },
      // "Сумма" is the line total: 3 000,00 for two belts is 1500.00 each.
      { sku: 'CD-456', name: 'Ремень кожаный', size: '95', quantity: '2', price: '1500.00' },
    ]);
    const json = JSON.stringify(r);
    for (const secret of ['918273', '45 10', '4510', 'ОВД', 'Тверского']) expect(json).not.toContain(secret);
    expect(r.isApplication).toBe(true);
    // Typed beside its label, in words that name one reason only ("не подошёл размер"): read, not guessed.
    expect(r.fields.reason!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('reads a tab-separated layout with block capitals and a Russian long date', () => {
    const r = parseDocument(loadFixture('other-shop-columns.txt'), { today: TODAY });
    expect(values(r)).toEqual({
      orderNumber: '77001234',
      orderDate: '2026-10-28',
      receivedDate: '2026-11-03',
      fullName: 'Сидорова Елена Николаевна',
      email: 'sidorova.en@gmail.com',
      phone: '+79037654321',
      reason: 'defect',
      reasonText: 'брак — отклеилась подошва',
      refundMethod: 'card',
      cardLast4: '4521',
      applicationDate: '2026-11-07',
    });
    expect(itemValues(r)).toEqual([{ sku: 'SH-0042', name: 'Ботинки женские', size: '38', quantity: '1', price: '8450.00' }]);
  });

  it('reads an English application', () => {
    const r = parseDocument(loadFixture('english-form.txt'), { today: TODAY });
    expect(values(r)).toEqual({
      orderNumber: '55-10234',
      orderDate: '2026-11-01',
      receivedDate: '2026-11-04',
      fullName: 'John Smith',
      email: 'john.smith@example.com',
      phone: '+442079460958',
      reason: 'defect',
      reasonText: 'zipper broken after one day',
      refundMethod: 'card',
      cardLast4: '1111',
      applicationDate: '2026-11-12',
    });
    expect(itemValues(r)).toEqual([{ sku: 'SS-1024', name: 'Denim jacket', size: 'L', quantity: '1', price: '7490.00' }]);
  });

  it('reads an application written in the e-mail body', () => {
    const r = parseDocument(loadFixture('email-body.txt', 'body'), { today: TODAY });
    expect(values(r)).toEqual({
      orderNumber: '987654',
      orderDate: '2026-11-01',
      receivedDate: '2026-11-03',
      fullName: 'Смирнова Анна Викторовна',
      phone: '+79031234567',
      reason: 'proper_quality',
      refundMethod: 'card',
      cardLast4: '1111',
    });
    expect(r.isApplication).toBe(true);
    expect(r.fields.reason!.confidence).toBeLessThan(0.8);
  });
});

describe('parseDocument — a full card number never leaves the parser', () => {
  const CARDS = ['4111111111111111', '5555555555554444', '2200000000000004'];
  const layouts = (card: string) => {
    const spaced = card.replace(/(\d{4})(?=\d)/g, '$1 ');
    const dashed = card.replace(/(\d{4})(?=\d)/g, '$1-');
    return [
      makeDocument(`Номер карты: ${spaced}`),
      makeDocument(`Последние 4 цифры карты / Card last 4 digits: ${card}`),
      makeDocument(`Комментарий: верните на карту ${dashed}, спасибо`),
      makeDocument(`Номер заказа: 12345\nПолучатель: Иванов Иван ${card}`),
      makeDocument(`Прошу вернуть деньги. ${card}`, 'body'),
      makeDocument([[`Card number: ${spaced}`, 0.8]], 'ocr'),
    ];
  };

  it.each(CARDS)('card %s appears in no output', (card) => {
    for (const doc of layouts(card)) {
      const json = JSON.stringify(parseDocument(doc, { today: TODAY }));
      expect(json).not.toContain(card);
      expect(json.replace(/\D/g, '')).not.toContain(card);
    }
  });

  it('keeps only the last four digits, confident when Luhn passes', () => {
    const r = parseDocument(makeDocument('Номер карты: 4111 1111 1111 1111'));
    expect(r.fields.cardLast4).toMatchObject({ value: '1111' });
    expect(r.fields.cardLast4!.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('reports a failed Luhn check without the number', () => {
    const r = parseDocument(makeDocument('Номер карты: 4111 1111 1111 1112'));
    expect(r.fields.cardLast4).toMatchObject({ value: '1112' });
    expect(r.fields.cardLast4!.confidence).toBeLessThanOrEqual(0.3);
    expect(codes(r)).toContain('cardLast4:checksum_failed');
    expect(JSON.stringify(r)).not.toContain('4111111111111112');
    expect(JSON.stringify(r)).not.toContain('4111 1111 1111 1112');
  });

  it('masks a card number written in a free-text comment', () => {
    const r = parseDocument(makeDocument('Комментарий: верните на карту 4111-1111-1111-1111, спасибо'));
    expect(r.fields.reasonText!.value).toBe('верните на карту **** 1111, спасибо');
  });
});
