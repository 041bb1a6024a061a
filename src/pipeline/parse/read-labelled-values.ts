// Finds candidate raw values for each field by their labels, on the geometry of the page. A label's value is
// looked for, in this order: after the label in its own cell ("Телефон: +7…"); in the next cell of its row
// (a label column and a value column); beside the label's second line when the label wraps ("Номер заказа /
// Order" over "No.   KM-60954"); in the cell under it. The first that reads as a value of the field wins.
// Lines of running text are also read as paragraphs, so that a label broken over two lines ("Счёт
// получателя: …") and a value in a sentence are found. Candidates are raw text: normalising and choosing
// between them happens later.
import { joinBoxedGroups } from './boxed-groups.ts';
import { FIELD_LABELS, type LabelTarget } from './field-labels.ts';
import { findLabels, type LabelMatch } from './find-labels.ts';
import { CELL_SEPARATOR, type Line, type LineCell } from './prepare-lines.ts';

export interface Candidate {
  target: LabelTarget;
  raw: string;
  line: Line;
  lineIndex: number;
  /** The label needed edits, the value came from another row, or was found without a label. */
  weak: boolean;
  /** OCR's confidence in the value's own cells, where it was read from whole cells (cellConfidence). */
  confidence?: number;
}

/** Whether `raw` reads as a value of `target` (the field's own normaliser decides). */
export type Accepts = (target: LabelTarget, raw: string, ocr: boolean) => boolean;

const LEADING_SEPARATORS = /^[\s:：\-–—_.\/|=]+/;
const TRAILING_SEPARATORS = /[\s|;,_]+$/;
const EMPTY = /^[_\s.\-–—/|]*$/;

/** A second label on a line counts only when it plainly starts a new field, not when it is a word in a sentence. */
function startsNewField(text: string, m: LabelMatch, previous: LabelMatch): boolean {
  if (m.def.cuts) return true;
  const before = text.slice(previous.end, m.start);
  // "Реквизиты для возврата: БИК …" — the previous label has no value of its own yet.
  if (/^[\s\/|:：\-–—]*$/.test(before)) return true;
  if (/(?:\s{2,}|\t|\n|[|;,]\s*)$/.test(text.slice(0, m.start))) return true;
  return /^\s*[:：]/.test(text.slice(m.end));
}

export function acceptedLabels(text: string, fuzzy: boolean): LabelMatch[] {
  const accepted: LabelMatch[] = [];
  for (const m of findLabels(text, { fuzzy })) {
    const previous = accepted[accepted.length - 1];
    if (!previous || startsNewField(text, m, previous)) accepted.push(m);
  }
  return accepted;
}

interface PlacedCell extends Partial<LineCell> {
  text: string;
  labels: LabelMatch[];
}

function cellsOf(line: Line): PlacedCell[] {
  const cells: Array<Partial<LineCell> & { text: string }> = line.cells ?? line.text.split(CELL_SEPARATOR).map((text) => ({ text }));
  return cells.map((c) => ({ ...c, labels: acceptedLabels(c.text, line.ocr) }));
}

const clean = (raw: string) => raw.replace(LEADING_SEPARATORS, '').replace(TRAILING_SEPARATORS, '');
// Nothing but signs, digits and space before the label: "2. Заказ", "— Получатель". (Not \W: without the u flag
// every Cyrillic letter is \W, and "Яковлев Андрей, Наименование банка:" began with a label.)
const startsWithLabel = (cell: PlacedCell) => cell.labels.length > 0 && /^[\s\p{P}\p{S}\d]*$/u.test(cell.text.slice(0, cell.labels[0]!.start));
/** A value cell's text up to a label of its own ("Яковлев Андрей Владимирович, Наименование банка: …"). */
const valueBeforeLabel = (cell: PlacedCell) => clean(cell.text.slice(0, cell.labels[0]?.start));
const lineHeight = (line: Line) => (line.y0 !== undefined && line.y1 !== undefined ? Math.max(1, line.y1 - line.y0) : 0);

/** Where a value may stand, nearest first; `weak` when it is not beside its label. */
interface Place {
  raw: string;
  line: Line;
  lineIndex: number;
  weak: boolean;
  confidence?: number;
}

