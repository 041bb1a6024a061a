// Refunds to a bank account as payment orders in the 1CClientBankExchange text format (version 1.03), which
// Russian banks' client systems and 1C:Accounting import: a header, one `СекцияДокумент=Платежное поручение`
// per refund, `КонецФайла`. Key=value lines, amounts in roubles with a point ("500.00"), dates DD.MM.YYYY.
// The text is returned as a string; the caller encodes it in windows-1251, as `Кодировка=Windows` declares.
// A card refund has no payment order (only the card's last four digits are ever known): it goes back through
// the card acquirer, so it is left out and reported.
import { toRoublesString } from '../../domain/money/money.ts';
import type { PayerAccount } from '../../domain/payer-account.ts';
import type { RefundDue } from '../../domain/ports/refunds.ts';

export interface PaymentOrdersFile {
  text: string;
  /** Refunds written as payment orders, in file order. */
  included: RefundDue[];
  /** Refunds left out, and why. */
  skipped: Array<{ returnNumber: string; why: 'card' | 'no_amount' | 'no_bank_details' }>;
}

/** `2026-12-05` → `05.12.2026`. */
const ruDate = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
/** A value stays on its line: the format has no escaping, so line breaks and `=` at the start cannot appear. */
const clean = (value: string | null | undefined) => (value ?? '').replace(/[\r\n]+/g, ' ').trim();

export function writePaymentOrders(refunds: readonly RefundDue[], payer: PayerAccount, at: { day: string; time: string }): PaymentOrdersFile {
  const included: RefundDue[] = [];
  const skipped: PaymentOrdersFile['skipped'] = [];
  for (const refund of refunds) {
    if (refund.refundMethod === 'card') skipped.push({ returnNumber: refund.returnNumber, why: 'card' });
    else if (refund.amount === null || refund.amount <= 0) skipped.push({ returnNumber: refund.returnNumber, why: 'no_amount' });
    else if (!refund.bik || !refund.account || !refund.corrAccount) skipped.push({ returnNumber: refund.returnNumber, why: 'no_bank_details' });
    else included.push(refund);
  }
  const date = ruDate(at.day);
  const lines = [
    '1CClientBankExchange',
    'ВерсияФормата=1.03',
    'Кодировка=Windows',
    'Отправитель=Returns Intake',
    'Получатель=',
    `ДатаСоздания=${date}`,
    `ВремяСоздания=${at.time}`,
    `ДатаНачала=${date}`,
    `ДатаКонца=${date}`,
    `РасчСчет=${payer.account}`,
    'Документ=Платежное поручение',
  ];
  included.forEach((refund, index) => {
    const recipient = clean(refund.accountHolder || refund.customerName);
    lines.push(
      'СекцияДокумент=Платежное поручение',
      `Номер=${index + 1}`,
      `Дата=${date}`,
      `Сумма=${toRoublesString(refund.amount!)}`,
      `ПлательщикСчет=${payer.account}`,
      `Плательщик=ИНН ${payer.inn} ${clean(payer.name)}`,
      `ПлательщикИНН=${payer.inn}`,
      ...(payer.kpp ? [`ПлательщикКПП=${payer.kpp}`] : []),
      `Плательщик1=${clean(payer.name)}`,
      `ПлательщикРасчСчет=${payer.account}`,
      `ПлательщикБанк1=${clean(payer.bank)}`,
      `ПлательщикБИК=${payer.bik}`,
      `ПлательщикКорсчет=${payer.corrAccount}`,
      `ПолучательСчет=${refund.account}`,
      `Получатель=${recipient}`,
      // A private person's refund: no INN is known (and none is required for a transfer to an individual).
      'ПолучательИНН=',
      `Получатель1=${recipient}`,
      `ПолучательРасчСчет=${refund.account}`,
      `ПолучательБИК=${refund.bik}`,
      `ПолучательКорсчет=${refund.corrAccount}`,
      'ВидОплаты=01',
      'Очередность=5',
      `НазначениеПлатежа=Возврат денежных средств за возвращённый товар по заявлению ${refund.returnNumber}${refund.orderNumber ? `, заказ ${clean(refund.orderNumber)}` : ''}. НДС не облагается`,
      'КонецДокумента',
    );
  });
  lines.push('КонецФайла');
  // Windows line ends: the client-bank importers read the file as a Windows text file.
  return { text: `${lines.join('\r\n')}\r\n`, included, skipped };
}
