// Comb boxes of our form (version 2): a value written one character per cell. Each cell is cropped and read on
// its own as a single character — handwriting that stays inside its box needs no segmentation, which is what
// Tesseract gets wrong most on a line of handwritten digits — and a digit field's cells may only read as digits.
import { combCell, FORM_FIELDS, type Comb } from '../../domain/application-form.ts';
import type { TextLine } from '../../domain/document.ts';
import type { Homography } from '../images/homography.ts';
import { warpRegion, type GreyImage, type Region } from '../images/warp-region.ts';
import { PX_PER_MM } from './form-zones.ts';

/**
 * Letters a handwritten digit is read as, in a cell that can only hold a digit. Tesseract's own whitelist is no
 * use here: told "digits only", it drops a handwritten 0 it first saw as O instead of reading it as 0.
 */
const AS_DIGIT: Record<string, string> = {
  O: '0', o: '0', О: '0', о: '0', D: '0', Q: '0', I: '1', l: '1', '|': '1', i: '1', '(': '1', ')': '1', '[': '1', ']': '1', Z: '2', z: '2', З: '3', з: '3', A: '4', Ч: '4', ч: '4',
  S: '5', s: '5', б: '6', Б: '6', G: '6', T: '7', '/': '7', B: '8', В: '8', g: '9', q: '9',
};
/** A cell's crop stops this far inside its printed walls; what is left of a wall after a photo's misplacement is cleared. */
const CELL_INSET_MM = 0.45;
/** Darker than this is ink (same level as the zone reader's). */
const INK = 170;
/**
 * A column or row dark along nearly all the crop, at its very edge, is a cell wall; a digit's stroke there (the
 * side of a 0) is curved and leaves gaps.
 */
const WALL_SHARE = 0.85;
const WALL_EDGE = 0.12;
/** An inner wall of a comb is dark along this share of its height; handwriting crossing the same strip is not. */
const COMB_WALL_SHARE = 0.7;

/** Cells of every comb field but the order number hold digits only (shops' order numbers carry letters and separators). */
export function digitsOnly(field: Pick<Comb, 'key'>): boolean {
  return field.key !== 'orderNumber';
}

/** White margin around a cell's crop: Tesseract reads a lone character poorly when its ink touches the image edge. */
const PAD_PX = 24;

/** The cell's crop on a white margin. */
export function padCell(img: GreyImage): GreyImage {
  const width = img.width + 2 * PAD_PX;
  const height = img.height + 2 * PAD_PX;
  const data = Buffer.alloc(width * height, 255);
  for (let y = 0; y < img.height; y++) data.set(img.data.subarray(y * img.width, (y + 1) * img.width), (y + PAD_PX) * width + PAD_PX);
  return { width, height, data };
}

/** Fewer dark pixels than this in a cell is dust, not a mark. */
const MARK_MIN_PX = 12;
/** A dash is at most this tall for its width; a slash leans at least this far (horizontal shift per height). */
const DASH_FLATNESS = 0.45;
const SLASH_LEAN = 0.25;

/**
 * A separator in a cell that OCR reads as nothing (too little ink, or no letter in it): a flat stroke is a dash, a
 * stroke leaning right as it rises a slash — the two marks a shop's order number holds ("LH-48213", "4417/26").
 */
export function separatorMark(img: GreyImage): '-' | '/' | undefined {
  const { width, height, data } = img;
  let n = 0;
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x]! >= INK) continue;
      n++;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (n < MARK_MIN_PX) return undefined;
  const [w, h] = [x1 - x0 + 1, y1 - y0 + 1];
  if (h <= DASH_FLATNESS * w && w >= width / 5) return '-';
  // Where the ink sits across the top and the bottom quarter of the mark.
  const meanX = (from: number, to: number) => {
    let sum = 0;
    let count = 0;
    for (let y = from; y <= to; y++) for (let x = x0; x <= x1; x++) if (data[y * width + x]! < INK) (sum += x, count++);
    return count === 0 ? NaN : sum / count;
  };
  const quarter = Math.max(1, Math.floor(h / 4));
  const lean = (meanX(y0, y0 + quarter - 1) - meanX(y1 - quarter + 1, y1)) / h;
  return h >= height / 2 && lean >= SLASH_LEAN ? '/' : undefined;
}

/** The inside of cell `i`, clear of its printed walls. */
export function combCellRegion(field: Comb, i: number): Region {
  const cell = combCell(field, i);
  return { x: cell.x + CELL_INSET_MM, y: cell.y + CELL_INSET_MM, width: cell.width - 2 * CELL_INSET_MM, height: cell.height - 2 * CELL_INSET_MM };
}

