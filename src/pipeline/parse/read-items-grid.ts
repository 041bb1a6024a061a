// Reads an items table on the page's geometry: the header row's cells name the columns (lexicon/
// item-headers.yaml) and give each its horizontal span; every cell of the rows below goes to the column its
// centre falls in. Any subset of columns is read. A name wrapped over two or three rows is joined to the row
// whose numbers it stands beside. The table ends at its total, at a labelled field, or at a wide gap.
import type { ItemKey } from '../../domain/application.ts';
import type { Line, LineCell } from './prepare-lines.ts';
import { editDistance } from '../../domain/edit-distance.ts';
import { BARCODE, columnAt, FIELD_START, HEADER_WORDS, TOTAL_LINE, type Column, type ItemsTable, type RawItem } from './read-items-table.ts';
import { findLabels } from './find-labels.ts';
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
/** The total may sit below a few blank rows (a form leaves room for more items than were returned). */
const TOTAL_GAP = 12;

/** A title this short ("шт", "no") names a column only as a whole word: "Штрихкод" begins with "шт". */
const SHORT_TITLE = 3;

/** The column a cell's text begins with: a title of three letters or more, or a shorter one standing alone as a word. */
function columnOfText(text: string): Column | undefined {
  const hit = columnAt(skeleton(text).text, 0);
  if (!hit || hit.length >= SHORT_TITLE) return hit?.column;
  return skeleton(text.trim().split(/\s+/)[0]!).text.length === hit.length ? hit.column : undefined;
}

/** A word that begins with a title of three letters or more and goes on a little ("Коло" for "Кол-во"). */
function garbledTitle(text: string): Column | undefined {
  const skel = skeleton(text).text;
  const hit = columnAt(skel, 0);
  return hit && hit.length >= 3 && skel.length - hit.length <= 2 ? hit.column : undefined;
}

/** The column a run of whole words names exactly ("Кол-во", "Сумма, руб."), or none: "товара" is not "товар". */
function titleOf(words: Array<{ text: string }>, wholeRun: boolean): Column | undefined {
  const tokens = words.map((w) => w.text).join(' ').split(/\s+/);
  for (let k = tokens.length; k >= 1; k -= 1) {
    const skel = skeleton(tokens.slice(0, k).join(' ')).text;
    const hit = columnAt(skel, 0);
    if (hit && hit.length === skel.length) return hit.column;
    if (wholeRun) return bilingualTitle(tokens);
  }
  return undefined;
}

/** Every title of the header lexicon with its word count, for comparing a garbled cell's first words with it. */
const TITLES = (Object.entries(HEADER_WORDS) as Array<[Column, string[]]>).flatMap(([column, titles]) =>
  titles.map((title) => ({ column, skel: skeleton(title).text, words: title.split(/\s+/).length })),
);

/** Letters a title OCR garbled on a photo may differ by: one in four ("Цема" for "Цена"), two in seven or more. */
const titleEdits = (letters: number) => (letters >= 7 ? 2 : letters >= 4 ? 1 : 0);

/**
 * The column an OCR'd header cell names within a few edits ("Штрихнод" for "Штрихкод", "Цема, руб." for "Цена,
 * руб."): its first words against each title of as many words, the first letter kept (as field labels are matched,
 * find-labels.ts). The nearest title wins when all titles that near name one column.
 */
function nearTitle(text: string): Column | undefined {
  const words = text.trim().split(/\s+/);
  let nearest = Number.POSITIVE_INFINITY;
  const columns = new Set<Column>();
  for (const title of TITLES) {
    const read = skeleton(words.slice(0, title.words).join(' ')).text;
    if (titleEdits(title.skel.length) === 0 || read[0] !== title.skel[0]) continue;
    const edits = editDistance(read, title.skel);
    if (edits > titleEdits(title.skel.length) || edits > nearest) continue;
    if (edits < nearest) columns.clear();
    nearest = edits;
    columns.add(title.column);
  }
  return columns.size === 1 ? [...columns][0] : undefined;
}

/** A header cell's span by a title within a few edits (nearTitle), or none. */
function nearSpans(cell: LineCell): Span[] | undefined {
  const column = nearTitle(cell.text);
  return column ? [{ column, x0: cell.x0, x1: cell.x1, centre: (cell.x0 + cell.x1) / 2 }] : undefined;
}

/** A table's rule as OCR reads it: bars and brackets alone. */
const RULE_READ = /^[|¦[\]]+$/;