/**
 * How sure OCR was of a value read from whole cells: their words' mean, not the row's. A row beside a bank account
 * may hold OCR's junk from a dark band or a stamp (a harsh photo: the row 0.32, the account's own word 0.91), which
 * says nothing about the account. Undefined where a cell's confidence is unknown (no positions).
 */
function cellConfidence(cells: ReadonlyArray<Partial<LineCell>>): { confidence?: number } {
  const known = cells.map((c) => c.confidence).filter((c): c is number => c !== undefined);
  return known.length === cells.length && known.length > 0 ? { confidence: known.reduce((a, b) => a + b, 0) / known.length } : {};
}

/**
 * A label cell and the lines of it that wrap below ("Номер заказа / Order" over "No.", "Держатель карты" over
 * its caption "фамилия, имя, отчество"): left-aligned cells close under it that continue it — the one above ends
 * with "/", the one below starts in lower case, or it holds no label of its own.
 */
interface Block {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Line and cell indices of the block's wrapped parts. */
  parts: Array<[number, number]>;
  /** Where each part's text ends in `text`. */
  ends: number[];
}

const ALIGNED = 1.5;
/** Fields whose value is words, which a narrow value column wraps over rows; a number never wraps. */
const WORDY = new Set<LabelTarget>(['fullName', 'accountHolder', 'reasonText', 'reasonGroup', 'refundGroup']);
const CHOICE_GROUPS = new Set<LabelTarget>(['reasonGroup', 'refundGroup']);
const WRAP_GAP = 0.5;
/** Below this OCR confidence a line is no print anyone could read. */
const GARBLED_LINE = 0.4;

function blockAt(lines: Line[], cellsByLine: PlacedCell[][], i: number, k: number): Block | undefined {
  const line = lines[i]!;
  const cell = cellsByLine[i]![k]!;
  if (cell.x0 === undefined || line.y0 === undefined) return undefined;
  const h = lineHeight(line);
  const block: Block = { text: cell.text, x0: cell.x0, x1: cell.x1!, y0: line.y0, y1: line.y1!, parts: [], ends: [cell.text.length] };
  // The label's value beside it, where there is one: a caption stays in the label's column, left of it.
  const valueX0 = cellsByLine[i]![k + 1]?.x0;
  for (let j = i + 1; j < lines.length; j++) {
    const below = lines[j]!;
    if (below.y0 === undefined || below.page !== line.page) break;
    if (below.y0 - block.y1 > WRAP_GAP * h) break;
    const index = cellsByLine[j]!.findIndex((c) => c.x0 !== undefined && Math.abs(c.x0 - block.x0) < ALIGNED * h);
    // A caption is print like its label; what OCR made of a dark band or a smudge between rows (it doubts
    // nearly all of it) would stretch the label across the value column and hide the value.
    if (index < 0 || below.confidence < GARBLED_LINE) continue;
    const next = cellsByLine[j]![index]!;
    // A cell under the label that reaches into its value's column (junk OCR read along a rule, 0.40 sure) is no
    // caption: taken in, it would stretch the label across the value and hide it.
    if (valueX0 !== undefined && next.x1! > valueX0) continue;
    const continues = /\/\s*$/.test(block.text) || /^[\s(]*[a-zа-яё\d]/u.test(next.text) || !startsWithLabel(next);
    if (!continues) break;
    block.text += ` ${next.text}`;
    block.ends.push(block.text.length);
    block.x1 = Math.max(block.x1, next.x1!);
    block.y1 = below.y1!;
    block.parts.push([j, index]);
  }
  return block;
}

/**
 * Labels of a wrapped block. When its first line already names a field, what wraps below it is that label's
 * own caption ("Держатель карты" over "фамилия, имя, отчество") or its translation, never a second field.
 */
function blockLabels(text: string, first: PlacedCell, ocr: boolean): LabelMatch[] {
  const labels = acceptedLabels(text, ocr);
  const lead = labels[0];
  if (!lead || first.labels.length === 0 || lead.start >= first.text.length) return labels;
  return labels.filter((m) => m.start < first.text.length || m.def.target === lead.def.target);
}

/** Letters this short may be what OCR kept of a label. */
const REMNANT_LETTERS = 4;

/** A few letters, no digit, that begin one of the target's own labels ("Ph" of "Phone"). */
function isLabelRemnant(text: string, target: LabelTarget): boolean {
  const letters = text.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters.length > REMNANT_LETTERS || /\d/.test(text)) return false;
  return FIELD_LABELS.some((def) => def.target === target && def.text.startsWith(letters));
}

