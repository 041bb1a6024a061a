// Positioned words → rows of cells, decided on the boxes alone. A row is chained word by word from left to
// right (so a scan's slight skew does not split it); a cell is a run of words whose gaps are no wider than a
// space can be. Two tables printed side by side become one row with four cells, a label and its value in the
// next column two cells — never one run of text.
import type { PositionedWord } from '../../../domain/document.ts';
import { caseBySize } from './case-by-size.ts';
import { centre, height, median } from './word-geometry.ts';

export interface Cell {
  text: string;
  /** The cell's words with their extent, for a header whose column titles nearly touch. */
  words: Array<{ text: string; x0: number; x1: number; readTwice?: boolean }>;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  confidence: number;
}

export interface Row {
  cells: Cell[];
  y0: number;
  y1: number;
  confidence: number;
}

/** A gap between words wider than this many line heights separates cells (a space is ~0.3, a justified one <0.8). */
const CELL_GAP = 1.1;
/** With this many gaps in a row, a cell's edge must also be this many times the row's median gap. */
const JUSTIFIED_MIN_GAPS = 4;
const JUSTIFIED_FACTOR = 2.5;
/** Two words are on one row when their vertical centres differ by less than this share of their height. */
const SAME_ROW = 0.5;
/** Neighbouring pairs needed to trust a slope; fewer words than that are a slip of paper, not a page. */
const MIN_SLOPES = 5;
/** Pieces of one word closer than this share of the line height are joined. */
const WORD_PIECE_GAP = 0.25;
/** How many of a row's last words a new word may continue from. */
const CHAIN_MEMORY = 3;
/** Glyph runs closer than this share of the line height are one word (a PDF draws "Кол" and "." apart). */
const SAME_WORD = 0.12;

/** OCR boxes may touch between real words: only punctuation, or a word's lower-case rest, glues on. */
function glued(previous: PositionedWord, word: PositionedWord, lineHeight: number): boolean {
  const gap = word.x0 - previous.x1;
  if (gap < -SAME_WORD * lineHeight) return false;
  // OCR splits a word of a wide (monospaced) typeface into pieces a letter's gap apart (seen: ≤ 0.15 of the
  // line height, where a space between words is ≥ 0.4).
  // A text layer's words come whole (text-layer-words.ts joins its glyph runs); only OCR's are pieced.
  const ocr = previous.confidence < 1 || word.confidence < 1;
  if (ocr && /\p{L}$/u.test(previous.text) && /^\p{Ll}/u.test(word.text)) return gap < WORD_PIECE_GAP * lineHeight;
  return gap < SAME_WORD * lineHeight && (/^[.,;:!?)»%]/.test(word.text) || /[(«]$/.test(previous.text));
}

/** A rule runs the height of its cell, taller than the text beside it (a scan: 37–78 px by 28 px text); a written 1 stands as tall as the handwriting beside it (53 by 45–50). */
const RULE_HEIGHT = 1.2;

/**
 * The words without a table's rules that OCR read as a word of bars ("| LH-NG-757-11 | 4640962696215"): ink of
 * the grid, not text. Left out, their gaps separate the cells on either side as the rules did. What tells a rule
 * from a handwritten 1 read as "|" is height: a rule stands taller than the words level with it. A text
 * layer's "|" is text.
 */
function withoutRules(words: PositionedWord[]): PositionedWord[] {
  const isBar = (w: PositionedWord) => w.confidence < 1 && /^[|¦]+$/.test(w.text.trim());
  const text = words.filter((w) => !isBar(w));
  const page = median(text.map(height));
  return words.filter((w) => {
    if (!isBar(w)) return true;
    const level = text.filter((t) => centre(t) > w.y0 && centre(t) < w.y1);
    return height(w) < RULE_HEIGHT * (level.length > 0 ? median(level.map(height)) : page);
  });
}

/**
 * The page's slope (dy per dx): the median over neighbouring words of one line. A photo taken at a slant or a
 * scan fed askew tilts every row; over a page's width that is more than a line's height.
 */
