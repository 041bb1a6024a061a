// The project's own return application form: its labels (what the parser looks for) and the layout in
// millimetres on A4 (what the form generator draws and what zone OCR crops). One source for both, so the
// printed form and the reader cannot drift apart.
import type { FieldKey } from './application.ts';

export const FORM_TITLE_RU = 'ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА';
export const FORM_TITLE_EN = 'RETURN APPLICATION';
/** Printed in the form's footer; identifies our layout (and its version) to the zone reader. */
export const FORM_ID = 'RI-FORM-1';

export const A4_MM = { width: 210, height: 297 } as const;

export interface FormField {
  key: FieldKey;
  /** Printed label, Russian then English, separated by " / ". The value is written after the label on the same line. */
  labelRu: string;
  labelEn: string;
  /** Box where the customer writes the value, mm from the top-left corner of the page. */
  zone: { x: number; y: number; width: number; height: number };
  /** Name of the AcroForm field in the fillable PDF. */
  pdfField: string;
}

const LEFT = 15;
const VALUE_X = 80;
const VALUE_W = 115;
const ROW_H = 8;

function row(key: FieldKey, labelRu: string, labelEn: string, y: number): FormField {
  return { key, labelRu, labelEn, zone: { x: VALUE_X, y, width: VALUE_W, height: ROW_H }, pdfField: key };
}

/** Single-line fields in print order. `reason` and `refundMethod` are checkbox groups, described below. */
export const FORM_FIELDS: readonly FormField[] = [
  row('orderNumber', 'Номер заказа', 'Order number', 40),
  row('orderDate', 'Дата заказа', 'Order date', 49),
  row('receivedDate', 'Дата получения', 'Date received', 58),
  row('fullName', 'ФИО', 'Full name', 72),
  row('email', 'E-mail', 'E-mail', 81),
  row('phone', 'Телефон', 'Phone', 90),
  row('reasonText', 'Комментарий', 'Comment', 186),
  row('bik', 'БИК', 'BIK', 220),
  row('account', 'Расчётный счёт', 'Account', 229),
  row('corrAccount', 'Корр. счёт', 'Corr. account', 238),
  row('accountHolder', 'Получатель', 'Account holder', 247),
  row('cardLast4', 'Последние 4 цифры карты', 'Card last 4 digits', 256),
  row('applicationDate', 'Дата заявления', 'Application date', 272),
];

/** A written or printed value's baseline sits this far above the bottom of its zone (room for descenders). */
export const FORM_BASELINE_FROM_BOTTOM_MM = 2;
/** Checkbox options are printed one under another, this far apart. */
export const FORM_CHOICE_STEP_MM = 6;

/**
 * Baseline of a checkbox group's option `i`, mm from the top: the first sits on the group's own line (a row
 * of the field height starting at the group's `y`), the others below it. Drawn by the form generator,
 * read by zone OCR.
 */
export function formChoiceBaseline(groupY: number, i: number): number {
  return groupY + ROW_H - FORM_BASELINE_FROM_BOTTOM_MM + i * FORM_CHOICE_STEP_MM;
}

/** Checkbox groups: printed as "[X] label" when ticked and "[ ] label" when not. */
export const FORM_CHOICES = {
  reason: {
    labelRu: 'Причина возврата',
    labelEn: 'Reason for return',
    y: 165,
    options: [
      { value: 'proper_quality', labelRu: 'Товар надлежащего качества', labelEn: 'Proper quality' },
      { value: 'defect', labelRu: 'Брак', labelEn: 'Defect' },
      { value: 'wrong_item', labelRu: 'Не тот товар', labelEn: 'Wrong item' },
    ],
  },
  refundMethod: {
    labelRu: 'Способ возврата денег',
    labelEn: 'Refund method',
    y: 203,
    options: [
      { value: 'bank_account', labelRu: 'На банковский счёт', labelEn: 'Bank account' },
      { value: 'card', labelRu: 'На карту', labelEn: 'Card' },
    ],
  },
} as const;

/** The items table: header row at `y`, then up to `maxRows` rows of `rowHeight`. Columns left to right. */
export const FORM_ITEMS_TABLE = {
  y: 104,
  rowHeight: 8,
  maxRows: 5,
  columns: [
    { key: 'sku', labelRu: 'Артикул', labelEn: 'SKU', x: 15, width: 30 },
    { key: 'name', labelRu: 'Наименование', labelEn: 'Item', x: 45, width: 60 },
    { key: 'size', labelRu: 'Размер', labelEn: 'Size', x: 105, width: 18 },
    { key: 'quantity', labelRu: 'Кол-во', labelEn: 'Qty', x: 123, width: 16 },
    { key: 'price', labelRu: 'Цена, ₽', labelEn: 'Price, RUB', x: 139, width: 26 },
    { key: 'reason', labelRu: 'Причина', labelEn: 'Reason', x: 165, width: 30 },
  ],
} as const;

export const FORM_LEFT_MM = LEFT;
