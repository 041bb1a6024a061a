// Erases long straight dark runs — table borders, underlines, form rules — from a greyscale page.
// Tesseract reads lines as characters or drops whole table rows around them; removing them was the single
// biggest accuracy gain measured here, and made OCR about a third faster.
//
// On a whole page a run is a rule only when it is also thin. On a blurred phone photo the letters of a bold or
// small label run together into a dark band as long as a rule; erasing it drew a white stroke through the
// label's middle. A rule is dark for a few pixels across its run; a line of text for its whole letter height.
// Solid bands (a heading printed white on black) are no rule either, and stay: Tesseract reads white-on-black
// lines itself, and every way of taking bands out tried here lost more fields than it won (docs/ocr.md).
//
// A dashed or dotted rule (a "cut here" frame, a leader to sign on) is a row of short thin marks. Sparse-text
// OCR takes such a row for a line of text and scales it to its text height: a rule 4 px thick and 2000 px long
// becomes a "line" 18,000 px long, read letter by letter (on a card form's lower half, a third of its OCR time).

import { rowInkShare } from './row-ink-share.ts';

/** Printed rules are often grey (the form draws them at 60% black); text is far darker but never in long runs. */
const DEFAULT_DARK = 190;

/** A run this long is a rule, not a letter stroke: ~8 mm at 300 dpi, longer than any glyph of body text. */
function minRun(size: number): number {
  return Math.max(60, Math.round(size / 26));
}

/**
 * Thickest dark run across a rule, in pixels: ~1 mm at 300 dpi. A 0.75 pt rule is 3 px, a blurred one up to
 * ~8; the x-height of even 7 pt text is ~15 px.
 */
function maxThickness(size: number): number {
  return Math.max(6, Math.round(size / 210));
}

/** A dashed rule has at least this many marks in a row; a line of text never has that many thin ones in a row. */
const MIN_DASHES = 6;

/** Widest gap between two marks of one dashed rule: ~2 mm (a dashed frame's gaps are ~0.5 mm, a dotted leader's ~1). */
function maxDashGap(size: number): number {
  return Math.max(12, Math.round(size / 100));
}

export interface RuleOptions {
  /**
   * Minimum rule length, for a crop, whose own size says nothing about the page's scale. A crop is one
   * field's box: every long run in it is a rule, whatever its thickness, and it holds no bands.
   */
  runPx?: number;
  /** Pixels darker than this can be part of a rule. */
  dark?: number;
  /**
   * The grey levels of the pixels kept, mapped through this table (256 entries, white to white) in the same pass
   * over the page: a page's faint ink is deepened here (cleanForOcr), a pass over ~4 M pixels saved a strip.
   */
  tone?: Uint8Array;
}

