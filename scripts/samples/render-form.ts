// Draws the project's return application form (src/domain/application-form.ts) with pdf-lib: blank or
// filled in, printable or with AcroForm fields. Every coordinate comes from the shared layout, so the
// zone reader crops exactly where this draws; labels and their values share one baseline, so a text layer
// reads "Номер заказа / Order number: 4821-5567".
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFForm, type PDFPage, type RGB } from 'pdf-lib';
import {
  A4_MM,
  FORM_CHOICES,
  FORM_FIELDS,
  FORM_ID,
  FORM_BASELINE_FROM_BOTTOM_MM,
  FORM_ITEMS_TABLE,
  FORM_LEFT_MM,
  FORM_TITLE_EN,
  FORM_TITLE_RU,
  formChoiceBaseline,
  combCell,
  COMB_CELL_MM,
  quantityComb,
  type Comb,
} from '../../src/domain/application-form.ts';
import type { PrintedApplication } from './sample-application.ts';

const PT_PER_MM = 72 / 25.4;
const FONT_DIR = new URL('../../templates/forms/fonts/', import.meta.url);
const RIGHT_MM = A4_MM.width - FORM_LEFT_MM;
const INK = rgb(0, 0, 0);
const GREY = rgb(0.45, 0.45, 0.45);
const RULE = rgb(0.6, 0.6, 0.6);
/** Ballpoint blue: dark enough to survive greyscale scanning, clearly not part of the printed form. */
export const PEN_BLUE = rgb(0.08, 0.15, 0.55);

const LABEL_PT = 9;
const VALUE_PT = 11;
const CHECKBOX_MM = 3.4;

export interface RenderFormOptions {
  /** Values to write on the form; absent for the blank form. */
  filled?: PrintedApplication;
  /** Add AcroForm fields (named by FormField.pdfField, `items.<row>.<column>`, radio groups by key). */
  fillable: boolean;
  /** Written into the PDF's dates so the output is byte-for-byte reproducible. */
  date: Date;
  pen?: RGB;
}

interface Canvas {
  page: PDFPage;
  regular: PDFFont;
  bold: PDFFont;
}

function pt(mm: number): number {
  return mm * PT_PER_MM;
}

/** Top-left millimetres (the layout's system) to pdf-lib's bottom-left points. */
function y(page: PDFPage, mmFromTop: number): number {
  return page.getHeight() - pt(mmFromTop);
}

function drawText(c: Canvas, text: string, xMm: number, baselineMm: number, size: number, font = c.regular, color: RGB = INK): void {
  c.page.drawText(text, { x: pt(xMm), y: y(c.page, baselineMm), size, font, color });
}

function rule(c: Canvas, x1: number, y1: number, x2: number, y2: number, thickness = 0.5, color: RGB = RULE): void {
  c.page.drawLine({ start: { x: pt(x1), y: y(c.page, y1) }, end: { x: pt(x2), y: y(c.page, y2) }, thickness, color });
}

/** The largest size ≤ `preferred` at which `text` fits in `widthMm` (long bilingual labels shrink rather than wrap). */
function fitSize(font: PDFFont, text: string, widthMm: number, preferred: number, min = 5): number {
  let size = preferred;
  while (size > min && font.widthOfTextAtSize(text, size) > pt(widthMm)) size -= 0.25;
  return size;
}

function label(ru: string, en: string): string {
  return ru === en ? `${ru}:` : `${ru} / ${en}:`;
}

function drawHeader(c: Canvas): void {
  const center = (text: string, size: number, baseline: number, font: PDFFont, color: RGB = INK): void => {
    const width = font.widthOfTextAtSize(text, size) / PT_PER_MM;
    drawText(c, text, (A4_MM.width - width) / 2, baseline, size, font, color);
  };
  center(FORM_TITLE_RU, 15, 17, c.bold);
  center(FORM_TITLE_EN, 11, 23, c.bold);
  const hint = 'Заполните печатными буквами, подпишите, отправьте скан или фото / Fill in block letters, sign, e-mail a scan or photo';
  center(hint, fitSize(c.regular, hint, RIGHT_MM - FORM_LEFT_MM, 7), 29, c.regular, GREY);
}

