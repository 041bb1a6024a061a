// Pages that are not our form: other shops' return applications (a letter with a passport block and an
// articles table; a marketplace form with a key–value grid), a cover letter, a shop receipt and an empty
// page. Each layout also says which canonical fields it prints, so its ground truth holds exactly those.
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { FieldKey, ItemKey, Reason } from '../../src/domain/application.ts';
import type { SampleApplication, WritingStyle } from './sample-application.ts';
import { printApplication } from './sample-application.ts';

export type ShopLayout = 'letter' | 'marketplace' | 'cover-letter' | 'receipt' | 'empty';

const PT_PER_MM = 72 / 25.4;
const FONT_DIR = new URL('../../templates/forms/fonts/', import.meta.url);
const INK = rgb(0, 0, 0);
const PEN = rgb(0.08, 0.15, 0.55);
const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

const REASON_WORDS: Record<Reason, string> = {
  proper_quality: 'товар надлежащего качества',
  defect: 'товар ненадлежащего качества (брак)',
  wrong_item: 'прислали не тот товар (пересорт)',
};
const ITEM_REASON: Record<Reason, string> = { proper_quality: 'Не подошёл', defect: 'Брак', wrong_item: 'Не тот товар' };

export interface ShopApplication {
  application: SampleApplication;
  style: WritingStyle;
  /** The full card number the customer writes (other shops ask for it); only its last 4 are kept. */
  fullCard?: string;
}

