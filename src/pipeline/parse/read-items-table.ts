// Reads the table of returned items: finds its header row by column labels (ours from FORM_ITEMS_TABLE,
// and other shops' "артикул / наименование / размер / количество / сумма"), then reads rows until the
// table ends. A row is split by its cell gaps (tabs, runs of spaces, "|") when the cell count fits the
// header; otherwise — OCR joins cells with single spaces — by the shape of the tokens from both ends.
import type { ItemKey } from '../../domain/application.ts';
import { FORM_ITEMS_TABLE } from '../../domain/application-form.ts';
import { z } from 'zod';
import { loadLexicon } from './lexicon/load-lexicon.ts';
import { CARD_TOKEN } from './mask-sensitive.ts';
import type { Line } from './prepare-lines.ts';
import { readColumnMajorTable, readItemLines } from './read-items-alternatives.ts';
import { skeleton } from './skeleton.ts';

export type Column = ItemKey | 'index' | 'lineTotal' | 'skip';

const ColumnsSchema = z.strictObject({
  sku: z.array(z.string()),
  name: z.array(z.string()),
  size: z.array(z.string()),
  quantity: z.array(z.string()),
  price: z.array(z.string()),
  lineTotal: z.array(z.string()),
  reason: z.array(z.string()),
  index: z.array(z.string()),
  skip: z.array(z.string()),
}) satisfies z.ZodType<Record<Column, string[]>>;

/** Header words by column: our form's own first, then lexicon/item-headers.yaml. */
export const HEADER_WORDS: Record<Column, string[]> = loadLexicon('item-headers.yaml', ColumnsSchema);
for (const c of FORM_ITEMS_TABLE.columns) {
  HEADER_WORDS[c.key].unshift(c.labelRu.toLowerCase(), c.labelEn.toLowerCase());
}
const HEADER_SKELETONS = (Object.entries(HEADER_WORDS) as Array<[Column, string[]]>).flatMap(([column, words]) => words.map((w) => ({ column, skel: skeleton(w).text })));

export interface RawCell {
  raw: string;
  line: Line;
  /** Cell came from a clean split matching the header; heuristic splits are less certain. */
  positional: boolean;
}
export type RawItem = Partial<Record<ItemKey, RawCell>>;

export interface ItemsTable {
  items: RawItem[];
  /** Indices of lines that belong to the table (header, rows, total), so label readers skip them. */
  lines: Set<number>;
  /** Printed total under the table, raw. */
  total?: RawCell;
  /** The amount column is a line total ("Сумма"), not a unit price. */
  amountIsLineTotal: boolean;
  /** An item's line total, where the table gives both it and the unit price: a second reading of the price. */
  lineTotals?: Map<RawItem, RawCell>;
}