const SECTIONS: readonly { ru: string; en: string; baseline: number }[] = [
  { ru: 'Заказ', en: 'Order', baseline: 36.5 },
  { ru: 'Покупатель', en: 'Customer', baseline: 69.5 },
  { ru: 'Товары к возврату', en: 'Items to return', baseline: 102 },
  { ru: 'Возврат', en: 'Return', baseline: 161.5 },
  { ru: 'Реквизиты для возврата денег', en: 'Refund details', baseline: 200 },
  { ru: 'Подпись', en: 'Signature', baseline: 269.5 },
];

function drawSections(c: Canvas): void {
  for (const s of SECTIONS) {
    drawText(c, `${s.ru} / ${s.en}`.toUpperCase(), FORM_LEFT_MM, s.baseline, 8, c.bold, GREY);
  }
}

function drawFields(c: Canvas, opts: RenderFormOptions, doc: PDFDocument): void {
  const form = opts.fillable ? doc.getForm() : undefined;
  for (const field of FORM_FIELDS) {
    const { zone } = field;
    const baseline = zone.y + zone.height - FORM_BASELINE_FROM_BOTTOM_MM;
    const text = label(field.labelRu, field.labelEn);
    drawText(c, text, FORM_LEFT_MM, baseline, fitSize(c.regular, text, zone.x - FORM_LEFT_MM - 2, LABEL_PT));
    const value = opts.filled?.fields[field.key];
    if (field.comb) {
      const comb = { ...field, comb: field.comb };
      drawComb(c, comb, form ? undefined : value, opts.pen ?? PEN_BLUE);
      if (form) addCombField(c, form, field.pdfField, comb, value, opts.pen ?? PEN_BLUE);
      continue;
    }
    rule(c, zone.x, baseline + 1, zone.x + zone.width, baseline + 1);
    if (form) {
      const textField = form.createTextField(field.pdfField);
      if (value !== undefined) textField.setText(value);
      textField.addToPage(c.page, {
        x: pt(zone.x),
        y: y(c.page, zone.y + zone.height),
        width: pt(zone.width),
        height: pt(zone.height),
        font: c.regular,
        textColor: opts.pen ?? PEN_BLUE,
        backgroundColor: undefined,
        borderWidth: 0,
        borderColor: undefined,
      });
      textField.setFontSize(VALUE_PT);
    } else if (value !== undefined) {
      drawText(c, value, zone.x + 1, baseline, fitSize(c.regular, value, zone.width - 2, VALUE_PT), c.regular, opts.pen ?? PEN_BLUE);
    }
  }
}

/**
 * Comb boxes: one character per cell, in black so the form prints in black and white. A printed character (a
 * date's dots, a phone's "+7") sits in a grey cell nobody writes in. A filled value is written one character per
 * cell; where it holds the printed character, that cell is left as printed.
 */
/** A fillable comb field spreads what is typed one character per cell, over exactly the printed cells. */
function addCombField(c: Canvas, form: PDFForm, name: string, comb: Comb, value: string | undefined, pen: RGB): void {
  const combField = form.createTextField(name);
  combField.setMaxLength(comb.comb.cells);
  combField.enableCombing();
  if (value !== undefined) combField.setText(value.slice(0, comb.comb.cells));
  const first = combCell(comb, 0);
  combField.addToPage(c.page, {
    x: pt(first.x),
    y: y(c.page, first.y + first.height),
    width: pt(COMB_CELL_MM * comb.comb.cells),
    height: pt(first.height),
    font: c.regular,
    textColor: pen,
    backgroundColor: undefined,
    borderWidth: 0,
    borderColor: undefined,
  });
  combField.setFontSize(VALUE_PT);
}