/** Cells right of a block, level with it, up to the next label: a value column, wrapped over rows or not. */
function besideBlock(lines: Line[], cellsByLine: PlacedCell[][], i: number, block: Block, target: LabelTarget, consumed: Set<string>): Place[] {
  const words = WORDY.has(target);
  // A choice's options are words that also name fields ("Карта / Card" beside "Способ возврата"): there a
  // cell that starts like a label may still be the value, which the group's own reading then checks — but
  // only on a line of the label itself and close to it; a line merely level with it, or a far column, may
  // be another table's label.
  const ownLines = new Set([i, ...block.parts.map(([j]) => j)]);
  const near = (cell: PlacedCell) => cell.x0! - block.x1 < block.x1 - block.x0;
  // A wrapped line of another label ("No." under "Номер заказа / Order") is that label's, not a value.
  const isValue = (cell: PlacedCell, j: number) =>
    !consumed.has(`${j}:${cellsByLine[j]!.indexOf(cell)}`) && (!startsWithLabel(cell) || (CHOICE_GROUPS.has(target) && ownLines.has(j) && near(cell)));
  const h = lineHeight(lines[i]!);
  const found: Array<{ cell: PlacedCell; lineIndex: number }> = [];
  for (let j = i; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.y0 === undefined || line.page !== lines[i]!.page || line.y0 > block.y1 + 0.3 * h) break;
    if (line.y1! >= block.y0 - 0.3 * h) {
      const right = cellsByLine[j]!.filter((c) => c.x0 !== undefined && c.x0 >= block.x1 - 0.5 * h);
      // The other language's label cut short by OCR ("Телефон | Ph | +7-982-…") stands before the value.
      const cell = !words && right[0] && isLabelRemnant(right[0].text, target) ? right[1] : right[0];
      if (cell && isValue(cell, j)) found.push({ cell, lineIndex: j });
    }
  }
  // A name centred in a tall cell starts on the row above its label's ("Кузнецова Маргарита" over
  // "ФИО / Full name" over "Станиславовна"): words only, and only the row right above, close to the block.
  const above = lines[i - 1];
  if (words && found.length > 0 && above?.y1 !== undefined && above.page === lines[i]!.page && block.y0 - (above.y0! + above.y1) / 2 < h) {
    const cell = cellsByLine[i - 1]!.find((c) => c.x0 !== undefined && c.x0 >= block.x1 - 0.5 * h);
    if (cell && !startsWithLabel(cell) && Math.abs(cell.x0! - found[0]!.cell.x0!) < ALIGNED * h) found.unshift({ cell, lineIndex: i - 1 });
  }
  if (found.length === 0) return [];
  const places: Place[] = [];
  // A number in boxes (boxed-groups.ts) is every box of the label's row, not its first.
  const row = cellsByLine[i]!.filter((c) => c.x0 !== undefined && c.x0 >= block.x1 - 0.5 * h && !startsWithLabel(c));
  const boxed = words ? undefined : joinBoxedGroups(row.map((c) => c.text));
  // Its first box alone is a fragment, never the value.
  if (boxed) return [{ raw: boxed, line: lines[i]!, lineIndex: i, weak: false }];
  const aligned = found.every((f) => Math.abs(f.cell.x0! - found[0]!.cell.x0!) < ALIGNED * h);
  if (words && found.length > 1 && aligned) {
    places.push({ raw: clean(found.map((f) => f.cell.text).join(' ')), line: lines[found[0]!.lineIndex]!, lineIndex: found[0]!.lineIndex, weak: false, ...cellConfidence(found.map((f) => f.cell)) });
  }
  const centre = (block.y0 + block.y1) / 2;
  const byCloseness = [...found].sort((a, b) => {
    const ca = (lines[a.lineIndex]!.y0! + lines[a.lineIndex]!.y1!) / 2;
    const cb = (lines[b.lineIndex]!.y0! + lines[b.lineIndex]!.y1!) / 2;
    return Math.abs(ca - centre) - Math.abs(cb - centre);
  });
  for (const f of byCloseness) places.push({ raw: clean(f.cell.text), line: lines[f.lineIndex]!, lineIndex: f.lineIndex, weak: false, ...cellConfidence([f.cell]) });
  return places;
}

