// Finds candidate raw values for each field by their labels, on the geometry of the page. A label's value is
// looked for, in this order: after the label in its own cell ("Телефон: +7…"); in the next cell of its row
// (a label column and a value column); beside the label's second line when the label wraps ("Номер заказа /
// Order" over "No.   KM-60954"); in the cell under it. The first that reads as a value of the field wins.
// Lines of running text are also read as paragraphs, so that a label broken over two lines ("Счёт
// получателя: …") and a value in a sentence are found. Candidates are raw text: normalising and choosing
// between them happens later.
import type { LabelTarget } from './field-labels.ts';
import { findLabels, type LabelMatch } from './find-labels.ts';
import { CELL_SEPARATOR, type Line, type LineCell } from './prepare-lines.ts';

export interface Candidate {
  target: LabelTarget;
  raw: string;
  line: Line;
  lineIndex: number;
  /** The label needed edits, the value came from another row, or was found without a label. */
  weak: boolean;
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
const startsWithLabel = (cell: PlacedCell) => cell.labels.length > 0 && /^[\s\W\d]*$/.test(cell.text.slice(0, cell.labels[0]!.start));
const lineHeight = (line: Line) => (line.y0 !== undefined && line.y1 !== undefined ? Math.max(1, line.y1 - line.y0) : 0);

/** The values a label may have, nearest first, each with whether it is a weak (less direct) reading. */
function placesFor(lines: Line[], cellsByLine: PlacedCell[][], i: number, k: number, labelIndex: number, consumed: Set<string>): Array<{ raw: string; line: Line; lineIndex: number; weak: boolean; via?: string }> {
  const line = lines[i]!;
  const cells = cellsByLine[i]!;
  const cell = cells[k]!;
  const m = cell.labels[labelIndex]!;
  const next = cell.labels[labelIndex + 1];
  const places: Array<{ raw: string; line: Line; lineIndex: number; weak: boolean; via?: string }> = [];
  const own = clean(cell.text.slice(m.end, next ? next.start : undefined));
  if (!EMPTY.test(own)) places.push({ raw: own, line, lineIndex: i, weak: false });
  if (next) return places;
  const right = cells[k + 1];
  if (right && !startsWithLabel(right)) places.push({ raw: clean(right.text), line, lineIndex: i, weak: false });
  if (right) return places;
  const below = lines[i + 1];
  if (!below) return places;
  const belowCells = cellsByLine[i + 1]!;
  if (cell.x0 === undefined || line.cells === undefined || below.cells === undefined) {
    // No positions: the value may be printed on the next line, under its label.
    if (belowCells.length > 0 && !startsWithLabel(belowCells[0]!)) places.push({ raw: clean(below.text.split(CELL_SEPARATOR)[0]!), line: below, lineIndex: i + 1, weak: true });
    return places;
  }
  const h = Math.max(lineHeight(line), lineHeight(below));
  // The label's second line: left-aligned under it; the value sits beside it.
  const wrapIndex = belowCells.findIndex((c) => c.x0 !== undefined && Math.abs(c.x0 - cell.x0!) < 1.5 * h);
  const wrap = belowCells[wrapIndex];
  if (wrap && below.y0! - line.y1! < 1.2 * h) {
    const beside = belowCells[wrapIndex + 1];
    if (beside && !startsWithLabel(beside)) {
      consumed.add(`${i + 1}:${wrapIndex}`);
      places.push({ raw: clean(beside.text), line: below, lineIndex: i + 1, weak: false });
      return places;
    }
  }
  // The value under its label, in the same column.
  const under = belowCells.find((c) => c.x0 !== undefined && c.x0 < cell.x1! && c.x1! > cell.x0! && !startsWithLabel(c));
  if (under && below.y0! - line.y1! < 1.5 * h) places.push({ raw: clean(under.text), line: below, lineIndex: i + 1, weak: true });
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
    const continues = last && last.first + last.count === i && (!/[.:!?]\s*$/.test(previous) || /^\s*[a-zа-яё(«]/.test(lines[i]!.text));
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
      for (let j = 0; j < cell.labels.length; j += 1) {
        const m = cell.labels[j]!;
        const next = cell.labels[j + 1];
        // "Номер заказа / Order number:" — two labels of one field: the value follows the last one.
        if (next && next.def.target === m.def.target && /^[\s\/|:]*$/.test(cell.text.slice(m.end, next.start))) continue;
        const places = placesFor(lines, cellsByLine, i, k, j, consumed);
        const chosen = places.find((p) => accepts(m.def.target, p.raw, lines[i]!.ocr)) ?? places[0];
        if (!chosen) continue;
        candidates.push({ target: m.def.target, raw: chosen.raw, line: chosen.line, lineIndex: chosen.lineIndex, weak: chosen.weak || m.edits > 0 });
      }
    }
  }
  for (const p of paragraphs(lines, skip)) {
    const line = lines[p.first]!;
    const labels = acceptedLabels(p.text, line.ocr);
    labels.forEach((m, j) => {
      const raw = clean(p.text.slice(m.end, labels[j + 1]?.start).replace(/\n/g, ' '));
      if (!EMPTY.test(raw)) candidates.push({ target: m.def.target, raw, line, lineIndex: p.first, weak: m.edits > 0 });
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