/** The cells a customer writes in (printed ones excluded). */
export function writableCells(field: Comb): number[] {
  const comb = field.comb;
  if (!comb) return [];
  return Array.from({ length: comb.cells }, (_, i) => i).filter((i) => comb.printed?.[i] === undefined);
}

/** Whitens wall stubs along a cell crop's edges: long dark columns or rows in its outer eighth. */
export function clearCellWalls(img: GreyImage): GreyImage {
  const { width, height } = img;
  const data = Buffer.from(img.data);
  const edgeCols = Math.max(1, Math.round(width * WALL_EDGE));
  const edgeRows = Math.max(1, Math.round(height * WALL_EDGE));
  for (let x = 0; x < width; x++) {
    if (x >= edgeCols && x < width - edgeCols) continue;
    let dark = 0;
    for (let y = 0; y < height; y++) if (data[y * width + x]! < INK) dark++;
    if (dark >= WALL_SHARE * height) for (let y = 0; y < height; y++) data[y * width + x] = 255;
  }
  for (let y = 0; y < height; y++) {
    if (y >= edgeRows && y < height - edgeRows) continue;
    let dark = 0;
    for (let x = 0; x < width; x++) if (data[y * width + x]! < INK) dark++;
    if (dark >= WALL_SHARE * width) data.fill(255, y * width, (y + 1) * width);
  }
  return { ...img, data };
}

/**
 * Whether the page prints comb boxes where our form's order number goes (version 2), told from the ink of the
 * cells' inner walls — for when the footer naming the version cannot be read.
 */
export function hasCombWalls(page: GreyImage, h: Homography): boolean {
  const field = FORM_FIELDS.find((f) => f.comb && f.comb.cells > 8)!;
  const walls = Array.from({ length: field.comb!.cells - 1 }, (_, i) => combCell(field, i + 1));
  const shares = walls.map((cell) => {
    const strip = warpRegion(page, h, { x: cell.x - 0.35, y: cell.y + 0.8, width: 0.7, height: cell.height - 1.6 }, PX_PER_MM);
    let rows = 0;
    for (let y = 0; y < strip.height; y++) {
      for (let x = 0; x < strip.width; x++) {
        if (strip.data[y * strip.width + x]! < INK) {
          rows++;
          break;
        }
      }
    }
    return rows / Math.max(1, strip.height);
  });
  return shares.reduce((a, b) => a + b, 0) / shares.length >= COMB_WALL_SHARE;
}

/**
 * The character a cell's reading stands for, undefined when none. A cell holds one character; OCR may add a mark
 * beside it ("1." or "|7"): its first letter or digit counts. A lone stroke read as a bracket is a digit cell's 1
 * (a handwritten 1 is rarely straight); in a digit cell a letter no digit looks like stands for nothing.
 */
export function cellCharacter(text: string, digits: boolean): string | undefined {
  const first = (digits ? /[\p{L}\p{N}\-/|()[\]]/u : /[\p{L}\p{N}\-/|]/u).exec(text)?.[0];
  return first !== undefined && digits ? (/\d/.test(first) ? first : AS_DIGIT[first]) : first;
}

/** One place of a comb value: a character the form prints, or a written cell and the character it stands for (none: unread). */
export type CombPlace<C extends TextLine> = { printed: string } | { cell: C; char: string | undefined };

/**
 * A comb field's places from its cells' readings (undefined: a blank cell), printed characters put back, in order.
 * Blank cells after the last written one end the value; a blank one before it is a skipped box. Empty when nothing
 * was written.
 */
export function combPlaces<C extends TextLine>(field: Comb, cells: ReadonlyMap<number, C | undefined>): Array<CombPlace<C>> {
  const comb = field.comb!;
  let last = -1;
  for (const [i, cell] of cells) if (cell !== undefined && i > last) last = i;
  const places: Array<CombPlace<C>> = [];
  for (let i = 0; i <= last; i++) {
    const printed = comb.printed?.[i];
    const cell = cells.get(i);
    if (printed !== undefined) places.push({ printed });
    else if (cell !== undefined) places.push({ cell, char: cellCharacter(cell.text, digitsOnly(field)) });
  }
  return places;
}

/**
 * The value of a comb field from its cells' readings (combPlaces). Its confidence is that of its least sure cell: one
 * misread digit makes the whole number wrong, and a written cell read as no character makes it 0.
 */
export function combValue(field: Comb, cells: ReadonlyMap<number, TextLine | undefined>): { text: string; confidence: number } | undefined {
  const places = combPlaces(field, cells);
  if (places.length === 0) return undefined;
  let text = '';
  let confidence = 1;
  for (const place of places) {
    if ('printed' in place) text += place.printed;
    else if (place.char === undefined) confidence = 0;
    else {
      text += place.char;
      confidence = Math.min(confidence, place.cell.confidence);
    }
  }
  return { text, confidence };
}
