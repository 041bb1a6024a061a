// A second, focused read of the print full-page OCR returned no words for (images/find-unread-ink.ts): each
// such region is cropped with a margin of paper and read as a block of its own, where Tesseract judges it
// among nothing else. Runs within the page's time limit; what the page already read stays as it is — even a
// doubtful word: letting a second read replace first-read words broke item tables' headers on the devset
// (held-out seed 1132 → 1130 fields), where reading only the ink nobody read gained bank details.
import type Tesseract from 'tesseract.js';
import type { PositionedWord } from '../../domain/document.ts';
import { findUnreadInk, type InkRegion } from '../images/find-unread-ink.ts';
import { encodeGrey } from '../images/prepare-for-ocr.ts';
import type { GreyImage } from '../images/warp-region.ts';
import type { OcrEngine } from '../ocr/ocr-engine.ts';

const SINGLE_BLOCK = '6' as Tesseract.PSM;
/** Paper around a crop, in pixels: Tesseract misreads print that touches the image's edge. */
const MARGIN = 16;
/** A word read again below this confidence is as likely a smudge or a signature's stroke as print. */
const MIN_CONFIDENCE = 0.6;
/** A second-read word lying this much (of its own area) over a first-read word is that word again. */
const ALREADY_READ = 0.3;

/** `page` is the cleaned page the full-page OCR saw; `words` what it read there. Returns the words found besides. */
export async function readMissedInk(ocr: OcrEngine, page: GreyImage, words: PositionedWord[], pageNumber: number, remaining: () => number): Promise<PositionedWord[]> {
  const found: PositionedWord[] = [];
  // Every region goes to the pool at once (they wait on the page's last strip, and the pool has a worker a core);
  // the readings are taken in the regions' order.
  const reads = findUnreadInk(page, words).map(async (region) => {
    const crop = cropWithMargin(page, region);
    const outcome = await ocr.recognize({ image: await encodeGrey(crop.image), width: crop.image.width, height: crop.image.height, page: pageNumber, psm: SINGLE_BLOCK, timeoutMs: remaining() });
    return { crop, outcome };
  });
  for (const { crop, outcome } of await Promise.all(reads)) {
    // Out of time or the engine failed: the page keeps what the regions before this one found.
    if (outcome.status !== 'done') break;
    for (const w of outcome.page.words ?? []) {
      if (w.confidence < MIN_CONFIDENCE) continue;
      const placed = { ...w, x0: w.x0 + crop.left, x1: w.x1 + crop.left, y0: w.y0 + crop.top, y1: w.y1 + crop.top };
      // The crop's margin takes in print the first read already has: read twice, it would be there twice.
      if (!words.some((s) => overlap(placed, s) > ALREADY_READ)) found.push(placed);
    }
  }
  return found;
}

function cropWithMargin(page: GreyImage, r: InkRegion): { image: GreyImage; left: number; top: number } {
  const left = r.x0 - MARGIN;
  const top = r.y0 - MARGIN;
  const width = r.x1 - r.x0 + 2 * MARGIN;
  const height = r.y1 - r.y0 + 2 * MARGIN;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = Math.max(0, top); y < Math.min(page.height, top + height); y++) {
    const from = y * page.width;
    const x0 = Math.max(0, left);
    const x1 = Math.min(page.width, left + width);
    data.set(page.data.subarray(from + x0, from + x1), (y - top) * width + (x0 - left));
  }
  return { image: { data, width, height }, left, top };
}

/** The share of `a`'s area that `b` covers. */
function overlap(a: PositionedWord, b: PositionedWord): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? (w * h) / Math.max(1, (a.x1 - a.x0) * (a.y1 - a.y0)) : 0;
}
