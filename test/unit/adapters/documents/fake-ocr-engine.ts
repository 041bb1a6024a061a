// A stand-in for OcrPool that answers instantly and remembers what it was asked.
import type { OcrEngine, OcrJob, OcrOutcome } from '../../../../src/adapters/ocr/ocr-engine.ts';

export class FakeOcrEngine implements OcrEngine {
  readonly jobs: OcrJob[] = [];

  constructor(private readonly answer: (job: OcrJob) => OcrOutcome = (job) => ({
    status: 'done',
    page: { page: job.page, width: job.width, height: job.height, lines: [{ text: 'распознано', confidence: 0.9 }] },
  })) {}

  async recognize(job: OcrJob): Promise<OcrOutcome> {
    this.jobs.push(job);
    return this.answer(job);
  }

  /** No word lists: the second reading by script is skipped. */
  async wordList(): Promise<undefined> {
    return undefined;
  }
}

/**
 * An engine that answers a job of stacked word cuts (documents/stack-word-cuts.ts) with the given readings, top
 * to bottom, each placed where the k-th cut of a 24-pixel-high word lies: the word's 24 px plus 8 px of paper
 * above and below, 24 px of paper between cuts. `readings` may depend on the job (its models).
 */
export function stackedReadings(readings: (job: OcrJob) => Array<[text: string, confidence: number]>): FakeOcrEngine {
  return new FakeOcrEngine((job) => ({
    status: 'done',
    page: {
      page: job.page,
      width: job.width,
      height: job.height,
      lines: [],
      words: readings(job).map(([text, confidence], k) => ({ text, confidence, x0: 30, y0: 24 + k * 64 + 8, x1: 130, y1: 24 + k * 64 + 32 })),
    },
  }));
}

