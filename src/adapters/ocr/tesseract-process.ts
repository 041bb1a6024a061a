// One running Tesseract program that reads job after job with its models loaded once. Loading the Russian and
// English models costs ~0.2 s of CPU a process, as much as a fifth of a strip's reading; a page's two strips paid it
// twice, on the cores its decoding needed. Tesseract's `stream_filelist` mode reads image file names from stdin
// one line at a time and writes each page's TSV (flushed) as soon as that page is read. Each job is its image
// file followed by a blank sentinel image: the sentinel's page row on stdout marks the job's output as complete.
// A job's result is the same as a fresh process gives for the image (checked on 12 devset strips, byte for byte):
// Tesseract's LSTM reading keeps no state from one page to the next.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import type { OcrJob, OcrOutcome } from './ocr-engine.ts';
import type { JobFiles } from './job-files.ts';
import { tsvToPageText } from './tsv-to-page-text.ts';

/** A full page of TSV is ~100 KB; more than this is no page of ours. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
/** Enough of stderr to say why a process ended. */
const MAX_ERROR_CHARS = 2000;

export interface TesseractProcessOptions {
  binary: string;
  /** Arguments after the input and output names: models, segmentation mode, resolution, TSV. */
  args: string[];
  /** Address space the process may map (`ulimit -v`), in kilobytes. */
  memoryKb: number;
  files: JobFiles;
}

interface Pending {
  job: OcrJob;
  /** The page numbers (1-based, as in the TSV) of the job's image and of its sentinel. */
  page: number;
  settle: (outcome: OcrOutcome) => void;
}

export class TesseractProcess {
  /** Jobs this process has read, to end it after enough of them. */
  jobsRead = 0;
  private readonly child: ChildProcessWithoutNullStreams;
  private ended = false;
  private pending: Pending | undefined;
  private out = Buffer.alloc(0);
  private errText = '';
  /** Files named on stdin so far: each job's image and its sentinel. */
  private pagesSent = 0;
  private readonly onEnd: Array<() => void> = [];

  constructor(private readonly options: TesseractProcessOptions) {
    // One thread: the engine already runs a job per core, and Tesseract's own threads are slower on two cores.
    this.child = spawn(
      '/bin/sh',
      ['-c', `ulimit -v ${options.memoryKb} && exec "$0" "$@"`, options.binary, 'stdin', 'stdout', ...options.args, '-c', 'stream_filelist=1'],
      { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child.stdout.on('data', (chunk: Buffer) => this.received(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      if (this.errText.length < MAX_ERROR_CHARS) this.errText += chunk.toString('utf8');
    });
    this.child.on('error', (error) => this.finish(`OCR program failed to start: ${error.message}`));
    this.child.on('close', (code, signal) => this.finish(`OCR program ended with ${signal ?? `code ${code}`}: ${this.errText.trim().split('\n').pop() ?? ''}`));
    // A process ended while a job was being written to it closes stdin under us; `close` tells that story.
    this.child.stdin.on('error', () => {});
    this.keepAlive(false);
  }

  get alive(): boolean {
    return !this.ended;
  }

  /** Called once when the process has ended, for whatever reason. */
  whenEnded(callback: () => void): void {
    if (this.ended) callback();
    else this.onEnd.push(callback);
  }

  /** Reads one job; never rejects. One job at a time: the caller waits for the outcome before the next. */
  async read(job: OcrJob, timeoutMs: number): Promise<OcrOutcome> {
    if (this.ended || this.pending) return { status: 'failed', message: 'OCR program is not ready for a job' };
    this.keepAlive(true);
    const image = await this.options.files.write(job.image).catch((error: Error) => error);
    if (image instanceof Error) {
      this.keepAlive(false);
      return { status: 'failed', message: `OCR image could not be written: ${image.message}` };
    }
    try {
      return await new Promise<OcrOutcome>((resolve) => {
        const timer = setTimeout(() => {
          this.end();
          settle({ status: 'timeout', seconds: timeoutMs / 1000 });
        }, timeoutMs);
        const settle = (outcome: OcrOutcome) => {
          if (this.pending?.settle !== settle) return;
          this.pending = undefined;
          clearTimeout(timer);
          resolve(outcome);
        };
        this.errText = '';
        this.pending = { job, page: this.pagesSent + 1, settle };
        this.pagesSent += 2;
        if (this.ended) settle({ status: 'failed', message: 'OCR program ended before its job' });
        else this.child.stdin.write(`${image}\n${this.options.files.sentinel}\n`);
      });
    } finally {
      this.jobsRead += 1;
      this.keepAlive(false);
      void this.options.files.remove(image);
    }
  }

  end(): void {
    if (!this.ended) this.child.kill('SIGKILL');
  }

  private received(chunk: Buffer): void {
    const pending = this.pending;
    if (!pending) return;
    this.out = Buffer.concat([this.out, chunk]);
    if (this.out.length > MAX_OUTPUT_BYTES) {
      this.end();
      this.out = Buffer.alloc(0);
      pending.settle({ status: 'failed', message: `OCR output over ${MAX_OUTPUT_BYTES} bytes` });
      return;
    }
    // Each page's output starts with its page row, `1<TAB>page<TAB>…`: the job's rows run from its own page row to
    // the sentinel's. What came before the job's row is the previous sentinel's.
    const start = pageRow(this.out, pending.page);
    const end = start < 0 ? -1 : pageRow(this.out, pending.page + 1, start);
    if (end < 0) return;
    const tsv = this.out.subarray(start, end).toString('utf8');
    this.out = Buffer.alloc(0);
    const { job } = pending;
    pending.settle({ status: 'done', page: tsvToPageText(tsv, job.page, job.width, job.height, job.words) });
  }

  private finish(message: string): void {
    if (this.ended) return;
    this.ended = true;
    this.pending?.settle({ status: 'failed', message });
    for (const callback of this.onEnd.splice(0)) callback();
  }

  /** Whether the process and its pipes (sockets, in Node) keep this one running: only while a job is out. */
  private keepAlive(alive: boolean): void {
    for (const handle of [this.child, ...[this.child.stdin, this.child.stdout, this.child.stderr].map((pipe) => pipe as unknown as Socket)]) {
      if (alive) handle.ref();
      else handle.unref();
    }
  }
}

/** Where the row of page `page` starts in Tesseract's TSV output (at the start of a line), or -1. */
function pageRow(out: Buffer, page: number, from = 0): number {
  const row = `1\t${page}\t`;
  if (from === 0 && out.subarray(0, row.length).toString('latin1') === row) return 0;
  const at = out.indexOf(`\n${row}`, Math.max(0, from - 1));
  return at < 0 ? -1 : at + 1;
}