/** The cell under a block, in its column: a value printed below its label. */
function underBlock(lines: Line[], cellsByLine: PlacedCell[][], i: number, block: Block): Place[] {
  const h = lineHeight(lines[i]!);
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.y0 === undefined || line.page !== lines[i]!.page || line.y0 - block.y1 > 1.5 * h) break;
    if (line.y0 < block.y1) continue;
    const cell = cellsByLine[j]!.find((c) => c.x0 !== undefined && c.x0 < block.x1 && c.x1! > block.x0);
    if (cell) return startsWithLabel(cell) ? [] : [{ raw: valueBeforeLabel(cell), line, lineIndex: j, weak: true }];
  }
  return [];
}

/** How far above its label a value may stand, in line heights: the row right above, over the line it is written on. */
const OVER_GAP = 2;
/**
 * Dates are written over their caption ("Дата" under the line, beside "Подпись"); a number over a label is the
 * field above's (bank details stacked: a corr. account over "Расчётный счёт"), and a name has its own rule.
 */
const DATED = new Set<LabelTarget>(['orderDate', 'receivedDate', 'applicationDate']);

/**
 * The cell on the row right above a block, over it or to its right: a value written on a line with its caption
 * printed under it ("21/01/2026" over "Дата / Date (DD/MM/YYYY)"), or set higher in its cell than its label
 * ("11 августа 2026 г." over the level of "Дата заполнения"). Dates only; last and weak: taken only when it reads
 * as a date and nothing beside or under the label does, and never from a row that holds a label of its own.
 */
function overBlock(lines: Line[], cellsByLine: PlacedCell[][], i: number, block: Block): Place[] {
  const h = lineHeight(lines[i]!);
  const above = lines[i - 1];
  if (!above || above.y1 === undefined || above.page !== lines[i]!.page || block.y0 - above.y1 > OVER_GAP * h) return [];
  const cells = cellsByLine[i - 1]!;
  if (cells.some((c) => c.labels.length > 0)) return [];
  const cell = cells.find((c) => c.x0 !== undefined && c.x1! > block.x0 && !EMPTY.test(c.text));
  return cell ? [{ raw: clean(cell.text), line: above, lineIndex: i - 1, weak: true }] : [];
}

/** The values a label may have, nearest first. */
function placesFor(lines: Line[], cellsByLine: PlacedCell[][], i: number, k: number, text: string, m: LabelMatch, next: LabelMatch | undefined, block: Block | undefined, consumed: Set<string>): Place[] {
  const line = lines[i]!;
  const places: Place[] = [];
  // The label's own cell ends where its wrapped caption or translation begins.
  const cellEnd = block ? block.ends.find((end) => end >= m.end) : undefined;
  const own = clean(text.slice(m.end, Math.min(next ? next.start : text.length, cellEnd ?? text.length)));
  if (!EMPTY.test(own)) places.push({ raw: own, line, lineIndex: i, weak: false });
  if (next) return places;
  if (block) {
    const over = DATED.has(m.def.target) ? overBlock(lines, cellsByLine, i, block) : [];
    return [...places, ...besideBlock(lines, cellsByLine, i, block, m.def.target, consumed), ...underBlock(lines, cellsByLine, i, block), ...over];
  }
  const cells = cellsByLine[i]!;
  const right = cells[k + 1];
  if (right && !startsWithLabel(right)) places.push({ raw: clean(right.text), line, lineIndex: i, weak: false, ...cellConfidence([right]) });
  if (right) return places;
  // No positions: the value may be printed on the next line, under its label.
  const below = lines[i + 1];
  const first = cellsByLine[i + 1]?.[0];
  if (below && first && !startsWithLabel(first)) places.push({ raw: valueBeforeLabel(first), line: below, lineIndex: i + 1, weak: true });
  return places;
}