export function removeRuleLines(grey: Uint8Array, width: number, height: number, options: RuleOptions = {}): Buffer {
  const crop = options.runPx !== undefined;
  const size = Math.min(width, height);
  const minLength = options.runPx ?? minRun(size);
  const DARK = options.dark ?? DEFAULT_DARK;
  const thick = crop ? Infinity : maxThickness(size);
  // How far the dark reaches across a run at `at` (a column of a horizontal run, a row of a vertical one). No
  // closures inside: this runs for every sample of every long run, on every page.
  const across = (horizontal: boolean, at: number, line: number): number => {
    const step = horizontal ? width : 1;
    const limit = horizontal ? height : width;
    const origin = horizontal ? at : at * width;
    let n = 1;
    for (let k = line - 1; k >= 0 && n <= thick && grey[origin + k * step]! < DARK; k--) n++;
    for (let k = line + 1; k < limit && n <= thick && grey[origin + k * step]! < DARK; k++) n++;
    return n;
  };
  // Thin where most of it is thin: text touching a rule, or a rule crossing another, thickens it locally.
  const isThin = (horizontal: boolean, line: number, start: number, end: number): boolean => {
    if (thick === Infinity) return true;
    const step = Math.max(1, Math.floor((end - start) / 24));
    let samples = 0;
    let thin = 0;
    for (let at = start; at < end; at += step) {
      samples++;
      if (across(horizontal, at, line) <= thick) thin++;
    }
    return thin * 2 > samples;
  };

  // A mark of a dashed rule is thin at both ends and in the middle. Letters have thin strokes too (the bar of
  // a "з", the top of an "о"), but an end of them turns into a stem or a bowl, as tall as the letter.
  const isMark = (y: number, start: number, end: number) =>
    across(true, (start + end) >> 1, y) <= thick && across(true, start, y) <= thick && across(true, end - 1, y) <= thick;
  const erase = new Uint8Array(width * height);
  // The anti-aliased rows either side would otherwise stay behind as a faint grey rule.
  const eraseRun = (y: number, start: number, end: number) => {
    for (let r = (y - 1) * width; r <= (y + 1) * width; r += width) if (r >= 0 && r < erase.length) erase.fill(1, r + start, r + end);
  };
  // Marks of a dashed rule along the current row: [start, end) pairs.
  const dashes: number[] = [];
  const maxGap = maxDashGap(size);
  const endDashes = (y: number) => {
    if (dashes.length >= MIN_DASHES * 2 && isDashedRule(grey, width, height, y, dashes, minLength, thick, DARK)) {
      for (let i = 0; i < dashes.length; i += 2) eraseRun(y, dashes[i]!, dashes[i + 1]!);
    }
    dashes.length = 0;
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const dark = x < width && grey[row + x]! < DARK;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= minLength) {
          if (isThin(true, y, start, x)) eraseRun(y, start, x);
          endDashes(y);
        } else if (!crop && isMark(y, start, x)) {
          if (dashes.length > 0 && start - dashes[dashes.length - 1]! > maxGap) endDashes(y);
          dashes.push(start, x);
        } else endDashes(y);
        start = -1;
      }
    }
    endDashes(y);
  }
  // Vertical runs, found row by row (each column's run so far in `runFrom`): the page is read in memory order.
  const runFrom = new Int32Array(width).fill(-1);
  for (let y = 0; y <= height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const start = runFrom[x]!;
      if (y < height && grey[row + x]! < DARK) {
        if (start < 0) runFrom[x] = y;
        continue;
      }
      if (start < 0) continue;
      runFrom[x] = -1;
      if (y - start >= minLength && isThin(false, x, start, y)) {
        for (let k = start; k < y; k++) {
          erase[k * width + x] = 1;
          if (x > 0) erase[k * width + x - 1] = 1;
          if (x + 1 < width) erase[k * width + x + 1] = 1;
        }
      }
    }
  }
  const out = Buffer.allocUnsafe(grey.length);
  const tone = options.tone;
  if (tone) for (let i = 0; i < out.length; i++) out[i] = erase[i] ? 255 : tone[grey[i]!]!;
  else for (let i = 0; i < out.length; i++) out[i] = erase[i] ? 255 : grey[i]!;
  return out;
}

/**
 * Whether the thin marks `dashes` ([start, end) pairs along row `y`) are one dashed or dotted rule: spread over
 * more than twice a rule's length, marks of one size at one pitch (the tops of a word's round letters are thin
 * too, but of many widths), and clear paper a little above and below, where a line of text has its letters.
 */
function isDashedRule(grey: Uint8Array, width: number, height: number, y: number, dashes: number[], minLength: number, thick: number, dark: number): boolean {
  const first = dashes[0]!;
  const last = dashes[dashes.length - 1]!;
  if (last - first < minLength * 2) return false;
  // The first and last marks may be cut short by a corner; the rest say what a mark is.
  let [minMark, maxMark, minGap, maxGap] = [Infinity, 0, Infinity, 0];
  for (let i = 2; i < dashes.length - 2; i += 2) {
    const mark = dashes[i + 1]! - dashes[i]!;
    minMark = Math.min(minMark, mark);
    maxMark = Math.max(maxMark, mark);
  }
  for (let i = 2; i < dashes.length; i += 2) {
    const gap = dashes[i]! - dashes[i - 1]!;
    minGap = Math.min(minGap, gap);
    maxGap = Math.max(maxGap, gap);
  }
  if (maxMark > minMark * 2 + 2 || maxGap > minGap * 2 + 4) return false;
  const clearance = thick + 2;
  const darkShare = (row: number) => (row < 0 || row >= height ? 0 : rowInkShare(grey, width, row, first, last, dark));
  return darkShare(y - clearance) <= 0.1 && darkShare(y + clearance) <= 0.1;
}
