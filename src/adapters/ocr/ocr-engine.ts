// What the document reader needs from OCR: one page image in, its lines out, failures as values.
// OcrPool is the real one; unit tests pass a small fake.
import type Tesseract from 'tesseract.js';
import type { PageText } from '../../domain/document.ts';
import type { WordList } from './word-list.ts';

export interface OcrJob {
  /** An encoded image (PNG, JPEG…), ideally already prepared (greyscale, ~300 dpi, even lighting). */
  image: Buffer;
  /** Size of that image, so boxes can be drawn over it. */
  width: number;
  height: number;
  /** 1-based page number recorded in the boxes. */
  page: number;
  /** Tesseract page segmentation mode; default 4 (one column of lines, see OcrPool). */
  psm?: Tesseract.PSM;
  /** Return one TextLine per word instead of per line (zone OCR splits a table row into its cells by x). */
  words?: boolean;
  /**
   * Models to read with, when not the engine's own (Russian and English). English alone reads digits in
   * some fonts better: the pair takes a monospaced 3 for a 5 (see documents/reread-digit-words.ts).
   */
  languages?: readonly string[];
  timeoutMs?: number;
}

export type OcrOutcome =
  | { status: 'done'; page: PageText }
  | { status: 'timeout'; seconds: number }
  | { status: 'failed'; message: string };

export interface OcrEngine {
  /** Never rejects: a timeout or engine failure comes back as an outcome. */
  recognize(job: OcrJob): Promise<OcrOutcome>;
  /** The word list a model was trained with, when the engine ships one (undefined otherwise). */
  wordList(language: string): Promise<WordList | undefined>;
  /**
   * Says `count` large jobs of this kind are coming, so an engine that starts a process per job can start them
   * (and load their models) while the images are still being made. Engines without a start-up cost ignore it.
   */
  prepare?(kind: Pick<OcrJob, 'psm' | 'languages'>, count: number): void;
}