function slope(words: PositionedWord[], lineHeight: number): number {
  const sorted = [...words].sort((a, b) => a.x0 - b.x0);
  const slopes: number[] = [];
  for (const [i, w] of sorted.entries()) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.x0 <= w.x1 + 2 * lineHeight; j++) {
      const v = sorted[j]!;
      const dx = (v.x0 + v.x1) / 2 - (w.x0 + w.x1) / 2;
      const dy = centre(v) - centre(w);
      if (v.x0 >= w.x1 - 0.2 * lineHeight && dx > 0 && Math.abs(dy) < 0.6 * lineHeight) {
        slopes.push(dy / dx);
        break;
      }
    }
  }
  return slopes.length >= MIN_SLOPES ? median(slopes) : 0;
}

/** Words with the page's slope taken out, so that a row is level again. */
function levelled(words: PositionedWord[], lineHeight: number): PositionedWord[] {
  const s = slope(words, lineHeight);
  if (Math.abs(s) < 0.002) return words;
  return words.map((w) => {
    const shift = s * ((w.x0 + w.x1) / 2);
    return { ...w, y0: w.y0 - shift, y1: w.y1 - shift };
  });
}

export function buildRows(words: PositionedWord[]): Row[] {
  const boxed = words.filter((w) => w.text.trim() !== '' && w.x1 >= w.x0 && w.y1 > w.y0);
  const shown = withoutRules(boxed);
  const lineHeight = median(shown.map(height));
  const visible = levelled(caseBySize(shown), lineHeight);
  const chains: PositionedWord[][] = [];
  for (const word of [...visible].sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0)) {
    const h = Math.min(height(word), 2 * lineHeight);
    let best: PositionedWord[] | undefined;
    let bestDy = Number.POSITIVE_INFINITY;
    for (const chain of chains) {
      // The last few words, not only the last: a table row's cells sit at different heights (a wrapped name's
      // first line above the row's numbers), and the row goes on from whichever of them is level with this word.
      for (const last of chain.slice(-CHAIN_MEMORY)) {
        const dy = Math.abs(centre(last) - centre(word));
        // The smaller of the two heights: two lines of a small label set close together must stay two rows.
        if (dy < SAME_ROW * Math.min(h, Math.min(height(last), 2 * lineHeight)) && dy < bestDy) {
          best = chain;
          bestDy = dy;
        }
      }
    }
    if (best) best.push(word);
    else chains.push([word]);
  }
  const rows = joinStrayWords(chains).map((chain) => toRow(chain, lineHeight));
  return rows.sort((a, b) => centre(a) - centre(b) || (a.cells[0]?.x0 ?? 0) - (b.cells[0]?.x0 ?? 0));
}

/** A lone word must lie over this share of a row's height to be taken into the row's gap. */
const STRAY_OVERLAP = 0.5;
/** A mark this much shorter than a row, inside its band, is set in the row, not on a line of its own. */
const SMALL_MARK = 0.6;
/** OCR's confidence under which a run of marks is junk it could not read, not words of its own line. */
const UNREAD_MARKS = 0.5;
/** How far from the row's words, in row heights, such a run of marks may stand. */
const MARK_REACH = 1;

/** The row's band: the median top and bottom of its words, so one stretched box does not widen it. */
function band(chain: PositionedWord[]): { top: number; bottom: number } {
  return { top: median(chain.map((w) => w.y0)), bottom: median(chain.map((w) => w.y1)) };
}

/**
 * A lone word whose box lies over most of another row's height and fits into a gap between that row's words is
 * that row's word. Its box was stretched: a signature's stroke or a written line ran into the ink of "апреля"
 * between "23" and "2026 г.", and its centre fell below the row. Rows never overlap by half a line otherwise, so a
 * word that really is on a line of its own stays there.
 */
function strayHome(lone: PositionedWord[], chains: PositionedWord[][]): PositionedWord[] | undefined {
  if (lone.length !== 1) return undefined;
  const word = lone[0]!;
  return chains.find((chain) => {
    if (chain === lone || chain.length < 2) return false;
    const { top, bottom } = band(chain);
    const overlap = Math.min(bottom, word.y1) - Math.max(top, word.y0);
    if (overlap < STRAY_OVERLAP * (bottom - top)) return false;
    const left = chain.filter((w) => w.x1 <= word.x0);
    const right = chain.filter((w) => w.x0 >= word.x1);
    return left.length > 0 && right.length > 0 && left.length + right.length === chain.length;
  });
}

