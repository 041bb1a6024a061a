// The table of sample e-mails. Attachments are rows of DOCUMENT_SAMPLES by file name, so an e-mail's ground
// truth is its documents' ground truth merged (plus an application typed into the body, if any).
import type { ProblemCode } from '../../src/domain/problem.ts';
import type { Expectation } from './expected-schema.ts';
import { findApplication, type ApplicationKey } from './sample-applications.ts';

export const SHOP_ADDRESS = 'Интернет-магазин «Мода» <info@moda-shop.example>';

/** A byte-identical copy of another sample (a redelivery): same bytes, its own expectation. */
export interface DuplicateEmail {
  name: string;
  description: string;
  copyOf: string;
  expect: Expectation;
}

export interface ComposedEmail {
  /** Base name under samples/emails/: `<name>.eml` and `<name>.expected.json`. */
  name: string;
  description: string;
  copyOf?: undefined;
  from: string;
  to?: string;
  subject: string;
  messageId: string;
  inReplyTo?: string;
  headers?: { key: string; value: string }[];
  text: string;
  charset?: 'utf-8' | 'windows-1251';
  attachments?: { document: string; filename: string; contentType: string }[];
  /** Closing lines after a body application. */
  signature?: string;
  /** The application typed into the body with the form's labels; appended to `text`. */
  bodyApplication?: ApplicationKey;
  problems?: ProblemCode[];
  expect: Expectation;
}

export type EmailSample = ComposedEmail | DuplicateEmail;

/** What Russian webmail adds; real traces make the header parser earn its keep. */
function received(host: string, ip: string, date: string): { key: string; value: string } {
  return { key: 'Received', value: `from ${host} (${host} [${ip}]) by mx.moda-shop.example with ESMTPS id 4Zc1qW; ${date}` };
}

