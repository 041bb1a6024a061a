// Zone OCR of our own form: find the items table's frame, map the form's millimetres onto the page through
// it (which also undoes a photo's perspective and skew), OCR only the value zones as single lines, and write
// the result as the "<label>: <value>" lines the label parser already reads. Faster than OCR of the whole
// page (a few small crops instead of an A4 of text) and more accurate (no layout analysis to get wrong).
// Returns undefined when the page is not recognisably our form; the caller then OCRs the full page.
import type Tesseract from 'tesseract.js';
import {
  FORM_CHOICES,
  FORM_FIELDS,
  FORM_ID,
  FORM_ID_LINES,
  FORM_ITEMS_TABLE,
  FORM_TITLE_EN,
  FORM_TITLE_RU,
  quantityComb,
  type Comb,
  type FormField,
} from '../../domain/application-form.ts';
import type { PageText, TextLine } from '../../domain/document.ts';
import { applyHomography, type Homography } from '../images/homography.ts';
import { encodeGrey } from '../images/prepare-for-ocr.ts';
import { removeRuleLines } from '../images/remove-rule-lines.ts';
import { removeSpecks } from '../images/remove-specks.ts';
import { thickenInk } from '../images/thicken-ink.ts';
import { whitenPaper } from '../images/whiten-paper.ts';
import { warpRegion, type GreyImage, type Region } from '../images/warp-region.ts';
import type { OcrEngine, OcrOutcome } from '../ocr/ocr-engine.ts';
import { decideTicks } from './decide-ticks.ts';
import { shippedDigitClassifier, type DigitCellClassifier } from './digits/classify-digit-cell.ts';
import { withSecondReader } from './digits/with-second-reader.ts';
import { checkedCombValue } from './checked-comb-value.ts';
import { cellCharacter, clearCellWalls, combCellRegion, digitsOnly, hasCombWalls, padCell, separatorMark, writableCells } from './read-comb-cells.ts';
import {
  checkboxRegion,
  FOOTER_REGION,
  fieldRegion,
  PX_PER_MM,
  TABLE_FRAME,
  tableRowRegion,
  TITLE_REGION,
} from './form-zones.ts';
import { locateForm } from './locate-form.ts';

const SINGLE_LINE = '7' as Tesseract.PSM;
/** A comb cell holds one character (read on a white margin: see padCell). */
const SINGLE_CHAR = '10' as Tesseract.PSM;
/** The second model a digit cell is read with (documents/reread-digit-words.ts: English alone reads digits better). */
const LATIN = ['eng'] as const;
const QUANTITY_COLUMN = FORM_ITEMS_TABLE.columns.findIndex((c) => c.key === 'quantity');
/** A dash or slash told by its shape: a plain mark, but not read by OCR. */
const SEPARATOR_CONFIDENCE = 0.8;
/** Dark enough to be writing or print (the form's grey footer text comes out at ~145 after whitening); paper is 255. */
const INK = 170;
/** Fewer dark pixels than this in a zone (≈ a quarter of one handwritten letter) means nobody wrote there. */
const MIN_INK_PX = 60;
/** A rule in a crop: ~5 mm; the widest letter at 11 pt is ~3 mm. */
const RULE_RUN_PX = Math.round(5 * PX_PER_MM);
/** In a crop a rule may be as light as 85% grey on a photo; nothing else in a value zone is that long. */
const RULE_DARK = 215;
const MEANINGFUL = /[\p{L}\p{N}]/u;
/** A speck: at most ~0.4 mm square of ink with nothing else within 1.5 mm (ё's dots sit ~0.5 mm above it). */
const SPECK_MAX_PX = 25;
const SPECK_CLEARANCE_PX = Math.round(1.5 * PX_PER_MM);
/** A word at either end of a zone read at this confidence or less, and this short, is a mark, not writing. */
const STRAY_CONFIDENCE = 0.2;
const STRAY_LENGTH = 2;
const ANCHORS = [FORM_TITLE_RU, FORM_TITLE_EN, 'заявление на возврат', FORM_ID, FORM_ID_LINES].map(squash);

