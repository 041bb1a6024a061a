// The DocumentReader the worker uses: every document is read in a separate, bounded child process
// (document-reader-child.ts), one at a time. A heap cap, an RSS watchdog and a wall-clock limit stop a hostile
// file; the child is then killed, the document comes back with `too_complex` (memory) or `ocr_timeout` (time)
// and the next document gets a fresh child. The worker's own memory and event loop (the UI, /health) never
// carry a document's parsing, decoding or OCR.
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExtractedDocument } from '../../domain/document.ts';
import { DOCUMENT_READ_SECONDS, DOCUMENT_READER_HEAP_MB, DOCUMENT_READER_RSS_MB } from '../../domain/limits.ts';
import type { DocumentReader } from '../../domain/ports/document-reader.ts';
import { problem, type ProblemCode } from '../../domain/problem.ts';
import { detectKind } from './detect-kind.ts';
import { limitConcurrency } from './limit-concurrency.ts';
import { ReaderReplySchema, type ReaderChildInit } from './reader-child-protocol.ts';
import { isReaderNoise } from './reader-noise.ts';
import { forkBoundedChild, watchChildStart } from '../system/fork-bounded-child.ts';

export interface IsolatedReaderOptions {
  /** What the child needs to build its reader (OCR data, pool size). */
  init: ReaderChildInit;
  heapMb?: number;
  rssMb?: number;
  timeoutSeconds?: number;
  /** The child's script; tests pass a misbehaving one. */
  entry?: string;
  /** How long a fresh child may take to load before the read fails as a fault (retried later). */
  startTimeoutMs?: number;
  /** Lines the child printed that are not known library noise (see reader-noise.ts). */
  onOutput?: (line: string) => void;
  /** Each OCR page's outcome and time, for the metrics. */
  onOcrPage?: (status: string, seconds: number) => void;
  /** A child was killed or died while reading. */
  onBreach?: (breach: Breach) => void;
}

export type BreachKind = 'memory' | 'timeout' | 'crash';
export interface Breach {
  kind: BreachKind;
  /** What was seen: RSS in MB, the limit in seconds, or the exit code / signal. */
  detail: string;
}

export interface IsolatedDocumentReader extends DocumentReader {
  /** Starts the reading process now rather than on the first document (a failure shows on that document). */
  warmUp(): void;
  /** The reading process's pid while one runs (for tests and diagnostics). */
  pid(): number | undefined;
  close(): Promise<void>;
}

const DEFAULT_ENTRY = path.join(import.meta.dirname, 'document-reader-child.ts');
const DEFAULT_START_TIMEOUT_MS = 60_000;
/** How often the child's RSS is sampled while it reads; a bomb grows by at most a few hundred MB in this time. */
const RSS_SAMPLE_MS = 200;

interface Child {
  proc: ChildProcess;
  ready: Promise<void>;
  /** V8 reported heap exhaustion on stderr. */
  outOfMemory: boolean;
  current?: { id: number; finish: (doc: ExtractedDocument) => void; breach: (breach: Breach) => void };
}

