// The project's own return application form: its labels (what the parser looks for) and the layout in
// millimetres on A4 (what the form generator draws and what zone OCR crops). One source for both, so the
// printed form and the reader cannot drift apart.
import type { FieldKey } from './application.ts';

export const FORM_TITLE_RU = 'ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА';
export const FORM_TITLE_EN = 'RETURN APPLICATION';
/**
 * Printed in the form's footer; identifies our layout (and its version) to the zone reader. Version 2 writes
 * every digit field in comb boxes (one character per cell) for the pen; version 1 (a line per value) is still
 * read, because customers keep blanks printed long ago.
 */
export const FORM_ID = 'RI-FORM-2';
export const FORM_ID_LINES = 'RI-FORM-1';

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
  /**
   * Comb boxes (form version 2): the value is written one character per cell from the zone's left edge. Cells
   * in `printed` carry a printed character (the dots of a date, the "+7" of a phone) and are not written in.
   */
  comb?: { cells: number; printed?: Readonly<Record<number, string>> };
}

const LEFT = 15;
const VALUE_X = 80;
const VALUE_W = 115;
const ROW_H = 8;

function row(key: FieldKey, labelRu: string, labelEn: string, y: number, comb?: FormField['comb']): FormField {
  return { key, labelRu, labelEn, zone: { x: VALUE_X, y, width: VALUE_W, height: ROW_H }, pdfField: key, ...(comb ? { comb } : {}) };
}

/** DD.MM.YYYY: the dots are printed, the eight digits written. */
const DATE_COMB = { cells: 10, printed: { 2: '.', 5: '.' } };

/** Single-line fields in print order. `reason` and `refundMethod` are checkbox groups, described below. */
export const FORM_FIELDS: readonly FormField[] = [
  // Order numbers differ by shop ("LH-48213", "4417/26", "48213577-0019"): any character, one per cell.
  row('orderNumber', 'Номер заказа', 'Order number', 40, { cells: 14 }),
  row('orderDate', 'Дата заказа', 'Order date', 49, DATE_COMB),
  row('receivedDate', 'Дата получения', 'Date received', 58, DATE_COMB),
  row('fullName', 'ФИО', 'Full name', 72),
  row('email', 'E-mail', 'E-mail', 81),
  row('phone', 'Телефон', 'Phone', 90, { cells: 12, printed: { 0: '+', 1: '7' } }),
  row('reasonText', 'Комментарий', 'Comment', 186),
  row('bik', 'БИК', 'BIK', 220, { cells: 9 }),
  row('account', 'Расчётный счёт', 'Account', 229, { cells: 20 }),
  row('corrAccount', 'Корр. счёт', 'Corr. account', 238, { cells: 20 }),
  row('accountHolder', 'Получатель', 'Account holder', 247),
  row('cardLast4', 'Последние 4 цифры карты', 'Card last 4 digits', 256, { cells: 4 }),
  row('applicationDate', 'Дата заявления', 'Application date', 272, DATE_COMB),
];

/** A comb cell: wide enough for a handwritten digit, 20 of them (an account) fit the value column. */
export const COMB_CELL_MM = 5.5;
/** The cells stand in the zone's row with this much room above and below (the row is 8 mm). */
const COMB_INSET_MM = 0.6;

/** A run of comb cells: a field's, or the quantity cells of one row of the items table. */
export type Comb = Pick<FormField, 'zone'> & { key: string; comb: NonNullable<FormField['comb']> };

/** Cell `i` of a comb field, mm from the page's top-left corner (the printed box, walls included). */
export function combCell(field: Pick<FormField, 'zone'>, i: number): { x: number; y: number; width: number; height: number } {
  const { zone } = field;
  return { x: zone.x + i * COMB_CELL_MM, y: zone.y + COMB_INSET_MM, width: COMB_CELL_MM, height: zone.height - 2 * COMB_INSET_MM };
}

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

/** Cells of the quantity column, per row: a count is one or two digits. */
const QUANTITY_CELLS = 2;

/** The quantity cells of table row `r` (0-based), centred in their column. */
export function quantityComb(r: number): Comb {
  const t = FORM_ITEMS_TABLE;
  const column = t.columns.find((c) => c.key === 'quantity')!;
  const x = column.x + (column.width - QUANTITY_CELLS * COMB_CELL_MM) / 2;
  return { key: 'quantity', zone: { x, y: t.y + t.rowHeight * (r + 1), width: QUANTITY_CELLS * COMB_CELL_MM, height: t.rowHeight }, comb: { cells: QUANTITY_CELLS } };
}

export const FORM_LEFT_MM = LEFT;
