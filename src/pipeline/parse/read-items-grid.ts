// Reads an items table on the page's geometry: the header row's cells name the columns (lexicon/
// item-headers.yaml) and give each its horizontal span; every cell of the rows below goes to the column its
// centre falls in. Any subset of columns is read. A name wrapped over two or three rows is joined to the row
// whose numbers it stands beside. The table ends at its total, at a labelled field, or at a wide gap.
import type { ItemKey } from '../../domain/application.ts';
import type { Line, LineCell } from './prepare-lines.ts';
import { columnAt, FIELD_START, TOTAL_LINE, type Column, type ItemsTable, type RawItem } from './read-items-table.ts';
import { skeleton } from './skeleton.ts';

interface Span {
  column: Column;
  x0: number;
  x1: number;
  centre: number;
}

const MAX_ROWS = 50;
/** A row this many line heights below the previous one is past the table. */
const TABLE_GAP = 3.5;

function headerSpans(line: Line): Span[] | undefined {
  if (!line.cells || line.cells.length < 3) return undefined;
  const spans: Span[] = [];
  for (const cell of line.cells) {
    const column = columnAt(skeleton(cell.text).text, 0)?.column;
    if (!column) return undefined;
    spans.push({ column, x0: cell.x0, x1: cell.x1, centre: (cell.x0 + cell.x1) / 2 });
  }
  const has = (c: Column) => spans.some((s) => s.column === c);
  const known = spans.filter((s) => s.column !== 'index' && s.column !== 'skip').length;
  return known >= 3 && (has('sku') || has('name')) && (has('quantity') || has('price') || has('lineTotal')) ? spans : undefined;
}

/** The column a cell belongs to: the header span it overlaps most, else the nearest by centre. */
function columnOf(cell: LineCell, spans: Span[]): Span {
  let best = spans[0]!;
  let bestScore = Number.NEGATIVE_INFINITY;
  const centre = (cell.x0 + cell.x1) / 2;
  for (const span of spans) {
    const overlap = Math.min(cell.x1, span.x1) - Math.max(cell.x0, span.x0);
    const score = overlap > 0 ? overlap : -Math.abs(centre - span.centre);
    if (score > bestScore) {
      best = span;
      bestScore = score;
    }
  }
  return best;
}

type Row = { line: Line; index: number; cells: Partial<Record<Column, string>> };

const NUMERIC: Column[] = ['quantity', 'price', 'lineTotal'];
const isFragment = (row: Row) => !NUMERIC.some((c) => row.cells[c] !== undefined) && row.cells.sku === undefined;

export function readItemsGrid(lines: Line[]): ItemsTable | undefined {
  for (let h = 0; h < lines.length; h += 1) {
    const spans = headerSpans(lines[h]!);
    if (!spans) continue;
    const table: ItemsTable = { items: [], lines: new Set([h]), amountIsLineTotal: !spans.some((s) => s.column === 'price') };
    const rows: Row[] = [];
    let previous = lines[h]!;
    for (let i = h + 1; i < lines.length && rows.length < MAX_ROWS * 3; i += 1) {
      const line = lines[i]!;
      if (!line.cells || line.page !== previous.page) break;
      const height = Math.max(1, (previous.y1 ?? 0) - (previous.y0 ?? 0));
      if ((line.y0 ?? 0) - (previous.y1 ?? 0) > TABLE_GAP * height) break;
      // A second header row (the same header in English) belongs to the header.
      if (rows.length === 0 && headerSpans(line)) {
        table.lines.add(i);
        previous = line;
        continue;
      }
      const total = TOTAL_LINE.exec(line.cells[0]!.text);
      if (total) {
        table.lines.add(i);
        const raw = [total[1]!, ...line.cells.slice(1).map((c) => c.text)].join(' ').trim();
        if (/\d/.test(raw)) table.total = { raw, line, positional: true };
        break;
      }
      if (FIELD_START.test(line.text)) break;
      const cells: Partial<Record<Column, string>> = {};
      for (const cell of line.cells) {
        const { column } = columnOf(cell, spans);
        cells[column] = cells[column] ? `${cells[column]} ${cell.text}` : cell.text;
      }
      rows.push({ line, index: i, cells });
      previous = line;
    }
    // Fragments of wrapped names join the nearest full row: above it as the name's start, below as its end.
    const full = rows.filter((r) => !isFragment(r));
    if (full.length === 0) continue;
    const names = new Map<Row, { before: string[]; after: string[] }>(full.map((r) => [r, { before: [], after: [] }]));
    const centre = (r: Row) => ((r.line.y0 ?? 0) + (r.line.y1 ?? 0)) / 2;
    for (const row of rows.filter(isFragment)) {
      if (!row.cells.name) continue;
      const nearest = full.reduce((a, b) => (Math.abs(centre(b) - centre(row)) < Math.abs(centre(a) - centre(row)) ? b : a));
      if (Math.abs(centre(nearest) - centre(row)) > 2.5 * Math.max(1, (row.line.y1 ?? 0) - (row.line.y0 ?? 0))) continue;
      names.get(nearest)![centre(row) < centre(nearest) ? 'before' : 'after'].push(row.cells.name);
      table.lines.add(row.index);
    }
    for (const row of full.slice(0, MAX_ROWS)) {
      table.lines.add(row.index);
      const parts = names.get(row)!;
      const name = [...parts.before, row.cells.name ?? '', ...parts.after].filter((p) => p !== '').join(' ');
      const item: RawItem = {};
      const put = (key: ItemKey, raw: string | undefined) => {
        if (raw !== undefined && raw.trim() !== '' && !/^[_\-–—]+$/.test(raw.trim())) item[key] = { raw, line: row.line, positional: true };
      };
      put('sku', row.cells.sku);
      put('name', name);
      put('size', row.cells.size);
      put('quantity', row.cells.quantity);
      put('price', row.cells.price ?? row.cells.lineTotal);
      put('reason', row.cells.reason);
      if (item.name || item.sku) table.items.push(item);
    }
    if (table.items.length > 0) return table;
  }
  return undefined;
}
