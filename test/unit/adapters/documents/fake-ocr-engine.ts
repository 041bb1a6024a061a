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
