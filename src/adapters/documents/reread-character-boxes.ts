// What is written inside a character box (images/find-character-boxes.ts) read again, the inside alone, once
// with the English model and once with the Russian one. Full-page OCR reads a handwritten digit in its box among
// the box's walls and the printed words around it: it drops the digit or reads the wall as a bracket. Two models
// that read the same digits from the same clean crop are two witnesses; where they differ, neither is taken and
// the page keeps its first reading (the English model reads a cursive 3 as 3 where the Russian one reads 8).
// A box's reading that both agree on replaces the words read inside the box and is marked `readTwice`.
import type Tesseract from 'tesseract.js';
import type { PositionedWord } from '../../domain/document.ts';
import { BOX_INK, findCharacterBoxes, type CharacterBox } from '../images/find-character-boxes.ts';
import type { GreyImage } from '../images/warp-region.ts';
import type { OcrEngine } from '../ocr/ocr-engine.ts';
import { readStackedWords } from './stack-word-cuts.ts';

const SINGLE_BLOCK = '6' as Tesseract.PSM;
/** Two models trained apart: their confusions for handwriting differ (3 ↔ 8, 6 ↔ 0), so agreement means something. */
const MODELS = [['eng'], ['rus']] as const;
/**
 * A box's writing read as digits: a few of them (a code, a card's group of four), the walls' bars and brackets
 * aside. In a box of several, one place may hold the same sign in both readings: a digit neither model could read
 * there, left for a check digit to fill (parse/mask-sensitive.ts), never guessed here.
 */
const DIGITS = /^\d{1,6}$/;
const ONE_UNREAD = /^(?=\d*\D\d*$)[^\s]{2,6}$/;
const WALL_MARKS = /^[\s|[\](){}!lI]+|[\s|[\](){}!lI]+$/g;
/** A reading below this is no witness: Tesseract is guessing among shapes. */
const MIN_CONFIDENCE = 0.4;
/** An empty box: fewer ink pixels than this inside it. */
const MIN_INK = 40;

/** A box and what both models read inside it. */
export interface BoxReading {
  box: CharacterBox;
  text: string;
  confidence: number;
}

/**
 * The boxes' agreed readings. `frames` is the page with its rules still on (the walls find the boxes), `clean` the
 * same page as OCR saw it. Needs none of the page's first reading, so ocr-page.ts starts it beside that reading:
 * finding the boxes is work on this thread while the page's OCR runs elsewhere.
 */
export async function readCharacterBoxes(ocr: OcrEngine, frames: GreyImage, clean: GreyImage, pageNumber: number, remaining: () => number): Promise<BoxReading[]> {
  const boxes = findCharacterBoxes(frames).filter((b) => inkInside(frames, b) >= MIN_INK);
  if (boxes.length === 0) return [];
  const cuts = boxes.map((b) => ({ text: '', confidence: 0, ...reach(b) }));
  const insides = onlyInside(clean, boxes, cuts);
  const readings = await Promise.all(
    MODELS.map((languages) => readStackedWords(ocr, insides, cuts, { page: pageNumber, psm: SINGLE_BLOCK, languages, timeoutMs: remaining() })),
  );
  if (readings.some((r) => r === undefined)) return [];
  return boxes.flatMap((box, k) => {
    const agreed = agreedReading(readings.map((r) => r![k]!));
    return agreed ? [{ box, ...agreed }] : [];
  });
}

/** Each box's agreed reading in place of the words read inside the box, marked `readTwice`. */
export function placeBoxReadings(words: PositionedWord[], readings: BoxReading[]): PositionedWord[] {
  let result = words;
  for (const { box, text, confidence } of readings) {
    const { x0, y0, x1, y1 } = box.inner;
    const inside = (w: PositionedWord) => within((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2, box.outer);
    result = [...result.filter((w) => !inside(w)), { text, confidence, x0, y0, x1, y1, readTwice: true }];
  }
  return result;
}

/** The digits every model read in the box, when they all read the same; undefined otherwise. */
export function agreedReading(readings: PositionedWord[][]): { text: string; confidence: number } | undefined {
  const texts = readings.map((words) => words.map((w) => w.text).join('').replace(WALL_MARKS, ''));
  const confidence = Math.min(...readings.flat().map((w) => w.confidence));
  const readable = (t: string) => DIGITS.test(t) || ONE_UNREAD.test(t);
  if (!texts.every((t) => readable(t) && t === texts[0]) || !(confidence >= MIN_CONFIDENCE)) return undefined;
  return { text: texts[0]!, confidence };
}

function within(x: number, y: number, r: CharacterBox['outer']): boolean {
  return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;
}

/** Where a box's writing is: inside the walls across, from wall to wall down (a stroke may cross the top wall). */
function reach(box: CharacterBox): CharacterBox['inner'] {
  return { x0: box.inner.x0, x1: box.inner.x1, y0: box.outer.y0, y1: box.outer.y1 };
}

/**
 * The page blank but for what each box holds, its walls whitened: a cut's margin of paper then never takes in a
 * wall, and a stroke that crossed one loses only the wall's width.
 */
function onlyInside(page: GreyImage, boxes: CharacterBox[], cuts: Array<CharacterBox['inner']>): GreyImage {
  const data = new Uint8Array(page.data.length).fill(255);
  boxes.forEach(({ outer, inner }, k) => {
    const cut = cuts[k]!;
    for (let y = cut.y0; y <= cut.y1; y++) {
      const wall = (y >= outer.y0 && y < inner.y0 - 1) || (y > inner.y1 + 1 && y <= outer.y1);
      if (!wall) data.set(page.data.subarray(y * page.width + cut.x0, y * page.width + cut.x1 + 1), y * page.width + cut.x0);
    }
  });
  return { data, width: page.width, height: page.height };
}

function inkInside(page: GreyImage, box: CharacterBox): number {
  let n = 0;
  for (let y = box.inner.y0; y <= box.inner.y1; y++) for (let x = box.inner.x0; x <= box.inner.x1; x++) if (page.data[y * page.width + x]! < BOX_INK) n++;
  return n;
}
