// The filled-in applications, canonical values (SPEC §3) plus how each customer writes them.
// Documents and e-mails refer to these by key; ground truth is derived from the same objects.
import { corrAccountFor, settlementAccountWithKey } from './bank-control-key.ts';
import { GENERATED_CUSTOMERS } from './generated-applications.ts';
import type { SampleApplication, WritingStyle } from './sample-application.ts';

const SBER = '044525225';
const ALFA = '044525593';
const TBANK = '044525974';

export interface ApplicationSample {
  application: SampleApplication;
  style: WritingStyle;
}

export const SAMPLE_APPLICATIONS = {
  /** SPEC worked example: T-shirt back from the "1+1=3" order, refund to a bank account. */
  kovaleva: {
    style: { phone: 'plus7-brackets', price: 'space-comma', accountGroups: false },
    application: {
      fields: {
        orderNumber: '4821-5567',
        orderDate: '2025-03-01',
        receivedDate: '2025-03-05',
        fullName: 'Ковалёва Анна Сергеевна',
        email: 'anna.kovaleva@mail.ru',
        phone: '+79161234567',
        reason: 'proper_quality',
        reasonText: 'Не подошёл размер',
        refundMethod: 'bank_account',
        bik: SBER,
        account: settlementAccountWithKey(SBER, '40817810038120004711'),
        corrAccount: corrAccountFor(SBER),
        accountHolder: 'Ковалёва Анна Сергеевна',
        applicationDate: '2025-03-08',
      },
      writtenAs: { email: 'Anna.Kovaleva@mail.ru' },
      items: [{ sku: 'TS-1045', name: 'Футболка хлопковая белая', size: 'M', quantity: '1', price: '3000.00', reason: 'proper_quality' }],
    },
  },
  sokolov: {
    style: { phone: 'eight-spaces', price: 'plain', accountGroups: false },
    application: {
      fields: {
        orderNumber: '4822-0193',
        orderDate: '2025-03-02',
        receivedDate: '2025-03-06',
        fullName: 'Соколов Дмитрий Игоревич',
        email: 'd.sokolov@yandex.ru',
        phone: '+79035551234',
        reason: 'defect',
        reasonText: 'Разошёлся шов на левом рукаве после первой примерки',
        refundMethod: 'card',
        cardLast4: '4412',
        applicationDate: '2025-03-09',
      },
      items: [{ sku: 'JK-7710', name: 'Куртка джинсовая', size: '52', quantity: '1', price: '7490.00', reason: 'defect' }],
    },
  },
  morozova: {
    style: { phone: 'plus7-dashes', price: 'space-comma', accountGroups: true },
    application: {
      fields: {
        orderNumber: '4823-4410',
        orderDate: '2025-03-03',
        receivedDate: '2025-03-07',
        fullName: 'Морозова Екатерина Павловна',
        email: 'katya.morozova@gmail.com',
        phone: '+79253104487',
        reason: 'wrong_item',
        reasonText: 'Пришло платье другого цвета (заказывала бежевое, пришло синее)',
        refundMethod: 'bank_account',
        bik: ALFA,
        account: settlementAccountWithKey(ALFA, '40817810504450012893'),
        corrAccount: corrAccountFor(ALFA),
        accountHolder: 'Морозова Екатерина Павловна',
        applicationDate: '2025-03-10',
      },
      items: [{ sku: 'DR-5530', name: 'Платье льняное', size: '46', quantity: '1', price: '5990.00', reason: 'wrong_item' }],
    },
  },
  /** Made-to-order coat returned as proper quality: a correct decision rejects it. */
  lebedeva: {
    style: { phone: 'plus7-tight', price: 'space-rouble', accountGroups: false },
    application: {
      fields: {
        orderNumber: '4824-7781',
        orderDate: '2025-02-20',
        receivedDate: '2025-03-06',
        fullName: 'Лебедева Ольга Николаевна',
        email: 'olga.lebedeva@bk.ru',
        phone: '+79267441802',
        reason: 'proper_quality',
        reasonText: 'Передумала, цвет не нравится',
        refundMethod: 'card',
        cardLast4: '0937',
        applicationDate: '2025-03-10',
      },
      items: [{ sku: 'CT-9001', name: 'Пальто шерстяное', size: 'инд.', quantity: '1', price: '18900.00', reason: 'proper_quality' }],
    },
  },
  /** Two items on one application, one of them with quantity 1 of 2 bought. */
  petrenko: {
    style: { phone: 'plus7-brackets', price: 'space-comma', accountGroups: false },
    application: {
      fields: {
        orderNumber: '4825-1034',
        orderDate: '2025-03-04',
        receivedDate: '2025-03-08',
        fullName: 'Петренко Игорь Владимирович',
        email: 'i.petrenko@inbox.ru',
        phone: '+79992013345',
        reason: 'wrong_item',
        reasonText: 'Прислали брюки 48 размера вместо 50',
        refundMethod: 'bank_account',
        bik: TBANK,
        account: settlementAccountWithKey(TBANK, '40817810100003581146'),
        corrAccount: '30101810145250000974', // the bank's real one; generated ones use the 00000000 pattern
        accountHolder: 'Петренко Игорь Владимирович',
        applicationDate: '2025-03-11',
      },
      writtenAs: { phone: '8 (999) 201-33-45' },
      items: [
        { sku: 'TR-4410', name: 'Брюки чиносы', size: '50', quantity: '1', price: '3990.00', reason: 'wrong_item' },
        { sku: 'SW-3307', name: 'Свитер вязаный', size: 'L', quantity: '1', price: '4590.00', reason: 'wrong_item' },
      ],
    },
  },
  kuznetsova: {
    style: { phone: 'eight-spaces', price: 'space-comma', accountGroups: false },
    application: {
      fields: {
        orderNumber: '4827-9902',
        orderDate: '2025-03-04',
        receivedDate: '2025-03-08',
        fullName: 'Кузнецова Вера Андреевна',
        email: 'v.kuznetsova@mail.ru',
        phone: '+79031112233',
        reason: 'proper_quality',
        refundMethod: 'card',
        cardLast4: '7781',
        applicationDate: '2025-03-10',
      },
      items: [{ sku: 'BT-0440', name: 'Ботинки челси', size: '38', quantity: '1', price: '8990.00', reason: 'proper_quality' }],
    },
  },
  /** Typed into the e-mail body (windows-1251), same labels as the form. */
  zaytseva: {
    style: { phone: 'plus7-dashes', price: 'space-comma', accountGroups: false },
    application: {
      fields: {
        orderNumber: '4829-6620',
        orderDate: '2025-03-03',
        receivedDate: '2025-03-07',
        fullName: 'Зайцева Наталья Викторовна',
        email: 'n.zaytseva@rambler.ru',
        phone: '+79112345678',
        reason: 'proper_quality',
        reasonText: 'Сумка оказалась меньше, чем ожидала',
        refundMethod: 'bank_account',
        bik: SBER,
        account: settlementAccountWithKey(SBER, '40817810455030098017'),
        corrAccount: corrAccountFor(SBER),
        accountHolder: 'Зайцева Наталья Викторовна',
        applicationDate: '2025-03-10',
      },
      items: [{ sku: 'BG-1188', name: 'Сумка-тоут кожаная', quantity: '1', price: '6490.00', reason: 'proper_quality' }],
    },
  },
  /** International customer, English values on the bilingual form. */
  thompson: {
    style: { phone: 'international', price: 'dot', accountGroups: false },
    application: {
      fields: {
        orderNumber: '4830-2207',
        orderDate: '2025-02-24',
        receivedDate: '2025-03-07',
        fullName: 'Sarah Thompson',
        email: 'sarah.thompson@gmail.com',
        phone: '+447700900123',
        reason: 'proper_quality',
        reasonText: 'The cardigan is too small for me',
        refundMethod: 'card',
        cardLast4: '5521',
        applicationDate: '2025-03-10',
      },
      writtenAs: { email: 'Sarah.Thompson@gmail.com' },
      items: [{ sku: 'KN-3402', name: 'Mohair cardigan', size: 'S', quantity: '1', price: '6890.00', reason: 'proper_quality' }],
    },
  },
} satisfies Record<string, ApplicationSample>;

/** A hand-written customer's key, or a generated one (`c01` …). */
export type ApplicationKey = keyof typeof SAMPLE_APPLICATIONS | `c${number}`;

/** Every customer by key: the hand-written ones above and the generated ones (`c01` …). */
export function findApplication(key: string): ApplicationSample & { fullCard?: string; language?: 'ru' | 'en' } {
  const found: (ApplicationSample & { fullCard?: string }) | undefined = (SAMPLE_APPLICATIONS as Record<string, ApplicationSample>)[key] ?? GENERATED_CUSTOMERS[key];
  if (!found) throw new Error(`no sample application ${key}`);
  return found;
}