/** A token of signs alone: what stands between a title and its translation ("/", "|", "_"). */
const SEPARATOR = /^[^\p{L}\p{N}]+$/u;
/** A piece of a title run OCR garbled ("О{у" for "Qty") may be this short, and is then no title of another column. */
const GARBLED_PIECE_LETTERS = 4;

/**
 * A title and its translation, separators between ("Кол. / Qty", "Код товара / Item code"): every piece names the
 * same column, or is too short to name any (a translation OCR garbled, "Кол. / О{у"), and one at least names it.
 */
function bilingualTitle(tokens: string[]): Column | undefined {
  const pieces: string[][] = [[]];
  for (const token of tokens) {
    if (SEPARATOR.test(token)) pieces.push([]);
    else pieces[pieces.length - 1]!.push(token);
  }
  const named = pieces.filter((p) => p.length > 0);
  let column: Column | undefined;
  for (const piece of named) {
    const skel = skeleton(piece.join(' ')).text;
    const hit = columnAt(skel, 0);
    if (hit && hit.length === skel.length) {
      if (column && column !== hit.column) return undefined;
      column = hit.column;
    } else if (hit || skel.replace(/[^\p{L}]/gu, '').length > GARBLED_PIECE_LETTERS) return undefined;
  }
  return named.length > 1 ? column : undefined;
}

/**
 * A header cell's columns: one, or several when column titles nearly touch ("Кол-во Сумма, руб." printed as one
 * run) — split where whole words before are one title and whole words after begin another.
 */
function cellSpans(cell: LineCell): Span[] | undefined {
  const whole = columnOfText(cell.text);
  const words = cell.words ?? [];
  let start = 0;
  const spans: Span[] = [];
  for (let j = 1; j < words.length; j += 1) {
    // A single word before a whole title may be a title OCR garbled past its start ("Коло Цена" for "Кол-во Цена").
    const before = titleOf(words.slice(start, j), true) ?? (j - start === 1 ? garbledTitle(words[start]!.text) : undefined);
    const after = titleOf(words.slice(j), false);
    if (before && after && after !== before) {
      // A title ends where the next begins, whatever box OCR drew round its last word.
      const x1 = Math.min(words[j - 1]!.x1, words[j]!.x0);
      spans.push({ column: before, x0: words[start]!.x0, x1, centre: (words[start]!.x0 + x1) / 2 });
      start = j;
    }
  }
  if (spans.length === 0) return whole ? [{ column: whole, x0: cell.x0, x1: cell.x1, centre: (cell.x0 + cell.x1) / 2 }] : undefined;
  const rest = words.slice(start);
  const last = columnOfText(rest.map((w) => w.text).join(' '));
  if (!last) return undefined;
  spans.push({ column: last, x0: rest[0]!.x0, x1: cell.x1, centre: (rest[0]!.x0 + cell.x1) / 2 });
  return spans;
}

const knownColumns = (spans: Span[]) => spans.filter((s) => s.column !== 'index' && s.column !== 'skip').length;

/** Header cells OCR garbled that the values under them may still name; more, and the line is no header. */
const MAX_UNREAD_TITLES = 2;
/** Rows under the header whose cells type a garbled title's column. */
const TYPING_ROWS = 5;

/**
 * The header's column spans. On an OCR'd page a title or two may be garbled past reading ("Hasseenosanne"): such a
 * cell's column is named by the kind of the values under it (words, a size, a count, money), when that names a
 * column the header does not have yet.
 */