const MAX_ROWS = 50;
export const TOTAL_LINE = /^\s*(?:итого(?:\s+к\s+возврату)?|всего|сумма\s+к\s+возврату|total(?:\s+to\s+refund)?)\s*[:.]?\s*(.*)$/i;
/** A barcode: EAN-13 or EAN-8, or one that passed the Luhn check and was masked as a card number before tables are read. */
export const BARCODE = new RegExp(`^(?:\\d{13}|\\d{8}|${CARD_TOKEN.source})$`);
const SKU_SHAPE = /^(?=.*\d)[A-Za-zА-Яа-яЁё0-9$][A-Za-zА-Яа-яЁё0-9$\-_./]{2,}$/;
const SIZE_SHAPE = /^(?:XXS|XS|S|M|L|XL|XXL|XXXL|[2-6]XL|\d{2}(?:[-/]\d{2})?|\d{2,3}|one\s?size|б\/р)$/i;
const CURRENCY = /^(?:₽|руб\.?|р\.?|rub|[РP$#])$/i;
export const FIELD_START = /^\s*(?:\d+\.\s*)?(?:причина возврата|reason for return|способ возврата|refund method|комментарий|comment|бик|bik|реквизиты|дата|date|подпись|signature)(?![\p{L}\d])/iu;

export function columnAt(skel: string, pos: number): { column: Column; length: number } | undefined {
  let best: { column: Column; length: number } | undefined;
  for (const { column, skel: ws } of HEADER_SKELETONS) {
    if (skel.startsWith(ws, pos) && (!best || ws.length > best.length)) best = { column, length: ws.length };
  }
  return best;
}

/** Columns of a header line in order, or undefined if the line is not a header. */
function headerColumns(text: string): Column[] | undefined {
  const cells = text.split(/\t|\s{2,}|\s*\|\s*|\s+\/\s+/).map((c) => c.trim()).filter((c) => c !== '');
  const columns: Column[] = [];
  const byWords = cells.length < 3;
  const cellsToScan = byWords ? text.split(/\s+/) : cells;
  for (const cell of cellsToScan) {
    const skel = skeleton(cell).text;
    const hit = columnAt(skel, 0);
    if (hit && !columns.includes(hit.column)) columns.push(hit.column);
  }
  // Read word by word, a header is mostly column titles, each once; a sentence that names a size, a count and
  // a price ("размер S, в количестве 1 шт. стоимостью 4 190,00 р. Общая стоимость товаров") is running text.
  if (byWords && columns.length * 2 < cellsToScan.filter((w) => /\p{L}/u.test(w)).length) return undefined;
  const has = (c: Column) => columns.includes(c);
  // OCR drops a header cell now and then ("Кол-во"); a header that is part of our form's, in order, is ours.
  const ours = FORM_ITEMS_TABLE.columns.map((c) => c.key as Column);
  let k = 0;
  for (const c of columns) k = ours.indexOf(c, k) >= 0 ? ours.indexOf(c, k) + 1 : Number.POSITIVE_INFINITY;
  if (k !== Number.POSITIVE_INFINITY && columns.length >= 3 && columns.length < ours.length && columns[0] === 'sku' && columns.includes('name')) return ours;
  const enough = columns.filter((c) => c !== 'index').length >= 3 && (has('sku') || has('name')) && (has('quantity') || has('price') || has('lineTotal'));
  return enough ? columns : undefined;
}

function isBlankRow(text: string): boolean {
  return !/[A-Za-zА-Яа-яЁё0-9]/.test(text);
}

/** Take the amount from the end of the token list: "4 000,00 ₽" spans several tokens. */
function takeAmount(tokens: string[]): string | undefined {
  let end = tokens.length;
  let currency = '';
  if (end > 0 && CURRENCY.test(tokens[end - 1]!)) {
    currency = ` ${tokens[end - 1]}`;
    end -= 1;
  }
  const last = tokens[end - 1];
  if (last === undefined || !/^[\dOoОо]+(?:[.,]\d{1,3})?(?:₽|р\.?|руб\.?)?[РP$#]?$/i.test(last) || !/\d/.test(last)) return undefined;
  let start = end - 1;
  // Join thousands groups: "4", "000,00" → "4 000,00"; a group before must be 1–3 digits.
  // The group must be exactly three digits: "1 6990.00" is a quantity and a price, not 16 990.
  while (start > 0 && /^\d{3}(?:[.,]\d{1,3})?(?:₽|р\.?|руб\.?|[РP$#])?$/i.test(tokens[start]!) && /^\d{1,3}$/.test(tokens[start - 1]!)) start -= 1;
  const amount = tokens.splice(start, end - start + (currency ? 1 : 0)).join(' ');
  return amount;
}

/** OCR reads letter sizes in Cyrillic (М, Х, Г for an L) or with a lower-case l; normalize-item.ts maps them back. */
const SIZE_LOOKALIKES: Record<string, string> = { М: 'M', Х: 'X', Ѕ: 'S', l: 'L', Г: 'L', '5': 'S', $: 'S' };

/** The letter size a token is once its look-alikes are mapped back ("ХL" → "XL"), or undefined. */
export function asLetterSize(token: string): string | undefined {
  const mapped = [...token].map((c) => SIZE_LOOKALIKES[c] ?? c).join('');
  return /^(?:XXS|XS|S|M|L|XL|XXL|XXXL)$/.test(mapped) ? mapped : undefined;
}

function looksLikeSize(token: string): boolean {
  return SIZE_SHAPE.test(token) || asLetterSize(token) !== undefined;
}

function splitHeuristically(text: string, columns: Column[]): Partial<Record<Column, string>> {
  // Table rules OCR'd as "|", "[" or "]" are not part of any cell.
  // A barcode is never part of a name or a count.
  const tokens = text
    .trim()
    .split(/\s+/)
    .map((t) => t.replace(/^[|[\]{}]+|[|[\]{}]+$/g, ''))
    .filter((t) => t !== '' && !BARCODE.test(t));
  const cells: Partial<Record<Column, string>> = {};
  if ((columns.includes('index') || /^\d{1,2}[.)]$/.test(tokens[0] ?? '')) && /^\d{1,2}[.)]?$/.test(tokens[0] ?? '') && tokens.length > 2) tokens.shift();
  if (columns.includes('sku') && tokens.length > 1 && SKU_SHAPE.test(tokens[0]!)) cells.sku = tokens.shift()!;
  if (columns.includes('reason')) {
    const words: string[] = [];
    while (tokens.length > 1 && /^[A-Za-zА-Яа-яЁё,.\-]+$/.test(tokens[tokens.length - 1]!) && !CURRENCY.test(tokens[tokens.length - 1]!)) words.unshift(tokens.pop()!);
    if (words.length > 0) cells.reason = words.join(' ');
  }
  const amountColumn: Column = columns.includes('price') ? 'price' : 'lineTotal';
  if (columns.includes('lineTotal') && columns.includes('price')) {
    const lineTotal = takeAmount(tokens);
    if (lineTotal) cells.lineTotal = lineTotal;
  }
  const amount = takeAmount(tokens);
  if (amount) cells[amountColumn] = amount;
  if (columns.includes('quantity') && tokens.length > 0 && /^(?:[\dlIО]{1,3})(?:шт\.?)?$/i.test(tokens[tokens.length - 1]!)) {
    cells.quantity = tokens.pop()!;
  } else if (columns.includes('quantity') && amount && /^\d{1,2} \d{3}/.test(amount)) {
    // "1 4 000" joined too far is rare, but "2 100,00" with no quantity left means "2" was the quantity.
    const [qty, ...rest] = amount.split(' ');
    cells.quantity = qty!;
    cells[amountColumn] = rest.join(' ');
  }
  if (columns.includes('size') && tokens.length > 1 && looksLikeSize(tokens[tokens.length - 1]!)) cells.size = tokens.pop()!;
  if (tokens.length > 0) cells.name = tokens.join(' ');
  return cells;
}

/** A header printed as one cell per line (some PDF text layers come out in drawing order): join the run. */
function stackedHeader(lines: Line[], h: number): { columns: Column[]; last: number } | undefined {
  const cells: string[] = [];
  let i = h;
  while (i < lines.length && cells.length < 16 && lines[i]!.text.trim().split(/\s+/).length <= 3 && columnAt(skeleton(lines[i]!.text).text, 0)) {
    cells.push(lines[i]!.text.trim());
    i += 1;
  }
  const columns = cells.length >= 3 ? headerColumns(cells.join('  ')) : undefined;
  return columns ? { columns, last: i - 1 } : undefined;
}

export function readItemsTable(lines: Line[]): ItemsTable | undefined {
  for (let h = 0; h < lines.length; h += 1) {
    const stacked = headerColumns(lines[h]!.text) ? undefined : stackedHeader(lines, h);
    const columns = stacked?.columns ?? headerColumns(lines[h]!.text);
    if (!columns) continue;
    const table: ItemsTable = { items: [], lines: new Set([h]), amountIsLineTotal: !columns.includes('price') && columns.includes('lineTotal') };
    const first = stacked ? stacked.last + 1 : h + 1;
    for (let k = h; k < first; k += 1) table.lines.add(k);
    for (let i = first; i < lines.length && table.items.length < MAX_ROWS; i += 1) {
      const line = lines[i]!;
      // Our form prints the header in Russian, then in English on the line below.
      if (table.items.length === 0 && headerColumns(line.text)) {
        table.lines.add(i);
        continue;
      }
      const totalMatch = TOTAL_LINE.exec(line.text);
      if (totalMatch) {
        table.lines.add(i);
        const raw = totalMatch[1]!.trim();
        if (/\d/.test(raw)) table.total = { raw, line, positional: true };
        break;
      }
      if (FIELD_START.test(line.text)) break;
      // A blank row, or a fragment of a cell wrapped by OCR ("K", "| ак |").
      if (isBlankRow(line.text) || (line.ocr && (line.text.match(/[A-Za-zА-Яа-яЁё0-9]/g) ?? []).length <= 3)) {
        table.lines.add(i);
        continue;
      }
      const cells = line.text.split(/\t|\s{2,}|\s*\|\s*/).map((c) => c.trim());
      while (cells.length > 0 && cells[0] === '') cells.shift();
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      let row: Partial<Record<Column, string>>;
      let positional = false;
      if (cells.length === columns.length) {
        row = {};
        columns.forEach((c, k) => {
          if (cells[k] !== '' && !/^[_\-–—]+$/.test(cells[k]!)) row[c] = cells[k]!;
        });
        positional = true;
      } else {
        row = splitHeuristically(line.text, columns);
      }
      const looksLikeItem = (row.sku !== undefined || row.name !== undefined) && (row.price !== undefined || row.lineTotal !== undefined || row.quantity !== undefined);
      if (!looksLikeItem) break;
      table.lines.add(i);
      const item: RawItem = {};
      for (const key of ['sku', 'name', 'size', 'quantity', 'price', 'reason'] as const) {
        const raw = key === 'price' ? (row.price ?? row.lineTotal) : row[key];
        if (raw !== undefined) item[key] = { raw, line, positional };
      }
      if (row.price !== undefined && row.lineTotal !== undefined) (table.lineTotals ??= new Map()).set(item, { raw: row.lineTotal, line, positional });
      table.items.push(item);
    }
    // A header with no rows under it may be a line of labelled cells ("Артикул: …; Кол-во: …"): look on.
    if (table.items.length > 0 || table.total) return table;
  }
  return readColumnMajorTable(lines) ?? readItemLines(lines);
}
