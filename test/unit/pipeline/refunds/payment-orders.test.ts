// Payment orders in the 1CClientBankExchange format: the file parses back (windows-1251, strict sections) to
// the same amounts and accounts; card refunds and refunds without an amount or bank details are left out.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { RefundDue } from '../../../../src/domain/ports/refunds.ts';
import { writePaymentOrders } from '../../../../src/pipeline/refunds/payment-orders.ts';
import { refundsCsv } from '../../../../src/pipeline/refunds/refunds-csv.ts';
import { parseClientBankExchange } from '../../../support/client-bank-exchange.ts';
import { TEST_PAYER } from '../../../support/web-app.ts';

const base: RefundDue = {
  returnNumber: 'R-4K7M-9QXQ',
  customerName: 'Иванова Анна Сергеевна',
  customerEmail: 'anna@example.com',
  orderNumber: 'A-1001',
  amount: 50_000,
  dueAt: new Date('2026-12-18T09:00:00Z'),
  refundMethod: 'bank_account',
  bik: '044525225',
  account: '40817810099910004312',
  corrAccount: '30101810400000000225',
  accountHolder: 'Иванова Анна Сергеевна',
  cardLast4: null,
};

const refunds: RefundDue[] = [
  base,
  { ...base, returnNumber: 'R-0001-0002', amount: 123_456_78, accountHolder: 'Пётр Ёлкин\r\nКонецФайла' },
  { ...base, returnNumber: 'R-CARD-0001', refundMethod: 'card', bik: null, account: null, corrAccount: null, cardLast4: '4242' },
  { ...base, returnNumber: 'R-NONE-0001', amount: null },
  { ...base, returnNumber: 'R-NOBK-0001', bik: null },
];

describe('payment orders (1CClientBankExchange)', () => {
  const file = writePaymentOrders(refunds, TEST_PAYER, { day: '2026-12-05', time: '14:30:00' });
  const parsed = parseClientBankExchange(iconv.encode(file.text, 'win1251'));

  it('parses back to the same amounts, accounts and recipients, one payment order per bank refund', () => {
    expect(parsed.header).toMatchObject({ ВерсияФормата: '1.03', Кодировка: 'Windows', ДатаСоздания: '05.12.2026', РасчСчет: TEST_PAYER.account });
    expect(parsed.documents.map((d) => [d.СекцияДокумент, d.Номер, d.Сумма, d.ПолучательСчет, d.ПолучательБИК])).toEqual([
      ['Платежное поручение', '1', '500.00', base.account, base.bik],
      ['Платежное поручение', '2', '123456.78', base.account, base.bik],
    ]);
    expect(parsed.documents[0]).toMatchObject({ Дата: '05.12.2026', ПлательщикИНН: TEST_PAYER.inn, ПлательщикБИК: TEST_PAYER.bik, Получатель1: 'Иванова Анна Сергеевна' });
    expect(parsed.documents[0]!.НазначениеПлатежа).toContain('R-4K7M-9QXQ');
    // A line break in a name cannot end the file early or open a line of its own.
    expect(parsed.documents[1]!.Получатель1).toBe('Пётр Ёлкин КонецФайла');
    const sum = parsed.documents.reduce((total, d) => total + Math.round(Number(d.Сумма) * 100), 0);
    expect(sum).toBe(50_000 + 123_456_78);
  });

  it('leaves out card refunds and those without an amount or bank details, saying why', () => {
    expect(file.skipped).toEqual([
      { returnNumber: 'R-CARD-0001', why: 'card' },
      { returnNumber: 'R-NONE-0001', why: 'no_amount' },
      { returnNumber: 'R-NOBK-0001', why: 'no_bank_details' },
    ]);
  });

  it('writes Cyrillic as windows-1251 bytes', () => {
    const bytes = iconv.encode(file.text, 'win1251');
    expect(bytes.includes(Buffer.from('Платежное', 'utf8'))).toBe(false);
    expect(bytes.includes(iconv.encode('Платежное поручение', 'win1251'))).toBe(true);
  });

  it('lists every refund in the CSV with roubles to the kopeck', () => {
    const csv = refundsCsv(refunds, 'Europe/Moscow');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('return_number,order_number,customer_name,customer_email,amount_rub,due_on,refund_method,account_holder,bik,account,corr_account,card_last4');
    expect(lines[1]).toBe('R-4K7M-9QXQ,A-1001,Иванова Анна Сергеевна,anna@example.com,500.00,2026-12-18,bank_account,Иванова Анна Сергеевна,044525225,40817810099910004312,30101810400000000225,');
    expect(lines).toHaveLength(1 + refunds.length + 1 /* the quoted name spans two lines */);
    expect(csv).toContain('R-CARD-0001,A-1001,Иванова Анна Сергеевна,anna@example.com,500.00,2026-12-18,card,Иванова Анна Сергеевна,,,,4242');
  });
});