function headerSpans(line: Line, below: readonly Line[] = []): Span[] | undefined {
  if (!line.cells || line.cells.length < 2) return undefined;
  const spans: Span[] = [];
  const unread: LineCell[] = [];
  for (const cell of line.cells) {
    // A rule between titles that OCR read as "|" heads nothing ("№" is a title: the index column's).
    if (line.ocr && RULE_READ.test(cell.text.trim())) continue;
    const own = cellSpans(cell) ?? (line.ocr ? nearSpans(cell) : undefined);
    if (own) spans.push(...own);
    else if (line.ocr && below.length > 0) unread.push(cell);
    else return undefined;
  }
  // Only a header mostly read: with fewer known titles than garbled ones, a garbled cell may well be two columns
  // run together, and the line may be no header at all.
  if (unread.length > 0 && (knownColumns(spans) < 3 || unread.length > Math.max(MAX_UNREAD_TITLES, knownColumns(spans)))) return undefined;
  const rows = rowsUnder(below);
  for (const cell of unread) {
    const column = columnByValues(cell, spans, unread, rows);
    if (!column) return undefined;
    spans.push({ column, x0: cell.x0, x1: cell.x1, centre: (cell.x0 + cell.x1) / 2 });
  }
  spans.sort((a, b) => a.x0 - b.x0);
  const has = (c: Column) => spans.some((s) => s.column === c);
  const header = spans.length >= 3 && knownColumns(spans) >= 3 && (has('sku') || has('name')) && (has('quantity') || has('price') || has('lineTotal'));
  // Spans that do not describe the rows show in most of them; one row OCR garbled ("7" "7009" for 7 700) does not.
  if (!header) return undefined;
  const contradicting = rows.filter((row) => rowContradicts(row, spans)).length;
  return contradicting * 2 < Math.max(1, rows.filter((row) => (row.cells?.length ?? 0) > 1).length) ? spans : undefined;
}

/** The column a cell belongs to: the header span it overlaps most, else the nearest by centre. */
function columnOf<T extends { x0: number; x1: number }>(cell: { x0: number; x1: number }, spans: readonly T[]): T {
  let best = spans[0]!;
  let bestScore = Number.NEGATIVE_INFINITY;
  const centre = (cell.x0 + cell.x1) / 2;
  for (const span of spans) {
    const overlap = Math.min(cell.x1, span.x1) - Math.max(cell.x0, span.x0);
    const score = overlap > 0 ? overlap : -Math.abs(centre - (span.x0 + span.x1) / 2);
    if (score > bestScore) {
      best = span;
      bestScore = score;
    }
  }
  return best;
}

/** A line OCR made of specks (a rule's remains, dirt): two letters or digits at most, read with no confidence. */
const SPECK_CONFIDENCE = 0.3;
const isSpeck = (line: Line) => line.ocr && line.confidence < SPECK_CONFIDENCE && (line.text.match(/[\p{L}\p{N}]/gu) ?? []).length <= 2;

/** The header's first rows: up to the total, a wide gap or the page's end. */
function rowsUnder(below: readonly Line[]): Line[] {
  const rows: Line[] = [];
  for (const line of below.filter((l) => !isSpeck(l)).slice(0, TYPING_ROWS)) {
    const previous = rows[rows.length - 1];
    const height = previous ? Math.max(1, (previous.y1 ?? 0) - (previous.y0 ?? 0)) : 0;
    if (TOTAL_LINE.test(line.text) || (previous && (line.page !== previous.page || (line.y0 ?? 0) - (previous.y1 ?? 0) > TABLE_GAP * height))) break;
    rows.push(line);
  }
  return rows;
}

/** Digits OCR split at a thousands gap ("1" "708"): one amount. */
const ONE_AMOUNT = /^\d{1,3}(?: \d{3})+(?:[.,]\d{2})?(?:\s*(?:₽|руб\.?|rub|р\.?))?$/iu;

type CellKind = 'code' | 'figure' | 'words';

/** What a cell holds: an article code, a figure (a count, money), or words (a name, perhaps with "25 см" in it). */
function cellKind(text: string): CellKind | undefined {
  if (CODE_CELL.test(text) && /\p{L}/u.test(text) && !/\s/.test(text)) return 'code';
  if (/\d/.test(text) && !/\p{L}{2,}/u.test(text.replace(/(?:руб|rub)\.?/giu, ''))) return 'figure';
  return /\p{L}/u.test(text) ? 'words' : undefined;
}

/**
 * Whether a row shows that the header's spans do not describe the rows: under one title, cells of two kinds (a
 * code and a name: "Код товара / Item code Описание" read as one title), or two figures that do not join into one
 * amount (the titles of two columns ran together, "Кол. / Qty Цена / Price"), or money under a count or a size.
 * Words may stand apart in one column (a name OCR cut at a gap), and digits split at a thousands gap ("1" "708").
 */
