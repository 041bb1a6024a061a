// Two more shapes of the items table, tried when no header row is found:
// - column by column: some PDF text layers come out in drawing order, so a ruled table reads
//   "Артикул / SKU / TS-1045 / Наименование / Item / Футболка … / Размер …" — one header, then its cells;
// - one item per line with labelled cells, as typed into an e-mail:
//   "1. Артикул / SKU: TS-1045; Наименование / Item: Футболка; Кол-во / Qty: 1; Цена, ₽ / Price, RUB: 3 000,00".
import type { ItemKey } from '../../domain/application.ts';
import type { Line } from './prepare-lines.ts';
import { columnAt, FIELD_START, TOTAL_LINE, type Column, type ItemsTable, type RawItem } from './read-items-table.ts';
import { skeleton } from './skeleton.ts';

const ITEM_KEYS: readonly ItemKey[] = ['sku', 'name', 'size', 'quantity', 'price', 'reason'];
const MAX_ROWS = 50;

/** The whole line is one column header ("Артикул", "Price, RUB"), not a header word inside a sentence. */
function headerCell(text: string): Column | undefined {
  const skel = skeleton(text.trim()).text;
  if (skel.length === 0 || skel.length > 24) return undefined;
  const hit = columnAt(skel, 0);
  return hit && hit.length >= skel.length - 1 ? hit.column : undefined;
}

function usable(columns: Column[]): boolean {
  const has = (c: Column) => columns.includes(c);
  return columns.filter((c) => c !== 'index').length >= 3 && (has('sku') || has('name')) && (has('quantity') || has('price') || has('lineTotal'));
}

export function readColumnMajorTable(lines: Line[]): ItemsTable | undefined {
  for (let h = 0; h < lines.length; h += 1) {
    if (!headerCell(lines[h]!.text)) continue;
    const columns: Array<{ column: Column; cells: number[] }> = [];
    const tableLines = new Set<number>();
    let i = h;
    for (; i < lines.length; i += 1) {
      const text = lines[i]!.text;
      const column = headerCell(text);
      const current = columns[columns.length - 1];
      if (column) {
        // A bilingual header ("Артикул", then "SKU") names one column twice.
        if (current && current.cells.length === 0 && current.column === column) {
          tableLines.add(i);
          continue;
        }
        if (columns.some((c) => c.column === column)) break;
        columns.push({ column, cells: [] });
        tableLines.add(i);
        continue;
      }
      if (!current || FIELD_START.test(text) || TOTAL_LINE.test(text) || /:\s*\S/.test(text)) break;
      if (columns.length > 1 && current.cells.length >= columns[0]!.cells.length) break;
      if (current.cells.length >= MAX_ROWS) break;
      current.cells.push(i);
      tableLines.add(i);
    }
    const rows = columns[0]?.cells.length ?? 0;
    if (rows === 0 || !usable(columns.map((c) => c.column))) continue;
    const items: RawItem[] = Array.from({ length: rows }, () => ({}));
    const lineTotal = !columns.some((c) => c.column === 'price') && columns.some((c) => c.column === 'lineTotal');
    for (const { column, cells } of columns) {
      // A column with fewer cells has blanks we cannot place: leave it out rather than shift values.
      if (cells.length !== rows) continue;
      const key: ItemKey | undefined = column === 'lineTotal' ? (lineTotal ? 'price' : undefined) : column === 'index' || column === 'skip' ? undefined : column;
      if (!key) continue;
      cells.forEach((index, r) => {
        items[r]![key] = { raw: lines[index]!.text.trim(), line: lines[index]!, positional: true };
      });
    }
    return { items, lines: tableLines, amountIsLineTotal: lineTotal };
  }
  return undefined;
}

export function readItemLines(lines: Line[]): ItemsTable | undefined {
  const table: ItemsTable = { items: [], lines: new Set(), amountIsLineTotal: false };
  lines.forEach((line, index) => {
    if (table.items.length >= MAX_ROWS) return;
    const parts = line.text.replace(/^\s*\d{1,2}[.)]\s*/, '').split(/\s*;\s*/);
    if (parts.length < 2) return;
    const item: RawItem = {};
    let lineTotal = false;
    for (const part of parts) {
      const colon = part.indexOf(':');
      if (colon < 0) continue;
      const label = skeleton(part.slice(0, colon).split('/')[0]!.trim()).text;
      const column = label.length <= 24 ? columnAt(label, 0)?.column : undefined;
      const raw = part.slice(colon + 1).trim();
      if (!column || raw === '') continue;
      const key = column === 'lineTotal' ? 'price' : column;
      if (column === 'lineTotal') lineTotal = true;
      if ((ITEM_KEYS as readonly string[]).includes(key)) item[key as ItemKey] = { raw, line, positional: true };
    }
    const keys = Object.keys(item);
    if (keys.length >= 2 && (item.sku || item.name)) {
      table.items.push(item);
      table.lines.add(index);
      if (lineTotal) table.amountIsLineTotal = true;
    }
  });
  return table.items.length > 0 ? table : undefined;
}
