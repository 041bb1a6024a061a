// The Tesseract program installed on the machine (`apt-get install tesseract-ocr`), used for the large jobs with
// OCR_ENGINE=auto when it is there: the same engine and the same shipped models as tesseract.js, without
// WebAssembly's cost (the WASM build takes ~1.4× the CPU of the native one for the same page). Each job is one
// child process that reads the image from stdin and writes TSV (every word with its box and confidence) to stdout,
// under named limits: a time limit (the process is killed), an address-space limit (`ulimit -v`) and a cap on the
// output it may write.
// Starting a process loads the models (~0.1 s), so small jobs stay with the warm WASM workers (lazy-ocr.ts). A
// page's strips are known to be coming while the page is still being prepared: `prepare` starts their processes
// then, and each loads its models before it waits for its image on stdin.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import type { OcrEngine, OcrJob, OcrOutcome } from './ocr-engine.ts';
import { OCR_LANGUAGES } from './check-ocr-data.ts';
import { tsvToPageText } from './tsv-to-page-text.ts';
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

/** A full page of TSV is ~100 KB; more than this is no page of ours. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
/** One 300 dpi A4 page needs ~250 MB; a strip less. */
const DEFAULT_MEMORY_MB = 1024;
/** `tesseract --version` answers in milliseconds; a program that does not is not one to use. */
const PROBE_TIMEOUT_MS = 5_000;
/** The models are LSTM models (`--oem 1`); version 4 read them with other results, so 5 or later. */
const MIN_MAJOR_VERSION = 5;
/** A prepared process no job took within this long is ended: one waiting holds ~40 MB. */
const PREPARED_IDLE_MS = 15_000;

/** What a job's process is started with: the models and the segmentation mode. */
type OcrJobKind = Pick<OcrJob, 'psm' | 'languages'>;

interface Prepared {
  child: ChildProcessWithoutNullStreams;
  idle: NodeJS.Timeout;
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
  /** Processes started ahead of their jobs, by their arguments. */
  private readonly prepared = new Map<string, Prepared[]>();

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

  /** Starts processes for `count` jobs of this kind ahead of them, as far as none are waiting already. */
  prepare(kind: OcrJobKind, count: number): void {
    const args = this.args(kind);
    const key = args.join(' ');
    const list = this.prepared.get(key) ?? [];
    this.prepared.set(key, list);
    while (list.length < count) {
      const child = this.start(args);
      const entry: Prepared = { child, idle: setTimeout(() => child.kill('SIGKILL'), PREPARED_IDLE_MS) };
      // A process that ends unused (killed when idle, or failed to start) leaves the list.
      child.on('close', () => this.unprepare(key, entry));
      child.on('error', () => this.unprepare(key, entry));
      // Waiting for a job keeps no one alive: a CLI run exits, and the process then reads an empty stdin and ends.
      keepsAlive(child, false);
      list.push(entry);
    }
  }

  /** Ends the processes still waiting for a job. */
  close(): void {
    for (const list of this.prepared.values()) for (const { child } of list) child.kill('SIGKILL');
  }

  /** A prepared process for these arguments, taken off the list, or undefined. */
  private take(key: string): ChildProcessWithoutNullStreams | undefined {
    const entry = this.prepared.get(key)?.shift();
    if (!entry) return undefined;
    clearTimeout(entry.idle);
    keepsAlive(entry.child, true);
    return entry.child;
  }

  private unprepare(key: string, entry: Prepared): void {
    clearTimeout(entry.idle);
    const list = this.prepared.get(key);
    const at = list?.indexOf(entry) ?? -1;
    if (at >= 0) list!.splice(at, 1);
  }

  private args(kind: OcrJobKind): string[] {
    const languages = (kind.languages ?? OCR_LANGUAGES).join('+');
    return ['stdin', 'stdout', '--tessdata-dir', this.options.langPath, '-l', languages, '--oem', '1', '--psm', String(kind.psm ?? '4'), '--dpi', '300', '-c', 'tessedit_create_tsv=1'];
  }

  private start(args: string[]): ChildProcessWithoutNullStreams {
    const memoryKb = (this.options.memoryMb ?? DEFAULT_MEMORY_MB) * 1024;
    // One thread: the pool already runs a job per core, and Tesseract's own threads are slower on two cores.
    return spawn('/bin/sh', ['-c', `ulimit -v ${memoryKb} && exec "$0" "$@"`, this.options.binary, ...args], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
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

  private run(job: OcrJob): Promise<OcrOutcome> {
    const timeoutMs = job.timeoutMs ?? this.options.jobTimeoutMs;
    const args = this.args(job);
    return new Promise((resolve) => {
      const child = this.take(args.join(' ')) ?? this.start(args);
      const out: Buffer[] = [];
      let outBytes = 0;
      let errText = '';
      let settled = false;
      const settle = (outcome: OcrOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        settle({ status: 'timeout', seconds: timeoutMs / 1000 });
      }, timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        outBytes += chunk.length;
        if (outBytes > MAX_OUTPUT_BYTES) {
          child.kill('SIGKILL');
          settle({ status: 'failed', message: `OCR output over ${MAX_OUTPUT_BYTES} bytes` });
        } else out.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (errText.length < 2000) errText += chunk.toString('utf8');
      });
      child.on('error', (error) => settle({ status: 'failed', message: `OCR program failed to start: ${error.message}` }));
      child.on('close', (code, signal) => {
        if (code !== 0) {
          settle({ status: 'failed', message: `OCR program ended with ${signal ?? `code ${code}`}: ${errText.trim().split('\n').pop() ?? ''}` });
          return;
        }
        settle({ status: 'done', page: tsvToPageText(Buffer.concat(out).toString('utf8'), job.page, job.width, job.height, job.words) });
      });
      // A process killed before it read its input closes stdin under us; that is the timeout's or the cap's story.
      child.stdin.on('error', () => {});
      child.stdin.end(job.image);
    });
  }
}

/** Whether a child process and its pipes (sockets, in Node) keep this process running. */
function keepsAlive(child: ChildProcessWithoutNullStreams, alive: boolean): void {
  for (const handle of [child, ...[child.stdin, child.stdout, child.stderr].map((pipe) => pipe as unknown as Socket)]) {
    if (alive) handle.ref();
    else handle.unref();
  }
}
