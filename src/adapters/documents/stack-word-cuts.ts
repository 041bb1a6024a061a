// Words cut out of a page and stacked one under another on white paper, so that one OCR job reads many
// words, each as a line of its own, and each reading can be traced back to its word.
import type { PositionedWord } from '../../domain/document.ts';
import type { OcrEngine, OcrJob } from '../ocr/ocr-engine.ts';
import { encodeGrey } from '../images/prepare-for-ocr.ts';
import { rowInkShare } from '../images/row-ink-share.ts';
import type { GreyImage } from '../images/warp-region.ts';

/** Paper around each cut word, in pixels: Tesseract misreads print that touches an edge. */
const MARGIN = 8;
/** Paper between two stacked words, in pixels, so that each is a line of its own. */
const GAP = 24;
/** Darker than this is ink. */
const INK = 128;
/**
 * A "word" less tall than this (~1 mm at 300 dpi) is a rule or a dashed line OCR read as letters: print's smallest
 * digits are twice as tall. Its cut would widen every row of the stack as far as it runs.
 */
const MIN_WORD_HEIGHT = 12;
/** A band's rows this far into its box (a share of its height) are ink along more than MIN_BAND_INK of their width. */
const BAND_MARGIN = 0.15;
const MIN_BAND_INK = 0.85;

export interface WordStack {
  image: GreyImage;
  /** Where each cut word lies in the stack, top to bottom, in the order given. */
  rows: Array<{ top: number; bottom: number }>;
}

/** Each word's box cut from the page with a margin of paper, the cuts one under another on white paper. */
export function stackWordCuts(page: GreyImage, boxes: PositionedWord[]): WordStack {
  const cuts = boxes.map((b) => ({
    left: Math.max(0, Math.floor(b.x0) - MARGIN),
    top: Math.max(0, Math.floor(b.y0) - MARGIN),
    right: Math.min(page.width, Math.ceil(b.x1) + MARGIN),
    bottom: Math.min(page.height, Math.ceil(b.y1) + MARGIN),
  }));
  const width = Math.max(...cuts.map((c) => c.right - c.left)) + 2 * GAP;
  const height = cuts.reduce((sum, c) => sum + (c.bottom - c.top) + GAP, GAP);
  const data = new Uint8Array(width * height).fill(255);
  const rows: WordStack['rows'] = [];
  let y = GAP;
  for (const c of cuts) {
    for (let row = c.top; row < c.bottom; row++) data.set(page.data.subarray(row * page.width + c.left, row * page.width + c.right), (y + row - c.top) * width + GAP);
    rows.push({ top: y - GAP / 2, bottom: y + (c.bottom - c.top) + GAP / 2 });
    y += c.bottom - c.top + GAP;
  }
  return { image: { data, width, height }, rows };
}

/**
 * The given words read again, stacked into one image, with the job's models: for each word, what was read in
 * its row left to right, or undefined when the job did not finish (out of time, or the engine failed).
 */
export async function readStackedWords(ocr: OcrEngine, page: GreyImage, words: PositionedWord[], job: Pick<OcrJob, 'page' | 'psm' | 'languages' | 'timeoutMs'>): Promise<PositionedWord[][] | undefined> {
  const stack = stackWordCuts(page, words);
  const outcome = await ocr.recognize({ ...job, image: await encodeGrey(stack.image), width: stack.image.width, height: stack.image.height });
  if (outcome.status !== 'done') return undefined;
  const rows = stack.rows.map(() => [] as PositionedWord[]);
  for (const read of outcome.page.words ?? []) {
    const middle = (read.y0 + read.y1) / 2;
    const row = stack.rows.findIndex((r) => middle >= r.top && middle < r.bottom);
    if (row >= 0) rows[row]!.push(read);
  }
  return rows.map((row) => row.sort((a, b) => a.x0 - b.x0));
}

/**
 * What a second reading makes of one word: the text to take and how sure that reading is; undefined keeps the word.
 * `readTwice`: the second reading is the first one's very text, read on its own by another model.
 */
export type JudgeReading = (first: PositionedWord, again: PositionedWord[]) => { text: string; confidence: number; readTwice?: boolean } | undefined;

export interface RereadOptions {
  /** The words to read again, the first `max` of them (by `rank`, then in reading order). */
  choose: (word: PositionedWord) => boolean;
  max: number;
  /** Which chosen words come first when there are more than `max`: lower first (default: all alike). */
  rank?: (word: PositionedWord) => number;
  job: Pick<OcrJob, 'page' | 'psm' | 'languages' | 'timeoutMs'>;
  judge: JudgeReading;
}

/**
 * The chosen words read again in one stacked job, each replaced where `judge` takes the second reading; the word is
 * then no surer than the less sure of its two readings. Out of time or a failed engine: the words as they were.
 */
export async function rereadWords(ocr: OcrEngine, page: GreyImage, words: PositionedWord[], options: RereadOptions): Promise<PositionedWord[]> {
  const rank = options.rank ?? (() => 0);
  const chosen = words
    .map((w, i) => ({ w, i }))
    // A rule or a solid band is no word to read again, and as wide as the page: its cut would widen every row of
    // the stack.
    .filter(({ w }) => options.choose(w) && w.y1 - w.y0 >= MIN_WORD_HEIGHT && !isSolidBand(page, w))
    .sort((a, b) => rank(a.w) - rank(b.w) || a.i - b.i)
    .slice(0, options.max);
  if (chosen.length === 0) return words;
  const rows = await readStackedWords(ocr, page, chosen.map(({ w }) => w), options.job);
  if (!rows) return words;
  const result = [...words];
  chosen.forEach(({ w, i }, k) => {
    const taken = options.judge(w, rows[k]!);
    if (taken && taken.text !== w.text) result[i] = { ...w, text: taken.text, confidence: Math.min(w.confidence, taken.confidence) };
    else if (taken?.readTwice) result[i] = { ...w, readTwice: true };
  });
  return result;
}

/**
 * Whether a word's box on the page is a solid band: a heading printed white on black, read as letters. Its box is
 * ink across nearly its whole width above and below the letters; a word's, even of bold blurred digits, is not.
 */
export function isSolidBand(page: GreyImage, word: PositionedWord): boolean {
  const [x0, x1] = [Math.max(0, Math.floor(word.x0)), Math.min(page.width, Math.ceil(word.x1))];
  const [y0, y1] = [Math.max(0, Math.floor(word.y0)), Math.min(page.height, Math.ceil(word.y1))];
  if (x1 <= x0 || y1 <= y0) return false;
  const inkShare = (y: number) => rowInkShare(page.data, page.width, y, x0, x1, INK);
  const margin = Math.floor((y1 - y0) * BAND_MARGIN);
  return inkShare(y0 + margin) > MIN_BAND_INK && inkShare(y1 - 1 - margin) > MIN_BAND_INK;
}

/** Second readings of the same words, as one: each word as the first of them that changed it reads it. */
export function firstChanges(words: PositionedWord[], rereads: PositionedWord[][]): PositionedWord[] {
  return words.map((w, i) => rereads.map((r) => r[i]!).find((again) => again !== w) ?? w);
}