function rowContradicts(row: Line, spans: Span[]): boolean {
  const under = new Map<Span, Array<{ text: string; kind: CellKind }>>();
  for (const cell of row.cells ?? []) {
    const text = cell.text.trim();
    const kind = cellKind(text);
    if (!kind) continue;
    const span = columnOf(cell, spans);
    under.set(span, [...(under.get(span) ?? []), { text, kind }]);
  }
  return [...under.entries()].some(([span, cells]) => {
    const kinds = new Set(cells.map((c) => c.kind));
    const figures = cells.filter((c) => c.kind === 'figure').map((c) => c.text).join(' ');
    if (kinds.size > 1) return true;
    if (kinds.has('code') && cells.length > 1) return true;
    if (kinds.has('figure') && cells.length > 1 && !ONE_AMOUNT.test(figures)) return true;
    return (span.column === 'quantity' || span.column === 'size') && (MONEY_CELL.test(figures) || ONE_AMOUNT.test(figures));
  });
}

/**
 * The column a garbled header cell heads, by what stands under it in the header's first rows (rowsUnder): the one
 * kind of value all its rows share, among columns the header lacks ("80" is a size or a count: a size where the
 * count has its title). A row's cells are under the title they overlap most, else the nearest, among the header's
 * read and garbled titles alike; cells of one row under one title are one value ("1" "899", a gap read in a price).
 */
function columnByValues(title: LineCell, known: Span[], garbled: readonly LineCell[], rows: readonly Line[]): Column | undefined {
  const titles: Array<{ x0: number; x1: number }> = [...known, ...garbled];
  const texts = rows
    .map((line) => (line.cells ?? []).filter((cell) => columnOf(cell, titles) === title).map((cell) => cell.text.trim()).join(' ').trim())
    .filter((text) => text !== '');
  if (texts.length === 0) return undefined;
  const has = (c: Column) => known.some((span) => span.column === c);
  const kinds: Array<[Column, (t: string) => boolean]> = [
    ['sku', (t) => READ_CODE.test(t) && !BARCODE_CELL.test(t)],
    ['skip', (t) => BARCODE.test(t)],
    ['name', (t) => WORDS_CELL.test(t) && !CODE_CELL.test(t) && !MONEY_CELL.test(t)],
    ['price', (t) => MONEY_CELL.test(t) || ONE_AMOUNT.test(t)],
    ['size', (t) => SIZE_CELL.test(t)],
    ['quantity', (t) => COUNT_CELL.test(t)],
  ];
  // Columns read past (a barcode, a colour) may be several; every other column is there once.
  const fits = kinds.filter(([column, test]) => (column === 'skip' || !has(column)) && texts.every(test)).map(([column]) => column);
  return fits.length === 1 ? fits[0] : undefined;
}

/** How many header spans a cell covers well (a third of each): more than one means two columns' values ran together. */
function spansCovered(cell: LineCell, spans: Span[]): number {
  return spans.filter((span) => Math.min(cell.x1, span.x1) - Math.max(cell.x0, span.x0) > (span.x1 - span.x0) / 3).length;
}

function startsWithFieldLabel(text: string, ocr: boolean): boolean {
  const first = findLabels(text, { fuzzy: ocr })[0];
  return first !== undefined && first.def.target !== 'ignore' && /^[\s\d.)]*$/.test(text.slice(0, first.start));
}

type Row = { line: Line; index: number; cells: Partial<Record<Column, string>> };

/**
 * A row with no code, count or price is part of a wrapped name. So is one with a line total alone where the
 * table has prices: a real item has its price, and a lone total there is the tail of a figure OCR split over two
 * rows ("1 550,90" read as "1" and, a line lower, "550,90" beside the name's end).
 */
const isFragment = (row: Row, table: ItemsTable) =>
  row.cells.sku === undefined && row.cells.quantity === undefined && row.cells.price === undefined && (!table.amountIsLineTotal || row.cells.lineTotal === undefined);

/** Rows into items: fragments of wrapped names join the row they belong to; rows with neither name nor code drop. */
function assemble(rows: Row[], table: ItemsTable): void {
    const full = rows.filter((r) => !isFragment(r, table));
    if (full.length === 0) return;
    // Fragments of wrapped names join the nearest full row: above it as the name's start, below as its end.
    const names = new Map<Row, { before: string[]; after: string[] }>(full.map((r) => [r, { before: [], after: [] }]));
    const centre = (r: Row) => ((r.line.y0 ?? 0) + (r.line.y1 ?? 0)) / 2;
    for (const row of rows.filter((r) => isFragment(r, table))) {
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
      const lineTotal = row.cells.lineTotal;
      if (row.cells.price !== undefined && lineTotal !== undefined && lineTotal.trim() !== '') {
        (table.lineTotals ??= new Map()).set(item, { raw: lineTotal, line: row.line, positional: true });
      }
      if (item.name || item.sku) table.items.push(item);
    }
}

