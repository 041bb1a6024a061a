// Flattens a document's pages into the lines the readers work on, with everything sensitive masked and
// the total text bounded (MAX_TEXT_CHARS protects the regexes from hostile input). Where a page has
// positioned words, its lines are rebuilt from them (layout/build-rows.ts): one line per visual row, its
// cells joined by a tab and kept with their horizontal extent, so columns and table cells stay apart.
import type { SourceBox } from '../../domain/application.ts';
import type { ExtractedDocument, PageText, TextLine } from '../../domain/document.ts';
import { MAX_TEXT_CHARS } from '../../domain/limits.ts';
import { buildRows } from './layout/build-rows.ts';
import { maskSensitive } from './mask-sensitive.ts';

/** One cell of a row: its text and where it starts and ends across the page. */
export interface LineCell {
  text: string;
  x0: number;
  x1: number;
  /** Its words and their extent, where nothing in the cell was masked. */
  words?: Array<{ text: string; x0: number; x1: number; readTwice?: boolean }>;
  /** OCR's confidence in the cell's own words (their mean): a value's, where the row holds junk beside it. */
  confidence?: number;
}

export interface Line {
  text: string;
  /** 0–1; 1 for a text layer or an e-mail body. */
  confidence: number;
  box?: SourceBox;
  /** Read by OCR, so misreads are possible. */
  ocr: boolean;
  /** The row's cells (the text split at its tabs) with their extent; absent where the source had no positions. */
  cells?: LineCell[];
  /** The row's vertical extent in page units, where the source had positions. */
  y0?: number;
  y1?: number;
  page?: number;
}

/** A single line longer than this is not a form line; cut it so per-line matching stays cheap. */
const MAX_LINE_CHARS = 2_000;
/** A cell separator in a line's text. */
export const CELL_SEPARATOR = '\t';

interface RawLine extends TextLine {
  cells?: LineCell[];
  y0?: number;
  y1?: number;
}

function pageLines(page: PageText): RawLine[] {
  if (!page.words || page.words.length === 0) return page.lines;
  return buildRows(page.words).map((row) => {
    const x0 = Math.min(...row.cells.map((c) => c.x0));
    const x1 = Math.max(...row.cells.map((c) => c.x1));
    return {
      text: row.cells.map((c) => c.text.replace(/\t/g, ' ')).join(CELL_SEPARATOR),
      confidence: row.confidence,
      cells: row.cells.map(({ text, x0: cx0, x1: cx1, words, confidence }) => ({ text, x0: cx0, x1: cx1, words, confidence })),
      y0: row.y0,
      y1: row.y1,
      box: { page: page.page, x: Math.round(x0), y: Math.round(row.y0), width: Math.round(x1 - x0), height: Math.round(row.y1 - row.y0) },
    };
  });
}

/** Cells of a masked line: the positions survive when masking kept the cell count (a card number spread over cells does not). */
function maskedCells(text: string, cells: LineCell[] | undefined): LineCell[] | undefined {
  if (!cells) return undefined;
  const parts = text.split(CELL_SEPARATOR);
  if (parts.length !== cells.length) return undefined;
  return parts.map((part, i) => {
    const { words, ...cell } = cells[i]!;
    return part === cell.text && words ? { ...cell, words } : { ...cell, text: part };
  });
}

/** A card's four boxes on the line, each read alike by two models: four words of four, all read twice. */
const CARD_BOXES = 4;
function boxesReadTwice(line: RawLine): boolean {
  const groups = (line.cells ?? []).flatMap((c) => (c.words ?? []).filter((w) => w.text.length === 4 && /\d/.test(w.text)));
  return groups.length === CARD_BOXES && groups.every((w) => w.readTwice === true);
}

export function prepareLines(doc: ExtractedDocument): Line[] {
  const ocr = doc.method === 'ocr' || (doc.method === undefined && doc.pages.some((p) => p.lines.some((l) => l.confidence < 1)));
  const lines: Line[] = [];
  let budget = MAX_TEXT_CHARS;
  for (const page of doc.pages) {
    for (const line of pageLines(page)) {
      const parts = line.cells ? [line.text] : line.text.split(/\r?\n/);
      for (const part of parts) {
        if (budget <= 0) return lines;
        const text = maskSensitive(part.slice(0, Math.min(MAX_LINE_CHARS, budget)).replace(/\u00a0/g, ' '), { boxesReadTwice: boxesReadTwice(line) });
        budget -= part.length + 1;
        if (text.trim() === '') continue;
        const confidence = Number.isFinite(line.confidence) ? Math.min(1, Math.max(0, line.confidence)) : 0;
        const cells = maskedCells(text, line.cells);
        lines.push({
          text,
          confidence,
          ocr,
          page: page.page,
          ...(line.box ? { box: { ...line.box, page: line.box.page ?? page.page } } : {}),
          ...(cells ? { cells } : {}),
          ...(line.y0 !== undefined ? { y0: line.y0, y1: line.y1 } : {}),
        });
      }
    }
  }
  return lines;
}
