// OCR of one page image: prepare it (orientation, scale, lighting, rules), run it through the pool within
// the time limit, and turn every failure into a problem value.
import type { PageText } from '../../domain/document.ts';
import { problem, type Problem } from '../../domain/problem.ts';
import { prepareForOcr, type PreparedImage } from '../images/prepare-for-ocr.ts';
import type { OcrEngine } from '../ocr/ocr-engine.ts';
import type { DocumentLimits } from './document-limits.ts';

export interface OcrPageResult {
  page?: PageText;
  problems: Problem[];
}

export interface OcrPageInput {
  /** Document name, used as the problem's field. */
  name: string;
  image: Buffer;
  pageNumber: number;
  /** Frame of a multi-page TIFF, 0-based. */
  frame?: number;
}

export async function ocrPage(ocr: OcrEngine, limits: DocumentLimits, input: OcrPageInput): Promise<OcrPageResult> {
  const { name, pageNumber } = input;
  let prepared: PreparedImage;
  try {
    prepared = await prepareForOcr(input.image, { maxPixels: limits.maxPixels, page: input.frame });
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error);
    const code = /pixel limit/i.test(message) ? 'too_large' : 'unreadable_file';
    return { problems: [problem(name, code, `page ${pageNumber}: image could not be decoded (${message})`)] };
  }
  const outcome = await ocr.recognize({ ...prepared, page: pageNumber, timeoutMs: limits.ocrSeconds * 1000 });
  switch (outcome.status) {
    case 'done':
      return { page: outcome.page, problems: [] };
    case 'timeout':
      return {
        problems: [problem(name, 'ocr_timeout', `page ${pageNumber}: OCR did not finish within ${outcome.seconds} s`)],
      };
    case 'failed':
      return { problems: [problem(name, 'ocr_failed', `page ${pageNumber}: ${outcome.message}`)] };
  }
}