export type ZoneReadResult =
  | { status: 'read'; page: PageText }
  | { status: 'not_our_form' }
  | { status: 'ocr_problem'; outcome: Exclude<OcrOutcome, { status: 'done' }> };

interface ZoneJob {
  region: Region;
  /** A comb cell: one character, its printed walls cleared first; a dash or slash told by its shape in `separators` cells. */
  cell?: 'digits' | 'separators';
}

export async function readFormZones(
  ocr: OcrEngine,
  page: GreyImage,
  pageNumber: number,
  timeoutMs: number,
  digits: DigitCellClassifier = shippedDigitClassifier(),
): Promise<ZoneReadResult> {
  const location = locateForm(page);
  if (!location) return { status: 'not_our_form' };
  const { h } = location;

  const anchors: Array<{ key: string; job: ZoneJob }> = [
    { key: 'title', job: { region: TITLE_REGION } },
    { key: 'footer', job: { region: FOOTER_REGION } },
  ];
  const jobs: Array<{ key: string; job: ZoneJob }> = [
    ...FORM_FIELDS.map((f) => ({ key: f.key, job: { region: fieldRegion(f) } })),
    ...Array.from({ length: FORM_ITEMS_TABLE.maxRows }, (_, r) => ({ key: `row${r}`, job: { region: tableRowRegion(r) } })),
  ];
  const text = new Map<string, PageText>();
  const read = async (batch: typeof jobs): Promise<Exclude<OcrOutcome, { status: 'done' }> | undefined> => {
    // Every crop of a batch goes to the pool at once: the workers share one page's zones.
    const results = await Promise.all(batch.map(({ job }) => recognizeZone(ocr, page, h, job, pageNumber, timeoutMs, digits)));
    const failed = results.find((r): r is Exclude<OcrOutcome, { status: 'done' }> => r !== undefined && r.status !== 'done');
    batch.forEach(({ key }, i) => {
      const r = results[i];
      // In a table row a short doubtful word can be a whole cell (a quantity's "1"); only field zones lose them.
      // A comb cell's one mark is its value, a dash or slash included: nothing to trim.
      if (r?.status === 'done') text.set(key, key.includes('#') ? r.page : { ...r.page, lines: trimMarks(r.page.lines, !key.startsWith('row')) });
    });
    return failed;
  };
  // The title and the footer first: another shop's boxed form also has a table to place, and reading all
  // its zones before finding it is not ours cost seconds.
  const anchorFailed = await read(anchors);
  if (anchorFailed) return { status: 'ocr_problem', outcome: anchorFailed };
  const anchorText = squash(`${joined(text.get('title'))} ${joined(text.get('footer'))}`);
  if (!ANCHORS.some((a) => anchorText.includes(a))) return { status: 'not_our_form' };
  // Version 1 (a line per value) or 2 (comb boxes): the footer says which; a footer not read, the page's ink.
  const combs = !anchorText.includes(squash(FORM_ID_LINES)) && (anchorText.includes(squash(FORM_ID)) || hasCombWalls(page, h));
  if (combs) {
    const combFields = new Set(FORM_FIELDS.filter((f) => f.comb).map((f) => f.key));
    jobs.splice(0, jobs.length, ...jobs.filter(({ key }) => !combFields.has(key as FormField['key'])), ...combCellJobs());
  }
  const failed = await read(jobs);
  if (failed) return { status: 'ocr_problem', outcome: failed };

  const box = (region: Region) => pageBox(h, region, pageNumber, page);
  /** A comb's value from its cells' readings (`<prefix>#<cell>`); a cell with ink but no reading counts as unread. */
  const readComb = (comb: Comb, prefix: string) =>
    checkedCombValue(comb, new Map(writableCells(comb).map((i) => [i, text.get(`${prefix}#${i}`)?.lines[0] ?? (text.has(`${prefix}#${i}`) ? { text: '', confidence: 0 } : undefined)])));
  const placed: Array<{ y: number; line: TextLine }> = [];
  const place = (y: number, line: TextLine) => placed.push({ y, line });

  place(TITLE_REGION.y, { text: `${FORM_TITLE_RU} / ${FORM_TITLE_EN}`, confidence: meanConfidence(text.get('title')), box: box(TITLE_REGION) });
  for (const field of FORM_FIELDS) {
    if (combs && field.comb) {
      const value = readComb({ ...field, comb: field.comb }, field.key);
      if (value) place(field.zone.y, { text: `${label(field.labelRu, field.labelEn)}: ${value.text}`, confidence: value.confidence, box: box(fieldRegion(field)) });
      continue;
    }
    const read = text.get(field.key);
    const value = joined(read);
    if (value === '') continue;
    place(field.zone.y, { text: `${label(field.labelRu, field.labelEn)}: ${value}`, confidence: meanConfidence(read), box: box(fieldRegion(field)) });
  }
  const t = FORM_ITEMS_TABLE;
  place(t.y, { text: t.columns.map((c) => c.labelRu).join(' | '), confidence: 1, box: box({ x: TABLE_FRAME.left, y: t.y, width: TABLE_FRAME.right - TABLE_FRAME.left, height: t.rowHeight }) });
  for (let r = 0; r < t.maxRows; r++) {
    const words = text.get(`row${r}`);
    if (!words || words.lines.length === 0) continue;
    const region = tableRowRegion(r);
    const cells = t.columns.map(() => [] as string[]);
    for (const word of words.lines) {
      if (!MEANINGFUL.test(word.text)) continue;
      const centre = region.x + (word.box!.x + word.box!.width / 2) / PX_PER_MM;
      const column = t.columns.findIndex((c) => centre >= c.x && centre < c.x + c.width);
      if (column >= 0) cells[column]!.push(word.text);
    }
    // On RI-FORM-2 the count is written in its own cells, read one by one.
    if (combs) cells[QUANTITY_COLUMN] = [readComb(quantityComb(r), `qty${r}`)?.text ?? ''].filter((c) => c !== '');
    // "—" for an empty cell: the table reader treats dashes as blank but keeps the cell count, so it splits
    // the row by position instead of guessing.
    place(region.y, { text: cells.map((c) => (c.length > 0 ? c.join(' ') : '—')).join(' | '), confidence: meanConfidence(words), box: box(region) });
  }
  for (const group of ['reason', 'refundMethod'] as const) {
    const choices = FORM_CHOICES[group];
    const ticks = decideTicks(choices.options.map((_, i) => inkShare(warpRegion(page, h, checkboxRegion(group, i), PX_PER_MM))));
    place(choices.y, { text: `${label(choices.labelRu, choices.labelEn)}:`, confidence: 1, box: box({ x: 15, y: choices.y, width: 60, height: 8 }) });
    choices.options.forEach((option, i) => {
      // A box scribbled out is printed unticked: the customer took that choice back.
      const { state, clear } = ticks[i]!;
      const ticked = state === 'ticked';
      const region = checkboxRegion(group, i);
      place(region.y + 0.01 * i, {
        text: `[${ticked ? 'X' : ' '}] ${option.labelRu} / ${option.labelEn}`,
        confidence: clear ? 0.95 : 0.6,
        box: box({ x: region.x - 1.5, y: region.y - 1, width: 100, height: 4.5 }),
      });
    });
  }
  if (text.has('footer')) place(FOOTER_REGION.y, { text: `Форма / Form ${combs ? FORM_ID : FORM_ID_LINES}`, confidence: meanConfidence(text.get('footer')), box: box(FOOTER_REGION) });

  placed.sort((a, b) => a.y - b.y);
  return { status: 'read', page: { page: pageNumber, lines: placed.map((p) => p.line), width: page.width, height: page.height } };
}