/** Which canonical fields and item cells each layout prints. */
export const LAYOUT_FIELDS: Record<'letter' | 'marketplace', { fields: FieldKey[]; items: ItemKey[] }> = {
  letter: {
    fields: ['orderNumber', 'orderDate', 'receivedDate', 'fullName', 'email', 'phone', 'reason', 'reasonText', 'refundMethod', 'bik', 'account', 'corrAccount', 'accountHolder', 'cardLast4', 'applicationDate'],
    items: ['sku', 'name', 'size', 'quantity', 'price'],
  },
  marketplace: {
    fields: ['orderNumber', 'orderDate', 'receivedDate', 'fullName', 'email', 'phone', 'reason', 'reasonText', 'refundMethod', 'bik', 'account', 'corrAccount', 'accountHolder', 'cardLast4', 'applicationDate'],
    items: ['sku', 'name', 'size', 'quantity', 'price', 'reason'],
  },
};

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y} г.`;
}

function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

function money(kopecksTotal: number): string {
  const rubles = Math.floor(kopecksTotal / 100);
  return `${String(rubles).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(kopecksTotal % 100).padStart(2, '0')}`;
}

const kopecks = (price: string) => Math.round(Number(price) * 100);

class Writer {
  constructor(
    private readonly page: PDFPage,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {}
  text(s: string, xMm: number, yMm: number, opts: { size?: number; bold?: boolean; pen?: boolean; right?: boolean } = {}): void {
    const size = opts.size ?? 10.5;
    const font = opts.bold ? this.bold : this.regular;
    const width = font.widthOfTextAtSize(s, size);
    const x = opts.right ? xMm * PT_PER_MM - width : xMm * PT_PER_MM;
    this.page.drawText(s, { x, y: this.page.getHeight() - yMm * PT_PER_MM, size, font, color: opts.pen ? PEN : INK });
  }
  /** "Label: value" with the value in pen. */
  field(label: string, value: string, xMm: number, yMm: number, size = 10.5): void {
    const w = this.regular.widthOfTextAtSize(`${label} `, size) / PT_PER_MM;
    this.text(label, xMm, yMm, { size });
    this.text(value, xMm + w, yMm, { size, pen: true });
  }
  line(x1: number, y1: number, x2: number, y2: number, thickness = 0.6): void {
    const h = this.page.getHeight();
    this.page.drawLine({ start: { x: x1 * PT_PER_MM, y: h - y1 * PT_PER_MM }, end: { x: x2 * PT_PER_MM, y: h - y2 * PT_PER_MM }, thickness, color: INK });
  }
  center(s: string, yMm: number, size: number, bold = true): void {
    const font = bold ? this.bold : this.regular;
    const w = font.widthOfTextAtSize(s, size) / PT_PER_MM;
    this.text(s, (210 - w) / 2, yMm, { size, bold });
  }
  /** A ruled table: header row, then rows; columns by x (mm). */
  table(yMm: number, columns: Array<{ title: string; x: number; width: number }>, rows: string[][]): number {
    const rowH = 7.5;
    const left = columns[0]!.x;
    const right = columns.at(-1)!.x + columns.at(-1)!.width;
    const bottom = yMm + rowH * (rows.length + 1);
    for (let r = 0; r <= rows.length + 1; r += 1) this.line(left, yMm + r * rowH, right, yMm + r * rowH);
    for (const c of columns) this.line(c.x, yMm, c.x, bottom);
    this.line(right, yMm, right, bottom);
    columns.forEach((c) => this.text(c.title, c.x + 1.2, yMm + 5, { size: 9, bold: true }));
    rows.forEach((row, r) => columns.forEach((c, k) => row[k] && this.text(row[k]!, c.x + 1.2, yMm + rowH * (r + 1) + 5.2, { size: 9.5, pen: true })));
    return bottom;
  }
}

function refundLines(app: ShopApplication, printed: Record<string, string | undefined>): string[] {
  const f = app.application.fields;
  if (f.refundMethod === 'card') {
    return app.fullCard ? [`на банковскую карту, номер карты: ${app.fullCard.replace(/(\d{4})(?=\d)/g, '$1 ')}`] : [`на банковскую карту, последние 4 цифры карты: ${f.cardLast4}`];
  }
  return [`БИК ${printed.bik}, расчётный счёт ${printed.account},`, `корр. счёт ${printed.corrAccount}, получатель: ${printed.accountHolder}`];
}

function drawLetter(w: Writer, app: ShopApplication): void {
  const printed = printApplication(app.application, app.style).fields;
  const f = app.application.fields;
  const R = 195;
  const header = [
    'Генеральному директору',
    'ООО «Стиль Маркет»',
    `от ${f.fullName}`,
    'паспорт серия 45 12 № 345678',
    'выдан ОВД района Хамовники г. Москвы',
    `тел.: ${printed.phone}`,
    `e-mail: ${printed.email}`,
  ];
  header.forEach((s, i) => w.text(s, R, 18 + i * 5.5, { size: 10, right: true, pen: i >= 2 }));
  w.center('ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА', 66, 14);
  w.text(`Я, ${f.fullName}, паспорт серия 45 12 № 345678, прошу произвести возврат`, 20, 80, { pen: false });
  w.text(`следующих артикулов из заказа № ${f.orderNumber} от ${shortDate(f.orderDate!)}:`, 20, 86);
  const rows = app.application.items.map((item, i) => [
    String(i + 1),
    item.sku ?? '',
    item.name ?? '',
    item.size ?? '',
    item.quantity ?? '1',
    `${money(kopecks(item.price!) * Number(item.quantity ?? '1'))}`,
  ]);
  const bottom = w.table(
    92,
    [
      { title: '№', x: 20, width: 8 },
      { title: 'Артикул', x: 28, width: 24 },
      { title: 'Наименование', x: 52, width: 66 },
      { title: 'Размер', x: 118, width: 18 },
      { title: 'Кол-во', x: 136, width: 16 },
      { title: 'Сумма, руб.', x: 152, width: 38 },
    ],
    rows,
  );
  const total = app.application.items.reduce((s, i) => s + kopecks(i.price!) * Number(i.quantity ?? '1'), 0);
  w.text(`Итого: ${money(total)} руб.`, 152, bottom + 6, { size: 10 });
  let y = bottom + 16;
  w.field('Товар получен:', printed.receivedDate!, 20, y);
  y += 7;
  w.field('Причина возврата:', REASON_WORDS[f.reason!], 20, y);
  y += 7;
  w.field('Подробнее:', f.reasonText!, 20, y);
  y += 10;
  w.text('Реквизиты для возврата денежных средств:', 20, y, { bold: true });
  for (const s of refundLines(app, printed)) {
    y += 6.5;
    w.text(s, 20, y, { pen: true });
  }
  y += 16;
  w.field('Дата:', longDate(f.applicationDate!), 20, y);
  w.text('Подпись: ____________', 120, y);
}

function drawMarketplace(w: Writer, app: ShopApplication): void {
  const printed = printApplication(app.application, app.style);
  const p = printed.fields;
  const f = app.application.fields;
  w.text('Интернет-магазин «ГардеробЪ» · www.garderob.example · 8 800 555-00-00', 20, 14, { size: 8 });
  w.center('Заявление на возврат товара', 28, 15);
  w.center('(заполняется покупателем)', 34, 9, false);
  const grid: Array<[string, string]> = [
    ['Номер заказа:', p.orderNumber!],
    ['Дата заказа:', p.orderDate!],
    ['Дата получения товара:', p.receivedDate!],
    ['ФИО покупателя:', p.fullName!],
    ['Контактный телефон:', p.phone!],
    ['Электронная почта:', p.email!],
  ];
  grid.forEach(([label, value], i) => w.field(label, value, 20, 46 + i * 7.5));
  const rows = printed.items.map((item) => [item.sku ?? '', item.name ?? '', item.size ?? '', item.quantity ?? '1', item.price ?? '', ITEM_REASON[app.application.items[0]!.reason as Reason]]);
  const bottom = w.table(
    96,
    [
      { title: 'Артикул', x: 20, width: 24 },
      { title: 'Название', x: 44, width: 56 },
      { title: 'Размер', x: 100, width: 17 },
      { title: 'Количество', x: 117, width: 22 },
      { title: 'Цена', x: 139, width: 24 },
      { title: 'Причина', x: 163, width: 27 },
    ],
    rows,
  );
  let y = bottom + 12;
  w.field('Причина возврата:', { proper_quality: 'Товар надлежащего качества', defect: 'Брак', wrong_item: 'Не тот товар' }[f.reason!], 20, y);
  y += 7.5;
  w.field('Комментарий:', f.reasonText!, 20, y);
  y += 11;
  if (f.refundMethod === 'card') {
    w.field('Способ возврата денежных средств:', 'на банковскую карту', 20, y);
    y += 7.5;
    if (app.fullCard) w.field('Номер карты:', app.fullCard.replace(/(\d{4})(?=\d)/g, '$1 '), 20, y);
    else w.field('Последние 4 цифры карты:', f.cardLast4!, 20, y);
  } else {
    w.field('Способ возврата денежных средств:', 'на банковский счёт', 20, y);
    for (const [label, value] of [
      ['БИК банка:', p.bik!],
      ['Расчётный счёт:', p.account!],
      ['Корр. счёт:', p.corrAccount!],
      ['Получатель:', p.accountHolder!],
    ] as const) {
      y += 7.5;
      w.field(label, value, 20, y);
    }
  }
  y += 14;
  w.field('Дата составления:', longDate(f.applicationDate!), 20, y);
  w.text('Подпись покупателя: ____________', 115, y);
}

function drawCoverLetter(w: Writer, app: ShopApplication): void {
  const f = app.application.fields;
  w.text('Здравствуйте!', 20, 30);
  w.text(`Направляю вам заявление на возврат по заказу ${f.orderNumber}.`, 20, 40);
  w.text('Заявление — на следующей странице. Товар упакован, бирки на месте.', 20, 47);
  w.text('Прошу сообщить адрес для отправки посылки.', 20, 54);
  w.text('С уважением,', 20, 70);
  w.text(f.fullName!, 20, 77, { pen: true });
  w.text('стр. 1', 105, 285, { size: 8 });
}

function drawReceipt(w: Writer): void {
  w.center('ООО «ГардеробЪ»', 30, 12);
  w.center('КАССОВЫЙ ЧЕК / ПРИХОД', 38, 11);
  const lines = [
    'ИНН 7701234567   Смена 118   Чек 42',
    '14.02.2025 13:47',
    'Кроссовки белые  SN-0718   1 x 8 990,00',
    'Носки хлопковые  SC-1102   3 x 290,00',
    'ИТОГ                          9 860,00',
    'Безналичными                  9 860,00',
    'в т.ч. НДС 20%                1 643,33',
    'Кассир: Иванова Е.',
    'Спасибо за покупку!',
  ];
  lines.forEach((s, i) => w.text(s, 45, 52 + i * 7, { size: 11 }));
}

/** One A4 page of the given layout as a text PDF. */
export async function renderShopPage(layout: ShopLayout, app: ShopApplication | undefined, date: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(await readFile(new URL('DejaVuSans.ttf', FONT_DIR)), { subset: true });
  const bold = await doc.embedFont(await readFile(new URL('DejaVuSans-Bold.ttf', FONT_DIR)), { subset: true });
  const page = doc.addPage([210 * PT_PER_MM, 297 * PT_PER_MM]);
  doc.setProducer('Microsoft® Word 2016');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const w = new Writer(page, regular, bold);
  const need = () => {
    if (!app) throw new Error(`layout ${layout} needs an application`);
    return app;
  };
  switch (layout) {
    case 'letter':
      drawLetter(w, need());
      break;
    case 'marketplace':
      drawMarketplace(w, need());
      break;
    case 'cover-letter':
      drawCoverLetter(w, need());
      break;
    case 'receipt':
      drawReceipt(w);
      break;
    case 'empty':
      break;
  }
  return doc.save();
}