function drawComb(c: Canvas, field: Comb, value: string | undefined, pen: RGB): void {
  const comb = field.comb!;
  for (let i = 0; i < comb.cells; i++) {
    const cell = combCell(field, i);
    const printed = comb.printed?.[i];
    c.page.drawRectangle({
      x: pt(cell.x),
      y: y(c.page, cell.y + cell.height),
      width: pt(cell.width),
      height: pt(cell.height),
      borderColor: INK,
      borderWidth: 0.5,
      ...(printed !== undefined ? { color: rgb(0.88, 0.88, 0.88) } : {}),
    });
    const glyph = printed ?? value?.[i];
    if (glyph === undefined || glyph === ' ') continue;
    const size = printed !== undefined ? LABEL_PT : VALUE_PT;
    const width = c.regular.widthOfTextAtSize(glyph, size) / PT_PER_MM;
    drawText(c, glyph, cell.x + (cell.width - width) / 2, cell.y + cell.height - 1.4, size, c.regular, printed !== undefined ? INK : pen);
  }
}

function drawChoices(c: Canvas, opts: RenderFormOptions, doc: PDFDocument): void {
  const valueX = FORM_FIELDS[0]!.zone.x;
  for (const [key, group] of Object.entries(FORM_CHOICES) as [keyof typeof FORM_CHOICES, (typeof FORM_CHOICES)[keyof typeof FORM_CHOICES]][]) {
    const baseline0 = formChoiceBaseline(group.y, 0);
    const groupLabel = label(group.labelRu, group.labelEn);
    drawText(c, groupLabel, FORM_LEFT_MM, baseline0, fitSize(c.regular, groupLabel, valueX - FORM_LEFT_MM - 2, LABEL_PT));
    const chosen = opts.filled?.fields[key];
    const radio = opts.fillable ? doc.getForm().createRadioGroup(key) : undefined;
    group.options.forEach((option, i) => {
      const baseline = formChoiceBaseline(group.y, i);
      const optionText = `${option.labelRu} / ${option.labelEn}`;
      if (radio) {
        radio.addOptionToPage(option.value, c.page, {
          x: pt(valueX),
          y: y(c.page, baseline + 0.4),
          width: pt(CHECKBOX_MM),
          height: pt(CHECKBOX_MM),
          borderWidth: 0.8,
          textColor: opts.pen ?? PEN_BLUE,
          backgroundColor: undefined,
        });
        drawText(c, optionText, valueX + CHECKBOX_MM + 2, baseline, LABEL_PT);
        return;
      }
      // "[X] label" / "[ ] label" (the layout's convention). The tick is drawn in pen colour between
      // printed brackets with no gap, so a text layer still reads "[X]".
      const open = '[';
      const mark = chosen === option.value ? 'X' : ' ';
      const openW = c.regular.widthOfTextAtSize(open, LABEL_PT) / PT_PER_MM;
      const markW = c.regular.widthOfTextAtSize(mark, LABEL_PT) / PT_PER_MM;
      drawText(c, open, valueX, baseline, LABEL_PT);
      drawText(c, mark, valueX + openW, baseline, LABEL_PT, c.regular, mark === 'X' ? (opts.pen ?? PEN_BLUE) : INK);
      drawText(c, `] ${optionText}`, valueX + openW + markW, baseline, LABEL_PT);
    });
    if (radio && chosen !== undefined) radio.select(chosen);
  }
}