export function createIsolatedDocumentReader(options: IsolatedReaderOptions): IsolatedDocumentReader {
  const heapMb = options.heapMb ?? DOCUMENT_READER_HEAP_MB;
  const rssMb = options.rssMb ?? DOCUMENT_READER_RSS_MB;
  const timeoutMs = (options.timeoutSeconds ?? DOCUMENT_READ_SECONDS) * 1000;
  const one = limitConcurrency(1);
  let child: Child | undefined;
  let nextId = 0;
  let closed = false;

  function start(): Child {
    // stdout too goes through the filter: a library printing to it would otherwise corrupt `--json` output.
    const proc = forkBoundedChild(options.entry ?? DEFAULT_ENTRY, [JSON.stringify(options.init)], heapMb, {
      onOutOfMemory: () => (state.outOfMemory = true),
      onLine: (line) => {
        if (!isReaderNoise(line)) options.onOutput?.(line);
      },
    });
    const state: Child = { proc, outOfMemory: false, ready: Promise.resolve() };
    const { ready, started } = watchChildStart(proc, {
      name: 'the document reader process',
      startTimeoutMs: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
      heapMb,
      outOfMemory: () => state.outOfMemory,
      onGone: (end) => {
        if (child === state) child = undefined;
        state.current?.breach(end);
      },
    });
    state.ready = ready;
    proc.on('message', (message) => {
      const reply = ReaderReplySchema.safeParse(message);
      if (!reply.success) return;
      const value = reply.data;
      if (value.type === 'ready') started();
      else if (value.type === 'ocr') options.onOcrPage?.(value.status, value.seconds);
      else if (state.current?.id === value.id) state.current.finish(value.doc);
    });
    // A rejected start is reported to the read that waits for it; nobody else must see it as unhandled.
    state.ready.catch(() => undefined);
    return state;
  }

  async function readInChild(name: string, bytes: Buffer): Promise<ExtractedDocument> {
    if (closed) throw new Error('the document reader is closed');
    child ??= start();
    const state = child;
    await state.ready;
    const id = ++nextId;
    return new Promise<ExtractedDocument>((resolve, reject) => {
      let settled = false;
      // The first breach decides the problem: the kill it makes is reported again by the child's exit.
      let breached = false;
      const timer = setTimeout(() => breach({ kind: 'timeout', detail: `${timeoutMs / 1000} s` }), timeoutMs);
      const watchdog = setInterval(() => {
        const rss = rssOf(state.proc.pid);
        if (rss !== undefined && rss > rssMb) breach({ kind: 'memory', detail: `RSS ${Math.round(rss)} MB over ${rssMb} MB` });
      }, RSS_SAMPLE_MS);
      const settle = (doc: ExtractedDocument) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watchdog);
        state.current = undefined;
        resolve(doc);
      };
      const breach = (what: Breach) => {
        if (settled || breached) return;
        breached = true;
        clearTimeout(timer);
        clearInterval(watchdog);
        // The child may hold a half-built heap or a stuck OCR thread: it is never reused.
        if (child === state) child = undefined;
        state.proc.kill('SIGKILL');
        if (closed) {
          // Stopped by close(), not by the document: a fault, so the message is retried, not answered as unreadable.
          state.current = undefined;
          reject(new Error('the document reader was closed while reading'));
          return;
        }
        options.onBreach?.(what);
        void breachDocument(name, bytes, what).then(settle);
      };
      state.current = { id, finish: settle, breach };
      state.proc.send({ id, name, bytes }, (error) => {
        if (error) breach({ kind: 'crash', detail: error.message });
      });
    });
  }

  return {
    read: (name, bytes) => one(() => readInChild(name, bytes)),
    warmUp: () => {
      if (!closed) child ??= start();
    },
    pid: () => child?.proc.pid,
    async close() {
      closed = true;
      const state = child;
      child = undefined;
      if (!state || state.proc.exitCode !== null || state.proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => state.proc.once('exit', () => resolve()));
      state.proc.kill('SIGTERM');
      const timer = setTimeout(() => state.proc.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const PROBLEM_FOR: Record<BreachKind, { code: ProblemCode; message: string }> = {
  memory: { code: 'too_complex', message: 'the file needs more memory to read than any application does (a compression or drawing bomb, or a huge image)' },
  timeout: { code: 'ocr_timeout', message: 'reading the file took longer than any application does and was stopped' },
  crash: { code: 'unreadable_file', message: 'the file could not be read (its reader stopped on it)' },
};

async function breachDocument(name: string, bytes: Buffer, breach: Breach): Promise<ExtractedDocument> {
  const detected = await detectKind(bytes).catch(() => undefined);
  const { code, message } = PROBLEM_FOR[breach.kind];
  return {
    name,
    kind: detected?.kind ?? 'unsupported',
    mimeType: detected?.mimeType ?? 'application/octet-stream',
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    pageCount: 0,
    pages: [],
    problems: [problem(name, code, `${message} (${breach.detail})`)],
  };
}

/** Resident set size in MB from /proc (Linux); elsewhere only the heap cap and the time limit apply. */
function rssOf(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