/**
 * A short run of marks that are signs alone (two or more) or that OCR could not read, small and wholly inside another row's
 * band, beside that row's words: the row's own marks. A card number's masking stars sit high in the line ("5469
 * 38** **** 0516" came apart into "****" and the rest), and stars OCR took for letters ("КЖ ЖЖ") are junk read
 * with no confidence. Printed words of a line of their own are read with confidence and have letters in them.
 */
function marksHome(run: PositionedWord[], chains: PositionedWord[][]): PositionedWord[] | undefined {
  // Two signs at least: a lone comma or dot beside a row is a speck as often as it is the row's.
  const signsOnly = run.every((w) => /^[^\p{L}\p{N}]{2,}$/u.test(w.text.trim()));
  const unread = run.reduce((sum, w) => sum + w.confidence, 0) / run.length < UNREAD_MARKS;
  if (run.length > 3 || !(signsOnly || unread)) return undefined;
  const x0 = Math.min(...run.map((w) => w.x0));
  const x1 = Math.max(...run.map((w) => w.x1));
  return chains.find((chain) => {
    if (chain === run || chain.length < 2) return false;
    // The row's whole extent: its lower-case words' band is an x-height, lower than the stars at a digit's top.
    const top = Math.min(...chain.map((w) => w.y0));
    const bottom = Math.max(...chain.map((w) => w.y1));
    const rowHeight = bottom - top;
    const inside = run.every((w) => w.y0 >= top - 0.1 * rowHeight && w.y1 <= bottom + 0.1 * rowHeight && height(w) < SMALL_MARK * rowHeight);
    const apart = chain.every((w) => w.x1 <= x0 || w.x0 >= x1);
    const near = chain.some((w) => Math.max(w.x0 - x1, x0 - w.x1) <= MARK_REACH * rowHeight);
    return inside && apart && near;
  });
}

/** Stray words and runs of marks join the row they belong to (strayHome, marksHome). */
function joinStrayWords(chains: PositionedWord[][]): PositionedWord[][] {
  const joined = new Set<PositionedWord[]>();
  for (const run of chains.filter((c) => c.length <= 3)) {
    const home = [strayHome, marksHome].map((find) => find(run, chains.filter((c) => !joined.has(c)))).find((h) => h !== undefined);
    if (!home) continue;
    home.push(...run);
    home.sort((a, b) => a.x0 - b.x0);
    joined.add(run);
  }
  return chains.filter((chain) => !joined.has(chain));
}

function toRow(chain: PositionedWord[], lineHeight: number): Row {
  const cells: Cell[] = [];
  let run: PositionedWord[] = [];
  const flush = () => {
    if (run.length === 0) return;
    cells.push({
      text: run.map((w, i) => (i > 0 && glued(run[i - 1]!, w, lineHeight) ? '' : ' ') + w.text).join('').trim(),
      words: run.map((w) => ({ text: w.text, x0: w.x0, x1: w.x1, ...(w.readTwice ? { readTwice: true } : {}) })),
      x0: Math.min(...run.map((w) => w.x0)),
      x1: Math.max(...run.map((w) => w.x1)),
      y0: Math.min(...run.map((w) => w.y0)),
      y1: Math.max(...run.map((w) => w.y1)),
      confidence: run.reduce((s, w) => s + w.confidence, 0) / run.length,
    });
    run = [];
  };
  // Justified text stretches every space of a line alike: in a row of mostly word spaces, a gap is a cell's
  // edge only when it also stands out from the others (a table header, all cell gaps, splits as it is).
  const gaps = chain.slice(1).map((w, i) => w.x0 - chain[i]!.x1);
  const typical = median(gaps);
  const usual = gaps.length >= JUSTIFIED_MIN_GAPS && typical < CELL_GAP * lineHeight ? JUSTIFIED_FACTOR * typical : 0;
  for (const word of chain) {
    const previous = run[run.length - 1];
    const h = Math.min(Math.max(height(word), previous ? height(previous) : 0), 2 * lineHeight);
    if (previous && word.x0 - previous.x1 > Math.max(CELL_GAP * h, usual)) flush();
    run.push(word);
  }
  flush();
  return {
    cells,
    y0: Math.min(...cells.map((c) => c.y0)),
    y1: Math.max(...cells.map((c) => c.y1)),
    confidence: chain.reduce((s, w) => s + w.confidence, 0) / chain.length,
  };
}
