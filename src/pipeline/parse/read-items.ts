// Turns raw item cells (from the table reader or a fillable form) into SPEC items with confidences,
// and checks them against the printed total when the document has one.
import type { Item, ItemKey } from '../../domain/application.ts';
import { problem, type Problem } from '../../domain/problem.ts';
import { normalizeMoney } from '../../domain/validation/normalize-money.ts';
import { toKopecks } from '../../domain/validation/sum-matches-total.ts';
import type { Normalized } from '../../domain/validation/normalized.ts';
import { normalizeItemCell } from './normalize-item.ts';
import type { ItemsTable } from './read-items-table.ts';
import { reconcilePrices } from './reconcile-prices.ts';
import type { Line } from './prepare-lines.ts';
import { scoreConfidence, type Check, type Evidence } from './score-confidence.ts';

/** A count worked out from the amounts, not read: likely, never certain. */
const DERIVED_CAP = 0.8;
const MAX_DERIVED_COUNT = 99;

/** A price chosen by the printed total over the price cell's own reading. */
const BY_TOTAL_CAP = 0.8;

interface CellReading extends Normalized {
  line?: Line;
  source: Evidence['source'];
  lineConfidence: number;
  weak: boolean;
  check: Check;
  cap?: number;
}

export function itemsFromForm(rows: Array<Partial<Record<ItemKey, string>>>): { items: Item[]; problems: Problem[] } {
  const readings = rows.map((row) => {
    const out: Partial<Record<ItemKey, CellReading>> = {};
    for (const [key, raw] of Object.entries(row) as Array<[ItemKey, string]>) {
      const n = normalizeItemCell(key, raw, false);
      if (n) out[key] = { ...n, source: 'form', lineConfidence: 1, weak: false, check: 'none' };
    }
    return out;
  });
  return finish(readings, []);
}

export function itemsFromTable(table: ItemsTable, bodySource: 'text' | 'body'): { items: Item[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const unread = new Map<number, Array<[ItemKey, { raw: string; line: Line }]>>();
  const readings = table.items.map((row, r) => {
    const out: Partial<Record<ItemKey, CellReading>> = {};
    for (const [key, cell] of Object.entries(row) as Array<[ItemKey, NonNullable<(typeof row)[ItemKey]>]>) {
      const n = normalizeItemCell(key, cell.raw, cell.line.ocr);
      if (!n) {
        if (cell.line.ocr && UNREAD_KEPT.has(key)) unread.set(r, [...(unread.get(r) ?? []), [key, cell]]);
        continue;
      }
      out[key] = {
        ...n,
        line: cell.line,
        source: cell.line.ocr ? 'ocr' : bodySource,
        lineConfidence: cell.line.confidence,
        weak: !cell.positional,
        check: 'none',
      };
    }
    return out;
  });
  // A "Сумма" column holds quantity × price; the item wants the unit price.
  if (table.amountIsLineTotal) {
    for (const r of readings) {
      const qty = Number(r.quantity?.value ?? '1');
      if (r.price && qty > 1) {
        const kopecks = toKopecks(r.price.value);
        if (kopecks % qty === 0) r.price.value = (kopecks / qty / 100).toFixed(2);
        else r.price.strict = false;
      }
    }
  }
  const total = table.total ? normalizeMoney(table.total.raw, { ocr: table.total.line.ocr }) : undefined;
  const lineTotals = table.items.map((row) => {
    const cell = table.lineTotals?.get(row);
    return cell ? normalizeMoney(cell.raw, { ocr: cell.line.ocr })?.value : undefined;
  });
  // A count the page leaves unread ("1" is the word OCR drops most) is the line total over the unit price.
  readings.forEach((r, i) => {
    const lineTotal = lineTotals[i];
    if (r.quantity || !r.price || lineTotal === undefined) return;
    const price = toKopecks(r.price.value);
    const count = price > 0 ? toKopecks(lineTotal) / price : 0;
    if (!Number.isInteger(count) || count < 1 || count > MAX_DERIVED_COUNT) return;
    r.quantity = { value: String(count), fixes: 0, strict: false, source: r.price.source, lineConfidence: r.price.lineConfidence, weak: true, check: 'none', cap: DERIVED_CAP, ...(r.price.line ? { line: r.price.line } : {}) };
  });
  const choices = reconcilePrices(
    readings.map((r, i) => ({
      ...(r.price ? { price: r.price.value } : {}),
      ...(lineTotals[i] !== undefined ? { lineTotal: lineTotals[i] } : {}),
      quantity: Number(r.quantity?.value ?? '1'),
      ocr: r.price?.source === 'ocr',
    })),
    total?.value,
  );
  choices?.forEach((choice, i) => {
    const price = readings[i]!.price!;
    if (choice.how === 'confirmed') {
      price.check = 'passed';
      price.ambiguous = false;
    } else if (choice.how === 'by_total') {
      // Chosen over what the price cell says because it alone makes the total: likely, never certain.
      price.value = choice.price;
      price.cap = BY_TOTAL_CAP;
    } else if (choice.how === 'as_read' && total) price.cap = 0.6;
  });
  if (total && choices?.some((c) => c.how === 'as_read')) problems.push(problem('items', 'inconsistent', 'item prices do not add up to the printed total'));
  const result = finish(readings, problems);
  // What an OCR'd cell held that is no value of its column: for a person, and for the order to recognise.
  let index = 0;
  readings.forEach((reading, r) => {
    if (Object.keys(reading).length === 0) return;
    for (const [key, cell] of unread.get(r) ?? []) {
      const text = cell.raw.replace(/\s+/g, ' ').trim();
      result.problems.push({ ...problem(`items[${index}].${key}`, 'invalid_value', `the ${key} cell of item ${index + 1} holds nothing that reads as one`), read: [{ text, ...(cell.line.box ? { box: cell.line.box } : {}) }] });
    }
    index += 1;
  });
  return result;
}

/** Item cells whose unreadable text is kept: short codes and numbers an order can recognise. */
const UNREAD_KEPT: ReadonlySet<ItemKey> = new Set(['sku', 'size', 'quantity', 'price']);

function finish(readings: Array<Partial<Record<ItemKey, CellReading>>>, problems: Problem[]): { items: Item[]; problems: Problem[] } {
  const items: Item[] = [];
  for (const row of readings) {
    const item: Item = {};
    for (const [key, r] of Object.entries(row) as Array<[ItemKey, CellReading]>) {
      const confidence = scoreConfidence({
        source: r.source,
        lineConfidence: r.lineConfidence,
        strict: r.strict,
        fixes: r.fixes,
        check: r.check,
        weak: r.weak,
        ...(r.ambiguous ? { ambiguous: true } : {}),
        ...(r.cap !== undefined ? { cap: r.cap } : {}),
      });
      item[key] = { value: r.value, confidence, ...(r.line?.box ? { box: r.line.box } : {}) };
    }
    if (Object.keys(item).length > 0) items.push(item);
  }
  return { items, problems };
}