/** Runs of lines of running text, joined so that a sentence or a label broken over lines reads whole. */
function paragraphs(lines: Line[], skip: Set<number>): Array<{ text: string; first: number }> {
  const out: Array<{ text: string; first: number; count: number }> = [];
  const prose = (i: number) => !skip.has(i) && lines[i]!.text.split(CELL_SEPARATOR).length === 1;
  for (let i = 0; i < lines.length; i += 1) {
    if (!prose(i)) continue;
    const last = out[out.length - 1];
    const previous = lines[i - 1]?.text ?? '';
    // A colon announces what follows, so a line ending in one runs on ("…реквизитам: Получатель:" / "Яковлев …").
    const continues = last && last.first + last.count === i && (!/[.!?]\s*$/.test(previous) || /^\s*[a-zа-яё(«]/.test(lines[i]!.text));
    if (continues) {
      last.text += /-$/.test(last.text) ? lines[i]!.text.trim() : `\n${lines[i]!.text}`;
      last.count += 1;
    } else out.push({ text: lines[i]!.text, first: i, count: 1 });
  }
  return out.filter((p) => p.count > 1);
}

export function readLabelledValues(lines: Line[], skip: Set<number>, accepts: Accepts): Candidate[] {
  const candidates: Candidate[] = [];
  const cellsByLine = lines.map((line, i) => (skip.has(i) ? [] : cellsOf(line)));
  const consumed = new Set<string>();
  for (let i = 0; i < lines.length; i += 1) {
    const cells = cellsByLine[i]!;
    for (let k = 0; k < cells.length; k += 1) {
      if (consumed.has(`${i}:${k}`)) continue;
      const cell = cells[k]!;
      // A label's wrapped lines belong to it; found again on their own they would be read twice.
      const block = blockAt(lines, cellsByLine, i, k);
      const text = block?.text ?? cell.text;
      const labels = block && block.parts.length > 0 ? blockLabels(text, cell, lines[i]!.ocr) : cell.labels;
      if (labels.length === 0) continue;
      for (const [j, index] of block?.parts ?? []) consumed.add(`${j}:${index}`);
      for (let j = 0; j < labels.length; j += 1) {
        const m = labels[j]!;
        const next = labels[j + 1];
        // "Номер заказа / Order number:" — two labels of one field: the value follows the last one.
        if (next && next.def.target === m.def.target && /^[\s\/|:]*$/.test(text.slice(m.end, next.start))) continue;
        const places = placesFor(lines, cellsByLine, i, k, text, m, next, block, consumed);
        const chosen = places.find((p) => accepts(m.def.target, p.raw, lines[i]!.ocr)) ?? (places[0]?.lineIndex === i ? places[0] : undefined);
        if (!chosen) continue;
        candidates.push({ target: m.def.target, raw: chosen.raw, line: chosen.line, lineIndex: chosen.lineIndex, weak: chosen.weak || m.edits > 0, ...(chosen.confidence !== undefined ? { confidence: chosen.confidence } : {}) });
      }
    }
  }
  for (const p of paragraphs(lines, skip)) {
    const line = lines[p.first]!;
    const labels = acceptedLabels(p.text, line.ocr);
    labels.forEach((m, j) => {
      const after = p.text.slice(m.end, labels[j + 1]?.start);
      const raw = clean(after.replace(/\n/g, ' '));
      // A value that starts on a later line than its label is not beside it: less sure it is its value.
      const below = /^[\s\p{P}]*\n/u.test(after);
      if (!EMPTY.test(raw)) candidates.push({ target: m.def.target, raw, line, lineIndex: p.first, weak: m.edits > 0 || below });
    });
  }
  for (let i = 0; i < lines.length; i += 1) {
    if (skip.has(i)) continue;
    const line = lines[i]!;
    // "Я, Иванов Иван Иванович, паспорт …" — the classic opening of a Russian application.
    const iAm = /(?:^|[\s.])Я\s*,\s*([A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё.\-' ]+?)\s*(?:,|$|паспорт|проживающ|зарегистрир)/u.exec(line.text);
    if (iAm) candidates.push({ target: 'fullName', raw: iAm[1]!, line, lineIndex: i, weak: false });
  }
  return candidates;
}
