// The Tesseract program installed on the machine (`apt-get install tesseract-ocr`), used for the large jobs with
// OCR_ENGINE=auto when it is there: the same engine and the same shipped models as tesseract.js, without
// WebAssembly's cost (the WASM build takes ~1.4× the CPU of the native one for the same page). Jobs go to running
// processes that keep their models loaded (tesseract-process.ts) and write TSV (every word with its box and
// confidence), under named limits: a time limit (the process is killed), an address-space limit (`ulimit -v`) and a
// cap on the output a job may write.
// Starting a process loads the models (~0.2 s of CPU), so small jobs stay with the warm WASM workers (lazy-ocr.ts).
// A page's strips are known to be coming while the page is still being prepared: `prepare` makes sure that many
// processes of their kind are running by then. A process no job took for a while is ended.
import { execFile } from 'node:child_process';
import type { OcrEngine, OcrJob, OcrOutcome } from './ocr-engine.ts';
import { OCR_LANGUAGES } from './check-ocr-data.ts';
import { createJobFiles, type JobFiles } from './job-files.ts';
import { TesseractProcess } from './tesseract-process.ts';
import { modelWordLists } from './word-list.ts';

export interface NativeTesseractOptions {
  /** The program, found by `findNativeTesseract`. */
  binary: string;
  /** The shipped models' folder: the native engine reads the same files as tesseract.js. */
  langPath: string;
  /** Jobs run at once; more wait. One per core, like the WASM pool. */
  concurrency: number;
  /** Time limit of a job without its own. */
  jobTimeoutMs: number;
  /** Address space one process may map, in megabytes. */
  memoryMb?: number;
}

/** One 300 dpi A4 page needs ~250 MB; a strip less. */
const DEFAULT_MEMORY_MB = 1024;
/** `tesseract --version` answers in milliseconds; a program that does not is not one to use. */
const PROBE_TIMEOUT_MS = 5_000;
/** The models are LSTM models (`--oem 1`); version 4 read them with other results, so 5 or later. */
const MIN_MAJOR_VERSION = 5;
/** A process no job took within this long is ended: one waiting holds ~40 MB. */
const IDLE_MS = 15_000;
/** A process is ended after this many jobs, so that whatever its heap keeps from them is given back. */
const JOBS_PER_PROCESS = 200;

/** What a job's process is started with: the models and the segmentation mode. */
type OcrJobKind = Pick<OcrJob, 'psm' | 'languages'>;

interface Idle {
  process: TesseractProcess;
  timer: NodeJS.Timeout;
}

/** The installed Tesseract when it is version 5 or later, else undefined (then tesseract.js does all the work). */
export function findNativeTesseract(binary = 'tesseract'): Promise<{ binary: string; version: string } | undefined> {
  return new Promise((resolve) => {
    execFile(binary, ['--version'], { timeout: PROBE_TIMEOUT_MS }, (error, stdout, stderr) => {
      const version = /tesseract\s+v?(\d+)\.(\d+)\.(\d+)/i.exec(`${stdout}\n${stderr}`);
      resolve(!error && version && Number(version[1]) >= MIN_MAJOR_VERSION ? { binary, version: version.slice(1, 4).join('.') } : undefined);
    });
  });
}

export class NativeTesseract implements OcrEngine {
  readonly wordList: OcrEngine['wordList'];
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Running processes waiting for a job, by their arguments. */
  private readonly idle = new Map<string, Idle[]>();
  /** Processes being started for `prepare`, by their arguments. */
  private readonly starting = new Map<string, number>();
  private readonly busy = new Set<TesseractProcess>();
  private files: Promise<JobFiles> | undefined;
  private closed = false;

  constructor(private readonly options: NativeTesseractOptions) {
    this.wordList = modelWordLists(options.langPath);
  }

  async recognize(job: OcrJob): Promise<OcrOutcome> {
    await this.slot();
    try {
      return await this.run(job);
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  /** Makes sure `count` processes of this kind are running and free, starting those that are missing. */
  prepare(kind: OcrJobKind, count: number): void {
    const args = this.args(kind);
    const key = args.join(' ');
    for (let n = (this.idle.get(key)?.length ?? 0) + (this.starting.get(key) ?? 0); n < count; n++) {
      this.starting.set(key, (this.starting.get(key) ?? 0) + 1);
      const started = (process?: TesseractProcess) => {
        this.starting.set(key, this.starting.get(key)! - 1);
        if (process) this.release(key, process);
      };
      // A failed start (no temporary folder to write to) is the job's to report, when one comes.
      void this.start(args).then(started, () => started());
    }
  }

  /** Ends every process and removes the job files. */
  close(): void {
    this.closed = true;
    for (const list of this.idle.values()) for (const { process } of list) process.end();
    for (const process of this.busy) process.end();
    // A folder that could not be made has nothing to remove; its failure was the jobs' to report.
    void this.files?.then((files) => files.close(), () => {});
  }

  private async run(job: OcrJob): Promise<OcrOutcome> {
    const args = this.args(job);
    const key = args.join(' ');
    const process = this.take(key) ?? (await this.start(args));
    if (!process) return { status: 'failed', message: 'OCR program could not be started: the engine is closed' };
    this.busy.add(process);
    try {
      return await process.read(job, job.timeoutMs ?? this.options.jobTimeoutMs);
    } finally {
      this.busy.delete(process);
      this.release(key, process);
    }
  }

  /** A free running process for these arguments, taken off the list, or undefined. */
  private take(key: string): TesseractProcess | undefined {
    const list = this.idle.get(key) ?? [];
    const entry = list.shift();
    if (entry) clearTimeout(entry.timer);
    return entry?.process;
  }

  /** Back on the free list, to be ended when idle too long; ended instead when worn or one too many. */
  private release(key: string, process: TesseractProcess): void {
    if (!process.alive) return;
    const list = this.idle.get(key) ?? [];
    this.idle.set(key, list);
    if (this.closed || process.jobsRead >= JOBS_PER_PROCESS || list.length >= this.options.concurrency) {
      process.end();
      return;
    }
    // Waiting for a job keeps no one alive: a CLI run exits, and the process then reads an empty stdin and ends.
    const entry: Idle = { process, timer: setTimeout(() => process.end(), IDLE_MS).unref() };
    list.push(entry);
  }

  /** A process that has ended leaves the free list. */
  private forget(key: string, process: TesseractProcess): void {
    const list = this.idle.get(key) ?? [];
    const at = list.findIndex((entry) => entry.process === process);
    if (at < 0) return;
    clearTimeout(list[at]!.timer);
    list.splice(at, 1);
  }

  private args(kind: OcrJobKind): string[] {
    const languages = (kind.languages ?? OCR_LANGUAGES).join('+');
    return ['--tessdata-dir', this.options.langPath, '-l', languages, '--oem', '1', '--psm', String(kind.psm ?? '4'), '--dpi', '300', '-c', 'tessedit_create_tsv=1'];
  }

  private async start(args: string[]): Promise<TesseractProcess | undefined> {
    if (this.closed) return undefined;
    const files = await (this.files ??= createJobFiles());
    if (this.closed) return undefined;
    const process = new TesseractProcess({ binary: this.options.binary, args, memoryKb: (this.options.memoryMb ?? DEFAULT_MEMORY_MB) * 1024, files });
    process.whenEnded(() => this.forget(args.join(' '), process));
    return process;
  }

  private slot(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.running += 1;
        resolve();
      }),
    );
  }
}
