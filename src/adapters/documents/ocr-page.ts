// OCR of one page image: decode and prepare it (orientation, scale, lighting), read our form's zones when the
// page is our form, otherwise the whole page (rules removed), within the time limit; every failure becomes a
// problem value.
import type Tesseract from 'tesseract.js';
import type { PageText } from '../../domain/document.ts';
import { problem, type Problem } from '../../domain/problem.ts';
import { decodePage, encodeForOcr } from '../images/prepare-for-ocr.ts';
import type { GreyImage } from '../images/warp-region.ts';
import type { OcrEngine, OcrOutcome } from '../ocr/ocr-engine.ts';
import type { DocumentLimits } from './document-limits.ts';
import { boxesOnPhoto, flattenPage } from './flatten-page.ts';
import { readFormZones } from './read-form-zones.ts';

const SPARSE_TEXT = '11' as Tesseract.PSM;

export interface OcrPageResult {
  page?: PageText;
  problems: Problem[];
  /** How the page was read: zones of our form, or the whole page. */
  mode?: 'zones' | 'full_page';
}

export interface OcrPageInput {
  /** Document name, used as the problem's field. */
  name: string;
  image: Buffer;
  pageNumber: number;
  /** Frame of a multi-page TIFF, 0-based. */
  frame?: number;
}

export interface OcrPageOptions {
  /** Try zone OCR of our form first (default true). */
  zones?: boolean;
}

export async function ocrPage(ocr: OcrEngine, limits: DocumentLimits, input: OcrPageInput, options: OcrPageOptions = {}): Promise<OcrPageResult> {
  const { name, pageNumber } = input;
  let grey: GreyImage;
  try {
    grey = await decodePage(input.image, { maxPixels: limits.maxPixels, page: input.frame });
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error);
    const code = /pixel limit/i.test(message) ? 'too_large' : 'unreadable_file';
    return { problems: [problem(name, code, `page ${pageNumber}: image could not be decoded (${message})`)] };
  }
  const deadline = Date.now() + limits.ocrSeconds * 1000;
  // The page's time limit covers every attempt.
  const remaining = () => Math.max(1, deadline - Date.now());
  if (options.zones !== false) {
    const zones = await readFormZones(ocr, grey, pageNumber, remaining());
    if (zones.status === 'read') return { page: zones.page, problems: [], mode: 'zones' };
    if (zones.status === 'ocr_problem') return { problems: [ocrProblem(name, pageNumber, zones.outcome)] };
  }
  // A photographed sheet is flattened first: our form's table may be found on the flat page (a second zone
  // pass), and full-page OCR drops fewer lines without the perspective.
  const flat = await flattenPage(input.image, grey, input.frame).catch(() => undefined);
  if (flat && options.zones !== false) {
    const zones = await readFormZones(ocr, flat.image, pageNumber, remaining());
    if (zones.status === 'read') return { page: boxesOnPhoto(zones.page, flat, grey), problems: [], mode: 'zones' };
    if (zones.status === 'ocr_problem') return { problems: [ocrProblem(name, pageNumber, zones.outcome)] };
  }
  const prepared = await encodeForOcr(flat?.image ?? grey);
  // Sparse-text segmentation: every cell of a form or a table is read as its own block, where "one column of
  // lines" joins two tables printed side by side into lines that mix both. The layout reader puts the words
  // back into rows and cells by their boxes.
  const outcome = await ocr.recognize({ ...prepared, page: pageNumber, psm: SPARSE_TEXT, timeoutMs: remaining() });
  if (outcome.status === 'done') return { page: flat ? boxesOnPhoto(outcome.page, flat, grey) : outcome.page, problems: [], mode: 'full_page' };
  return { problems: [ocrProblem(name, pageNumber, outcome)] };
}

function ocrProblem(name: string, pageNumber: number, outcome: Exclude<OcrOutcome, { status: 'done' }>): Problem {
  return outcome.status === 'timeout'
    ? problem(name, 'ocr_timeout', `page ${pageNumber}: OCR did not finish within ${outcome.seconds} s`)
    : problem(name, 'ocr_failed', `page ${pageNumber}: ${outcome.message}`);
}