export function readItemsGrid(lines: Line[]): ItemsTable | undefined {
  for (let h = 0; h < lines.length; h += 1) {
    const spans = headerSpans(lines[h]!, lines.slice(h + 1, h + 1 + TYPING_ROWS));
    if (!spans) continue;
    const table: ItemsTable = { items: [], lines: new Set([h]), amountIsLineTotal: !spans.some((s) => s.column === 'price') };
    const rows: Row[] = [];
    let previous = lines[h]!;
    for (let i = h + 1; i < lines.length && rows.length < MAX_ROWS * 3; i += 1) {
      const line = lines[i]!;
      if (!line.cells || line.page !== previous.page) break;
      if (isSpeck(line)) {
        table.lines.add(i);
        continue;
      }
      const height = Math.max(1, (previous.y1 ?? 0) - (previous.y0 ?? 0));
      const gap = (line.y0 ?? 0) - (previous.y1 ?? 0);
      const total = TOTAL_LINE.exec(line.cells[0]!.text);
      // Blank rows left for more items stand between the last item and the total: a gap the total may cross.
      if (gap > (total ? TOTAL_GAP : TABLE_GAP) * height) break;
      // A second header row (the same header in English) belongs to the header.
      if (rows.length === 0 && headerSpans(line)) {
        table.lines.add(i);
        previous = line;
        continue;
      }
      if (total) {
        table.lines.add(i);
        // From the first digit: the label may go on past "Итого" (", руб.:") before the amount.
        const raw = [total[1]!, ...line.cells.slice(1).map((c) => c.text)].join(' ').replace(/^\D+/, '').trim();
        if (/\d/.test(raw)) table.total = { raw, line, positional: true };
        break;
      }
      // A labelled field after the table ("Причина возврата: …") ends it.
      if (FIELD_START.test(line.text) || startsWithFieldLabel(line.cells[0]!.text, line.ocr)) break;
      const cells: Partial<Record<Column, string>> = {};
      for (const cell of line.cells) {
        // Word by word where the words are known: two columns' values set close together make one cell.
        const parts = cell.words && cell.words.length > 1 && spansCovered(cell, spans) > 1 ? cell.words : [cell];
        for (const part of parts) {
          const { column } = columnOf(part, spans);
          cells[column] = cells[column] ? `${cells[column]} ${part.text}` : part.text;
        }
      }
      rows.push({ line, index: i, cells });
      previous = line;
    }
    assemble(rows, table);
    if (table.items.length > 0) return table;
  }
  return undefined;
}

const MONEY_CELL = /^\d{1,3}(?:[ \u00a0]?\d{3})*(?:[.,]\d{2})\s*(?:₽|руб\.?|rub|р\.?)?$|^\d{1,3}(?:[ \u00a0]?\d{3})*\s*(?:₽|руб\.?|rub|р\.?)$/iu;
const COUNT_CELL = /^\d{1,3}\s*(?:шт\.?|pcs)?$/iu;
const BARCODE_CELL = /^\d{13}$|^\d{8}$/;
/** An article code as OCR may read it ("SV-UG-667-@2"): one token of letters and digits, signs allowed. */
const READ_CODE = /^(?=.*\d)(?=.*\p{L})\S{4,25}$/u;
const CODE_CELL = /^(?=.*\d)[A-Za-zА-Яа-я0-9][A-Za-zА-Яа-я0-9\-_./]{2,24}$/u;
// Children's sizes are heights in centimetres: "116", "104-110"; bedding's are by sleepers, "1,5-сп.".
const SIZE_CELL = /^(?:XXS|XS|S|M|L|XL|XXL|XXXL|[2-6]XL|\d{2}(?:[-/,]\d{1,2})?|\d{2,3}-\d{2,3}|1\d{2}|\d(?:[.,]5)?-?сп\.?|евро|one size|б\/р)$/iu;
const WORDS_CELL = /[A-Za-zА-Яа-яЁё]{3,}/u;

const WHOLE_AMOUNT = /^\d{1,3}(?:[ \u00a0]\d{3})+$|^\d{3,7}$/;

