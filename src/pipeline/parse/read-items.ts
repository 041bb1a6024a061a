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
  const readings = table.items.map((row) => {
    const out: Partial<Record<ItemKey, CellReading>> = {};
    for (const [key, cell] of Object.entries(row) as Array<[ItemKey, NonNullable<(typeof row)[ItemKey]>]>) {
      const n = normalizeItemCell(key, cell.raw, cell.line.ocr);
      if (!n) continue;
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
    } else if (total) price.cap = 0.6;
  });
  if (total && choices?.some((c) => c.how === 'as_read')) problems.push(problem('items', 'inconsistent', 'item prices do not add up to the printed total'));
  return finish(readings, problems);
}

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
