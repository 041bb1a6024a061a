// A fixed number of Tesseract workers shared by every document, created once by the composition root.
// Each job gets a time limit; a job that overruns is abandoned as a value ('timeout'), and its worker —
// which may be stuck in WASM forever — is terminated and replaced, so one hostile image cannot hold a worker.
// A job whose engine thread dies under it is retried once on the fresh worker (a crash can be the engine's
// fault, not the image's); a second crash fails it. Workers are also recycled after a number of jobs: the
// WASM heap grows to the largest image it has seen and never shrinks, so this bounds memory.
import { availableParallelism } from 'node:os';
import type Tesseract from 'tesseract.js';
import { OCR_TIMEOUT_SECONDS } from '../../domain/limits.ts';
import { checkOcrData, OCR_LANGUAGES } from './check-ocr-data.ts';
import type { OcrEngine, OcrJob, OcrOutcome } from './ocr-engine.ts';
import { modelWordLists } from './word-list.ts';
import { startTesseractWorker, stopTesseractWorker } from './start-tesseract-worker.ts';
import { toPageText } from './to-page-text.ts';

export interface OcrPoolOptions {
  /** Folder with `<lang>.traineddata` (uncompressed LSTM models), e.g. the repo's `ocr-data`. */
  langPath: string;
  /** Number of workers; each uses one core and ~200 MB. Default: number of cores. */
  size?: number;
  languages?: readonly string[];
  /** How long one worker may take to load its models before start-up fails. */
  startTimeoutMs?: number;
  /** Default time limit for one job (one page). */
  jobTimeoutMs?: number;
  /** Jobs one worker runs before it is replaced by a fresh one (bounds WASM heap growth). */
  recycleAfterJobs?: number;
}

interface Slot {
  worker: Tesseract.Worker | null;
  busy: boolean;
  jobs: number;
  /** Page segmentation mode last set on this worker, so a run of zone jobs does not set it each time. */
  psm?: string;
}

interface Queued {
  job: OcrJob;
  settle: (outcome: OcrOutcome) => void;
  retried?: boolean;
}

const DEFAULT_START_TIMEOUT_MS = 30_000;
/** Zone jobs are small; a page is ~40 of them, so this renews a worker every few dozen pages. */
const DEFAULT_RECYCLE_AFTER_JOBS = 2_000;

/**
 * "Single column of text of variable sizes". On the application form the automatic mode (3) splits labels
 * and values into separate columns and sometimes drops a table; mode 4 keeps "Номер заказа: 4821-5567" on
 * one line and was ~30% faster on a 300 dpi A4 form here (1.27 s vs 1.77 s, one worker).
 */
const DEFAULT_PSM = '4' as Tesseract.PSM;

export class OcrPool implements OcrEngine {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private closed = false;
  readonly wordList: OcrEngine['wordList'];

  private constructor(private readonly options: Required<OcrPoolOptions>) {
    this.wordList = modelWordLists(options.langPath);
  }

  /** Checks the language data, then starts every worker; fails fast with AppError('ocr_unavailable'). */
  static async start(options: OcrPoolOptions): Promise<OcrPool> {
    const full: Required<OcrPoolOptions> = {
      size: Math.max(1, options.size ?? availableParallelism()),
      languages: OCR_LANGUAGES,
      startTimeoutMs: DEFAULT_START_TIMEOUT_MS,
      jobTimeoutMs: OCR_TIMEOUT_SECONDS * 1000,
      recycleAfterJobs: DEFAULT_RECYCLE_AFTER_JOBS,
      ...options,
    };
    await checkOcrData(full.langPath, full.languages);
    const pool = new OcrPool(full);
    const started = await Promise.allSettled(Array.from({ length: full.size }, () => pool.startWorker()));
    for (const result of started) {
      if (result.status === 'fulfilled') pool.slots.push({ worker: result.value, busy: false, jobs: 0 });
    }
    const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) {
      await pool.close();
      throw failure.reason;
    }
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Never rejects: a timeout or engine failure comes back as an outcome. */
  recognize(job: OcrJob): Promise<OcrOutcome> {
    if (this.closed) return Promise.resolve({ status: 'failed', message: 'OCR pool is closed' });
    return new Promise((settle) => {
      this.queue.push({ job, settle });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) waiting.settle({ status: 'failed', message: 'OCR pool closed' });
    const workers = this.slots.map((slot) => slot.worker).filter((w): w is Tesseract.Worker => w !== null);
    this.slots.length = 0;
    await Promise.all(workers.map(stopTesseractWorker));
  }

  private startWorker(): Promise<Tesseract.Worker> {
    const { langPath, languages, startTimeoutMs } = this.options;
    return startTesseractWorker({ langPath, languages, startTimeoutMs });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy || slot.worker === null) continue;
      const next = this.queue.shift();
      if (next) void this.run(slot, slot.worker, next);
    }
    if (this.queue.length > 0 && this.slots.length === 0) {
      for (const waiting of this.queue.splice(0)) waiting.settle({ status: 'failed', message: 'no OCR worker available' });
    }
  }

  private async run(slot: Slot, worker: Tesseract.Worker, queued: Queued): Promise<void> {
    const { job, settle } = queued;
    slot.busy = true;
    slot.jobs++;
    const timeoutMs = job.timeoutMs ?? this.options.jobTimeoutMs;
    let finished = false;
    const finish = (outcome: OcrOutcome, workerHealthy: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      thread?.off('exit', onExit);
      settle(outcome);
      if (workerHealthy && slot.jobs < this.options.recycleAfterJobs) {
        slot.busy = false;
        this.dispatch();
      } else {
        this.replace(slot, worker);
      }
    };
    const timer = setTimeout(() => finish({ status: 'timeout', seconds: timeoutMs / 1000 }, false), timeoutMs);
    // The engine thread can die (WASM abort, out of memory) without rejecting the job.
    const thread = (worker as unknown as { worker?: NodeJS.EventEmitter }).worker;
    const onExit = () => {
      if (finished) return;
      if (!queued.retried && !this.closed) {
        // Retry on the replacement worker, ahead of the queue; the job's own clock starts again.
        finished = true;
        clearTimeout(timer);
        this.queue.unshift({ ...queued, retried: true });
        this.replace(slot, worker);
        return;
      }
      finish({ status: 'failed', message: 'OCR engine exited during the job (twice)' }, false);
    };
    thread?.once('exit', onExit);
    try {
      const psm = job.psm ?? DEFAULT_PSM;
      if (slot.psm !== psm) {
        await worker.setParameters({ tessedit_pageseg_mode: psm, user_defined_dpi: '300' });
        slot.psm = psm;
      }
      const result = await worker.recognize(job.image, {}, { text: false, blocks: true });
      finish({ status: 'done', page: toPageText(result.data, job.page, job.width, job.height, job.words) }, true);
    } catch (error) {
      finish({ status: 'failed', message: `OCR failed: ${String(error)}` }, true);
    }
  }

  /** Terminates a stuck or dead worker and starts a fresh one in its slot; drops the slot if that fails. */
  private replace(slot: Slot, worker: Tesseract.Worker): void {
    slot.worker = null;
    void stopTesseractWorker(worker);
    if (this.closed) return;
    this.startWorker().then(
      (fresh) => {
        if (this.closed) {
          void stopTesseractWorker(fresh);
          return;
        }
        slot.worker = fresh;
        slot.busy = false;
        slot.jobs = 0;
        delete slot.psm;
        this.dispatch();
      },
      () => {
        this.slots.splice(this.slots.indexOf(slot), 1);
        this.dispatch();
      },
    );
  }
}