const joinedLines = (page: PageText) => page.lines.map((l) => l.text).join(' ');

/**
 * A digit cell the joint models read as nothing or as a letter no digit looks like (a handwritten 4 as "Ц"), read
 * again by the English model alone: where that reads a digit, the cell is that digit, no surer than the first
 * reading was — one reading against another, nothing confirmed. Otherwise the number would fail its format for one
 * cell. A thin pen's stroke, broken by the scan, reads as nothing: then the same cell with its ink a pixel bolder.
 */
export async function digitReadAgain(ocr: OcrEngine, image: Buffer, padded: GreyImage, pageNumber: number, timeoutMs: number, first: PageText): Promise<OcrOutcome | undefined> {
  const readAlone = async (cell: GreyImage, encoded: Buffer) => {
    const again = await ocr.recognize({ image: encoded, width: cell.width, height: cell.height, page: pageNumber, psm: SINGLE_CHAR, languages: LATIN, timeoutMs });
    return again.status === 'done' ? again.page : undefined;
  };
  const second = await readAlone(padded, image);
  if (!second) return undefined;
  if (cellCharacter(joinedLines(second), true) !== undefined) return taken(second, first);
  const bold = thickenInk(padded);
  const third = await readAlone(bold, await encodeGrey(bold));
  return third && cellCharacter(joinedLines(third), true) !== undefined ? taken(third, first) : undefined;
}