function trailingWholeAmounts(texts: readonly string[], nameAt: number): number[] {
  const last = texts.length - 1;
  if (last <= nameAt + 1 || !WHOLE_AMOUNT.test(texts[last]!)) return [];
  // Two amounts (price, line total) need a count or size before them, or they would swallow it.
  return WHOLE_AMOUNT.test(texts[last - 1]!) && last - 1 > nameAt + 1 ? [last - 1, last] : [last];
}

/** A table row read by the kinds of its cells, for a table whose header could not be read (a dark header band). */
function typedRow(cells: LineCell[]): Partial<Record<Column, string>> | undefined {
  const texts = cells.map((c) => c.text.trim().replace(/^[|[\]]+|[|[\]]+$/g, '').trim()).filter((t) => t !== '');
  const nameAt = texts.findIndex((t) => WORDS_CELL.test(t) && !CODE_CELL.test(t) && !MONEY_CELL.test(t));
  let amounts = texts.map((t, i) => (i > nameAt && MONEY_CELL.test(t) ? i : -1)).filter((i) => i >= 0);
  // Amounts written without kopecks or a currency sign ("1390"; a pen rarely writes ",00"): the row's last one or
  // two cells when they are whole numbers of three digits or more and no cell reads as money.
  if (amounts.length === 0) amounts = trailingWholeAmounts(texts, nameAt);
  // A unit price without kopecks before a line total with them ("149010 4470,30"): both are the row's amounts.
  else if (amounts.length === 1 && amounts[0] === texts.length - 1 && amounts[0] - 1 > nameAt + 1 && WHOLE_AMOUNT.test(texts[amounts[0] - 1]!)) amounts = [amounts[0] - 1, amounts[0]];
  if (nameAt < 0 || amounts.length === 0 || amounts.length > 2) return undefined;
  const row: Partial<Record<Column, string>> = { name: texts[nameAt]! };
  row.price = texts[amounts[0]!]!;
  if (amounts.length === 2) row.lineTotal = texts[amounts[1]!]!;
  const between = texts.slice(nameAt + 1, amounts[0]);
  // The count is the short cell before the amounts; a misread one ("HE" for "1") is still that cell, left for
  // its normaliser to refuse.
  if (between.length > 0 && (COUNT_CELL.test(between[between.length - 1]!) || between[between.length - 1]!.length <= 2)) row.quantity = between.pop()!;
  if (between.length > 0 && SIZE_CELL.test(between[between.length - 1]!)) row.size = between.pop()!;
  if (between.length > 0) return undefined;
  const before = texts.slice(0, nameAt).filter((t) => !BARCODE_CELL.test(t));
  if (before.length > 0 && /^\d{1,2}[.)]?$/.test(before[0]!) && before.length > 1) before.shift();
  if (before.length > 1) return undefined;
  if (before.length === 1 && CODE_CELL.test(before[0]!)) row.sku = before[0]!;
  else if (before.length === 1 && !/^\d{1,2}[.)]?$/.test(before[0]!)) return undefined;
  return row;
}

/** Items found by their rows' shape alone: consecutive rows with a name and one or two amounts. */
export function readTypedItemRows(lines: Line[]): ItemsTable | undefined {
  for (let first = 0; first < lines.length; first += 1) {
    if (!lines[first]!.cells || !typedRow(lines[first]!.cells!)) continue;
    const table: ItemsTable = { items: [], lines: new Set(), amountIsLineTotal: false };
    const rows: Row[] = [];
    let misses = 0;
    for (let i = first; i < lines.length && rows.length < MAX_ROWS * 3; i += 1) {
      const line = lines[i]!;
      if (!line.cells) break;
      const total = TOTAL_LINE.exec(line.cells[0]!.text) ?? (line.cells.length > 1 ? TOTAL_LINE.exec(line.cells[line.cells.length - 2]!.text) : null);
      if (total) {
        table.lines.add(i);
        const raw = line.cells[line.cells.length - 1]!.text;
        if (/\d/.test(raw)) table.total = { raw, line, positional: true };
        break;
      }
      const cells = typedRow(line.cells);
      if (cells) {
        rows.push({ line, index: i, cells });
        misses = 0;
      } else if (line.cells.length === 1 && WORDS_CELL.test(line.cells[0]!.text) && misses === 0) {
        // Possibly a wrapped name's other line; kept only if it sits close to a row.
        rows.push({ line, index: i, cells: { name: line.cells[0]!.text } });
        misses += 1;
      } else break;
    }
    assemble(rows, table);
    if (table.items.length > 0) return table;
  }
  return undefined;
}