function drawItemsTable(c: Canvas, opts: RenderFormOptions, doc: PDFDocument): void {
  const t = FORM_ITEMS_TABLE;
  const left = t.columns[0]!.x;
  const last = t.columns[t.columns.length - 1]!;
  const right = last.x + last.width;
  const bottom = t.y + t.rowHeight * (t.maxRows + 1);
  c.page.drawRectangle({
    x: pt(left),
    y: y(c.page, t.y + t.rowHeight),
    width: pt(right - left),
    height: pt(t.rowHeight),
    color: rgb(0.92, 0.92, 0.92),
  });
  for (let r = 0; r <= t.maxRows + 1; r++) rule(c, left, t.y + r * t.rowHeight, right, t.y + r * t.rowHeight, 0.6, INK);
  for (const col of t.columns) rule(c, col.x, t.y, col.x, bottom, 0.6, INK);
  rule(c, right, t.y, right, bottom, 0.6, INK);

  const form = opts.fillable ? doc.getForm() : undefined;
  for (const col of t.columns) {
    drawText(c, col.labelRu, col.x + 1, t.y + 3.6, fitSize(c.bold, col.labelRu, col.width - 2, 7.5), c.bold);
    drawText(c, col.labelEn, col.x + 1, t.y + 7, fitSize(c.regular, col.labelEn, col.width - 2, 6.5), c.regular, GREY);
    for (let r = 0; r < t.maxRows; r++) {
      const rowTop = t.y + t.rowHeight * (r + 1);
      const value = opts.filled?.items[r]?.[col.key];
      if (col.key === 'quantity') {
        // A count in comb cells, like every other digit field.
        const comb = quantityComb(r);
        drawComb(c, comb, form ? undefined : value, opts.pen ?? PEN_BLUE);
        if (form) addCombField(c, form, `items.${r}.${col.key}`, comb, value, opts.pen ?? PEN_BLUE);
        continue;
      }
      if (form) {
        const cell = form.createTextField(`items.${r}.${col.key}`);
        if (value !== undefined) cell.setText(value);
        cell.addToPage(c.page, {
          x: pt(col.x + 0.5),
          y: y(c.page, rowTop + t.rowHeight - 0.5),
          width: pt(col.width - 1),
          height: pt(t.rowHeight - 1),
          font: c.regular,
          textColor: opts.pen ?? PEN_BLUE,
          backgroundColor: undefined,
          borderWidth: 0,
          borderColor: undefined,
        });
        cell.setFontSize(9);
      } else if (value !== undefined) {
        drawText(c, value, col.x + 1, rowTop + t.rowHeight - 2.2, fitSize(c.regular, value, col.width - 2, 10), c.regular, opts.pen ?? PEN_BLUE);
      }
    }
  }
}

function drawFooter(c: Canvas): void {
  drawText(c, 'Подпись / Signature:', FORM_LEFT_MM, 286, LABEL_PT);
  rule(c, FORM_FIELDS[0]!.zone.x, 287, 140, 287);
  rule(c, FORM_LEFT_MM, 290, RIGHT_MM, 290, 0.4);
  drawText(c, `Форма / Form ${FORM_ID}`, FORM_LEFT_MM, 293.5, 7, c.regular, GREY);
  const right = 'Returns Intake · стр. 1 из 1 / page 1 of 1';
  drawText(c, right, RIGHT_MM - c.regular.widthOfTextAtSize(right, 7) / PT_PER_MM, 293.5, 7, c.regular, GREY);
}

export async function renderForm(opts: RenderFormOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // Form fields need every glyph a user might type later, so the fillable form embeds the whole font.
  const subset = !opts.fillable;
  const regular = await doc.embedFont(await readFile(new URL('DejaVuSans.ttf', FONT_DIR)), { subset });
  const bold = await doc.embedFont(await readFile(new URL('DejaVuSans-Bold.ttf', FONT_DIR)), { subset: true });
  const page = doc.addPage([pt(A4_MM.width), pt(A4_MM.height)]);
  const c: Canvas = { page, regular, bold };

  doc.setTitle(`${FORM_TITLE_RU} / ${FORM_TITLE_EN}`);
  doc.setSubject(FORM_ID);
  doc.setCreator('Returns Intake');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(opts.date);
  doc.setModificationDate(opts.date);

  drawHeader(c);
  drawSections(c);
  drawFields(c, opts, doc);
  drawItemsTable(c, opts, doc);
  drawChoices(c, opts, doc);
  drawFooter(c);
  if (opts.fillable) doc.getForm().updateFieldAppearances(regular);
  return doc.save();
}