/** The second reading, no surer than the first; nothing read the first time weighs as no confidence at all. */
function taken(again: PageText, first: PageText): OcrOutcome {
  const confidence = Math.min(...[...first.lines, ...again.lines].map((l) => l.confidence), first.lines.length === 0 ? 0 : 1);
  return { status: 'done', page: { ...again, lines: [{ ...again.lines[0]!, text: joinedLines(again), confidence }] } };
}

/** Undefined when the zone is blank (no OCR needed). */
async function recognizeZone(
  ocr: OcrEngine,
  page: GreyImage,
  h: Homography,
  job: ZoneJob,
  pageNumber: number,
  timeoutMs: number,
  digits: DigitCellClassifier,
): Promise<OcrOutcome | undefined> {
  const crop = warpRegion(page, h, job.region, PX_PER_MM);
  const whitened = whitenPaper(removeRuleLines(crop.data, crop.width, crop.height, { runPx: RULE_RUN_PX, dark: RULE_DARK }));
  const despeckled = { ...crop, data: removeSpecks(whitened, crop.width, crop.height, { ink: INK, maxArea: SPECK_MAX_PX, clearance: SPECK_CLEARANCE_PX }) };
  const clean = job.cell ? clearCellWalls(despeckled) : despeckled;
  // A separator is a small mark that OCR of a lone cell reads as nothing: told by its shape instead.
  const mark = (): OcrOutcome | undefined => {
    const found = job.cell === 'separators' ? separatorMark(clean) : undefined;
    return found ? { status: 'done', page: { page: pageNumber, lines: [{ text: found, confidence: SEPARATOR_CONFIDENCE }] } } : undefined;
  };
  if (darkPixels(clean) < MIN_INK_PX) return mark();
  if (job.cell) {
    const padded = padCell(clean);
    const cellImage = await encodeGrey(padded);
    const outcome = await ocr.recognize({ image: cellImage, width: padded.width, height: padded.height, page: pageNumber, psm: SINGLE_CHAR, timeoutMs });
    // A digit cell with ink that read as no digit (nothing, or a letter no digit looks like): once more.
    if (job.cell === 'digits' && outcome.status === 'done' && cellCharacter(joinedLines(outcome.page), true) === undefined) {
      const again = (await digitReadAgain(ocr, cellImage, padded, pageNumber, timeoutMs, outcome.page)) ?? outcome;
      return withSecondReader(again, clean, digits);
    }
    // Tesseract knows print; a network trained on handwritten digits reads every digit cell too (digits/).
    if (job.cell === 'digits') return withSecondReader(outcome, clean, digits);
    if (outcome.status === 'done' && !outcome.page.lines.some((l) => MEANINGFUL.test(l.text))) return mark() ?? outcome;
    // An order number's cell may hold a letter ("LH-48213"): the digit reader only weighs in where Tesseract saw a digit.
    if (outcome.status === 'done' && /\d/.test(cellCharacter(joinedLines(outcome.page), false) ?? '')) return withSecondReader(outcome, clean, digits);
    return outcome;
  }
  const image = await encodeGrey(clean);
  // Words, not the line: stray marks are dropped before they weigh on the value's confidence.
  return ocr.recognize({ image, width: clean.width, height: clean.height, page: pageNumber, psm: SINGLE_LINE, words: true, timeoutMs });
}