export const EMAIL_SAMPLES: EmailSample[] = [
  {
    name: '01-text-pdf',
    description: 'Application as a text-layer PDF; RFC 2231 Cyrillic file name. SPEC worked example (refund 500 ₽).',
    from: '"Анна Ковалёва" <anna.kovaleva@mail.ru>',
    subject: 'Возврат товара, заказ 4821-5567',
    messageId: '<1741504445.372913061@f512.i.mail.ru>',
    headers: [
      received('f512.i.mail.ru', '217.69.139.81', 'Sun, 09 Mar 2025 10:14:06 +0300'),
      { key: 'X-Mailer', value: 'Mail.Ru Mailer 1.0' },
      { key: 'X-Originating-IP', value: '[95.31.204.17]' },
    ],
    text:
      'Здравствуйте!\n\nПрошу оформить возврат футболки из заказа 4821-5567 — не подошёл размер. ' +
      'Заявление во вложении.\n\nС уважением,\nАнна Ковалёва\n+7 916 123-45-67\n\n--\nОтправлено из Почты Mail.ru',
    attachments: [{ document: '01-text-layer.pdf', filename: 'Заявление на возврат 4821-5567.pdf', contentType: 'application/pdf' }],
    expect: { asOf: '2025-03-09T10:14:05+03:00', reply: 'approved', state: 'awaiting_shipment', inbound: 'processed', language: 'ru' },
  },
  {
    name: '02-fillable-pdf',
    description: 'Our fillable PDF, filled in Acrobat and sent from Yandex Mail; defect, refund to a card.',
    from: '"Дмитрий Соколов" <d.sokolov@yandex.ru>',
    subject: 'Заявление на возврат (брак)',
    messageId: '<2918141741538812@mail.yandex.ru>',
    headers: [received('forward502a.mail.yandex.net', '178.154.239.82', 'Sun, 09 Mar 2025 19:40:13 +0300')],
    text:
      'Добрый вечер.\n\nКуртка из заказа 4822-0193 пришла с разошедшимся швом. Заполнил ваше заявление, прикладываю.\n\n' +
      '-- \nДмитрий',
    attachments: [{ document: '02-fillable-filled.pdf', filename: 'zayavlenie_vozvrat.pdf', contentType: 'application/pdf' }],
    expect: { asOf: '2025-03-09T19:40:12+03:00', reply: 'approved', state: 'awaiting_shipment', inbound: 'processed', language: 'ru' },
  },
  {
    name: '03-scanned-pdf',
    description: 'A scanner-made PDF (page image, no text layer); wrong item sent, refund to a bank account.',
    from: '"Екатерина Морозова" <katya.morozova@gmail.com>',
    subject: 'Возврат по заказу 4823-4410',
    messageId: '<CAJx8Lm3Qw0Bf7sK2tYp9rZ@mail.gmail.com>',
    headers: [received('mail-lf1-f45.google.com', '209.85.167.45', 'Mon, 10 Mar 2025 11:05:45 +0300')],
    text: 'Здравствуйте! Прислали платье не того цвета. Скан заявления во вложении.\n\nЕкатерина',
    attachments: [{ document: '03-scanned.pdf', filename: 'Scan_20250310_110233.pdf', contentType: 'application/pdf' }],
    expect: { asOf: '2025-03-10T11:05:44+03:00', reply: 'approved', state: 'awaiting_shipment', inbound: 'processed', language: 'ru' },
  },
  {
    name: '04-png-scan',
    description: 'A 300 dpi PNG scan: a made-to-order coat returned as proper quality, so it is rejected.',
    from: '"Ольга Лебедева" <olga.lebedeva@bk.ru>',
    subject: 'Возврат пальто',
    messageId: '<1741609351.118404262@f733.i.mail.ru>',
    headers: [received('f733.i.mail.ru', '217.69.139.99', 'Mon, 10 Mar 2025 15:22:32 +0300')],
    text: 'Добрый день. Хочу вернуть пальто, заявление отсканировала. Ольга',
    attachments: [{ document: '04-scan-300dpi.png', filename: 'скан заявления.png', contentType: 'image/png' }],
    expect: {
      asOf: '2025-03-10T15:22:31+03:00',
      reply: 'rejected',
      state: 'rejected',
      inbound: 'processed',
      language: 'ru',
      reasons: ['custom_made'],
      note: 'Items made to individual order are not returnable when of proper quality (SPEC §2).',
    },
  },
  {
    name: '05-phone-photo-jpeg',
    description: 'An iPhone photo (perspective, shadow, blur, EXIF orientation 6) of a two-item application.',
    from: '"Игорь Петренко" <i.petrenko@inbox.ru>',
    subject: 'Re: Ваш заказ 4825-1034 доставлен',
    messageId: '<9C1E2A77-4B3D-4F0E-9D5A-2B6C1F0E8A31@inbox.ru>',
    headers: [
      received('f301.i.mail.ru', '217.69.139.41', 'Tue, 11 Mar 2025 21:03:18 +0300'),
      { key: 'X-Mailer', value: 'iPhone Mail (21D61)' },
    ],
    text: 'Прислали не те брюки и не тот свитер. Фото заявления прикрепил.\n\nОтправлено с iPhone',
    attachments: [{ document: '05-phone-photo.jpg', filename: 'IMG_4417.JPG', contentType: 'image/jpeg' }],
    expect: {
      asOf: '2025-03-11T21:03:17+03:00',
      reply: 'needs_review',
      state: 'needs_review',
      inbound: 'processed',
      language: 'ru',
      note: 'Every value is legible to a person, but a phone photo read by OCR is not certain enough to approve unseen.',
    },
  },
  {
    name: '06-no-attachment',
    description: 'The customer wants to return a dress but forgot the application.',
    from: '"Марина Крылова" <marina.krylova@yandex.ru>',
    subject: 'Хочу вернуть платье',
    messageId: '<5521741603125@mail.yandex.ru>',
    headers: [received('forward103b.mail.yandex.net', '178.154.239.150', 'Mon, 10 Mar 2025 13:25:26 +0300')],
    text:
      'Здравствуйте! Хочу вернуть платье из заказа № 4826-3358, не подошёл размер. ' +
      'Подскажите, пожалуйста, как оформить возврат и куда отправить?\n\nМарина',
    problems: ['not_an_application'],
    expect: {
      asOf: '2025-03-10T13:25:25+03:00',
      reply: 'application_missing',
      state: 'awaiting_application',
      inbound: 'processed',
      language: 'ru',
      note: 'The order number in the prose may link the order, but it is not an application field.',
    },
  },
  {
    name: '07-out-of-office',
    description: 'An out-of-office auto-reply (Auto-Submitted: auto-replied) to our earlier reply: never answered.',
    from: '"Марина Крылова" <marina.krylova@yandex.ru>',
    subject: 'Out of office / Нет на месте: Re: Заявление на возврат',
    messageId: '<autoreply-5531741604000@mail.yandex.ru>',
    inReplyTo: '<ri-reply-0006@moda-shop.example>',
    headers: [
      { key: 'Auto-Submitted', value: 'auto-replied' },
      { key: 'X-Auto-Response-Suppress', value: 'All' },
      { key: 'Precedence', value: 'auto_reply' },
    ],
    text: 'Я в отпуске до 20 марта, почту читаю редко.\n\nI am out of the office until 20 March with limited access to e-mail.',
    problems: ['not_an_application'],
    expect: { asOf: '2025-03-10T13:40:00+03:00', reply: null, state: null, inbound: 'ignored', language: 'ru' },
  },
  {
    name: '08-question',
    description: 'A question about sizes: not an application and not a follow-up, so an agent should read it.',
    from: '"Елена Орлова" <e.orlova@yandex.ru>',
    subject: 'Вопрос по размерам',
    messageId: '<7731741611900@mail.yandex.ru>',
    text:
      'Добрый день! Подскажите, пожалуйста, как садится льняное платье DR-5530: маломерит или нет? ' +
      'Рост 168 см, обхват груди 92 см — какой размер лучше взять? И будет ли бежевый цвет снова в наличии?\n\nСпасибо, Елена',
    problems: ['not_an_application'],
    expect: { asOf: '2025-03-10T15:58:20+03:00', reply: null, state: null, inbound: 'needs_attention', language: 'ru' },
  },
  {
    name: '09-duplicate',
    description: 'Byte-identical redelivery of 01-text-pdf (same Message-ID), processed after it: recorded, nothing sent.',
    copyOf: '01-text-pdf',
    expect: {
      asOf: '2025-03-09T10:14:05+03:00',
      reply: null,
      state: 'awaiting_shipment',
      inbound: 'ignored',
      language: 'ru',
      note: 'The return created by 01-text-pdf is unchanged; no second reply.',
    },
  },
  {
    name: '10-corrupt-pdf',
    description: 'The application PDF is truncated (45% of its bytes).',
    from: '"Вера Кузнецова" <v.kuznetsova@mail.ru>',
    subject: 'Заявление на возврат ботинок',
    messageId: '<1741626669.550190224@f188.i.mail.ru>',
    headers: [received('f188.i.mail.ru', '217.69.138.188', 'Mon, 10 Mar 2025 20:11:10 +0300')],
    text: 'Добрый вечер, заявление во вложении. Вера',
    attachments: [{ document: '08-truncated.pdf', filename: 'Заявление.pdf', contentType: 'application/pdf' }],
    expect: {
      asOf: '2025-03-10T20:11:09+03:00',
      reply: 'application_missing',
      state: 'awaiting_application',
      inbound: 'processed',
      language: 'ru',
      note: 'The only document cannot be read, so there is no application yet; the reply asks for it again.',
    },
  },
  {
    name: '11-non-image-attachment',
    description: 'A .docx sent as "заявление.jpg" with Content-Type image/jpeg.',
    from: '"Алексей Смирнов" <alexey.smirnov@gmail.com>',
    subject: 'Возврат худи',
    messageId: '<CAHn4RtVx81mQp2@mail.gmail.com>',
    text: 'Здравствуйте, прикладываю заявление на возврат худи по заказу 4828-1175.',
    attachments: [{ document: '09-docx-named-jpg.jpg', filename: 'заявление.jpg', contentType: 'image/jpeg' }],
    expect: {
      asOf: '2025-03-11T08:30:00+03:00',
      reply: 'application_missing',
      state: 'awaiting_application',
      inbound: 'processed',
      language: 'ru',
      note: 'A .docx is not a document we read; the reply asks for a scan, photo or PDF.',
    },
  },
  {
    name: '12-application-in-body',
    description: 'The application typed into a windows-1251 quoted-printable body with the form labels; no attachment.',
    from: '"Наталья Зайцева" <n.zaytseva@rambler.ru>',
    subject: 'Заявление на возврат товара',
    messageId: '<002c01db91a3$5e3f1a20$1abd4e60$@rambler.ru>',
    headers: [
      received('mail.rambler.ru', '81.19.78.100', 'Mon, 10 Mar 2025 12:47:02 +0300'),
      { key: 'X-Mailer', value: 'Microsoft Outlook 16.0' },
      { key: 'Content-Language', value: 'ru' },
    ],
    charset: 'windows-1251',
    text: 'Здравствуйте!\n\nПринтера нет, поэтому заполняю заявление прямо в письме:\n\n',
    bodyApplication: 'zaytseva',
    signature: '\n\nС уважением,\nНаталья Зайцева',
    expect: { asOf: '2025-03-10T12:47:01+03:00', reply: 'approved', state: 'awaiting_shipment', inbound: 'processed', language: 'ru' },
  },
  {
    name: '14-body-utf8',
    description: 'The application typed into a plain UTF-8 body from a phone mail app (no attachment, no printer).',
    from: findApplication('c02').application.fields.email!,
    subject: 'Возврат',
    messageId: '<body-c02.1741600000@mail.example.ru>',
    headers: [],
    text: 'Добрый день! Заявление на возврат ниже.\n\n',
    bodyApplication: 'c02',
    signature: '\n\nОтправлено с мобильного',
    expect: { asOf: `${findApplication('c02').application.fields.applicationDate}T12:30:00+03:00`, reply: 'approved', state: 'awaiting_shipment', inbound: 'processed', language: 'ru' },
  },
  {
    name: '15-body-second-customer',
    description: 'Another customer types the whole application into the e-mail, labels and all.',
    from: findApplication('c03').application.fields.email!,
    subject: 'Заявление на возврат',
    messageId: '<body-c03.1741600001@mail.example.ru>',
    headers: [],
    text: 'Здравствуйте.\n\n',
    bodyApplication: 'c03',
    expect: { asOf: `${findApplication('c03').application.fields.applicationDate}T12:30:00+03:00`, reply: 'approved', state: 'awaiting_shipment', inbound: 'processed', language: 'ru' },
  },
  {
    name: '13-english',
    description: 'A customer abroad writes in English and attaches the form filled in English (international order).',
    from: 'Sarah Thompson <sarah.thompson@gmail.com>',
    subject: 'Return request - order 4830-2207',
    messageId: '<CAF7uK2bW0pZ3nQ@mail.gmail.com>',
    headers: [received('mail-wr1-f52.google.com', '209.85.221.52', 'Mon, 10 Mar 2025 18:45:01 +0000')],
    text:
      'Hello,\n\nI would like to return the mohair cardigan from order 4830-2207 - it is too small. ' +
      'Please find the completed return form attached.\n\nKind regards,\nSarah Thompson',
    attachments: [{ document: '07-english-text-layer.pdf', filename: 'return-application.pdf', contentType: 'application/pdf' }],
    expect: { asOf: '2025-03-10T18:45:00+00:00', reply: 'approved', state: 'awaiting_shipment', inbound: 'processed', language: 'en' },
  },
];