function darkPixels(img: GreyImage): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i++) if (img.data[i]! < INK) n++;
  return n;
}

function inkShare(img: GreyImage): number {
  return darkPixels(img) / Math.max(1, img.data.length);
}

/** The zone's outline on the page image, as an upright box in page pixels (for the review UI). */
function pageBox(h: Homography, r: Region, pageNumber: number, page: GreyImage): TextLine['box'] {
  const pts = [
    { x: r.x, y: r.y },
    { x: r.x + r.width, y: r.y },
    { x: r.x + r.width, y: r.y + r.height },
    { x: r.x, y: r.y + r.height },
  ].map((p) => applyHomography(h, p));
  const x0 = clamp(Math.min(...pts.map((p) => p.x)), page.width);
  const x1 = clamp(Math.max(...pts.map((p) => p.x)), page.width);
  const y0 = clamp(Math.min(...pts.map((p) => p.y)), page.height);
  const y1 = clamp(Math.max(...pts.map((p) => p.y)), page.height);
  return { page: pageNumber, x: Math.round(x0), y: Math.round(y0), width: Math.round(x1 - x0), height: Math.round(y1 - y0) };
}

function clamp(v: number, max: number): number {
  return Math.min(max, Math.max(0, v));
}

/**
 * A zone's words without stray marks at either end (a rule's stub or a speck read as "|", "—", ",", or as a
 * letter Tesseract itself doubts: "i" at 0.00, when `doubtful`). A lone word is kept: it may be the whole value.
 */
function trimMarks(words: TextLine[], doubtful: boolean): TextLine[] {
  const stray = (w: TextLine) => !MEANINGFUL.test(w.text) || (doubtful && w.confidence <= STRAY_CONFIDENCE && w.text.length <= STRAY_LENGTH);
  let start = 0;
  let end = words.length;
  while (end - start > 1 && stray(words[start]!)) start++;
  while (end - start > 1 && stray(words[end - 1]!)) end--;
  if (end - start === 1 && !MEANINGFUL.test(words[start]!.text)) return [];
  return words.slice(start, end);
}

/** One job per writable comb cell of every comb field (`orderNumber#3`). */
function combCellJobs(): Array<{ key: string; job: ZoneJob }> {
  const combs: Array<[Comb, string]> = [
    ...FORM_FIELDS.flatMap((f): Array<[Comb, string]> => (f.comb ? [[{ ...f, comb: f.comb }, f.key]] : [])),
    ...Array.from({ length: FORM_ITEMS_TABLE.maxRows }, (_, r): [Comb, string] => [quantityComb(r), `qty${r}`]),
  ];
  return combs.flatMap(([comb, prefix]) =>
    writableCells(comb).map((i) => ({ key: `${prefix}#${i}`, job: { region: combCellRegion(comb, i), cell: digitsOnly(comb) ? 'digits' : 'separators' } as ZoneJob })),
  );
}

function joined(page: PageText | undefined): string {
  return (page?.lines ?? []).map((l) => l.text).join(' ');
}

function meanConfidence(page: PageText | undefined): number {
  const lines = page?.lines ?? [];
  if (lines.length === 0) return 0;
  return lines.reduce((s, l) => s + l.confidence, 0) / lines.length;
}

function label(ru: string, en: string): string {
  return ru === en ? ru : `${ru} / ${en}`;
}

/** Lower case, letters and digits only, Latin look-alikes folded to Cyrillic: OCR mixes the two alphabets. */
function squash(text: string): string {
  const lookalike: Record<string, string> = { a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у', '3': 'з' };
  return text
    .toLowerCase()
    .replace(/[^a-zа-яё0-9]/g, '')
    .replace(/[abcehkmoptxy3]/g, (ch) => lookalike[ch] ?? ch);
}
