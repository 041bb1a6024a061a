// The MimeParser the worker and the UI use: mailparser runs in a worker thread (mime-parser-thread.ts), one message
// at a time, so decoding a large message never holds the event loop that serves /health and the UI. The thread has
// its own heap cap and a time limit per message; a message that breaches them is answered from its headers alone,
// marked `tooComplex`, never a crash. Measured with bench/mime-event-loop.ts.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MIME_PARSE_SECONDS, MIME_PARSER_HEAP_MB } from '../../domain/limits.ts';
import { limitConcurrency } from '../documents/limit-concurrency.ts';
import { createMimeParser, type ParsedMailMessage, type StatsMimeParser } from './create-mime-parser.ts';
import { MimeThreadReplySchema, reviveBuffers } from './mime-thread-protocol.ts';
import { headerBlock } from './read-message-id.ts';

export type MimeBreachKind = 'memory' | 'timeout' | 'crash';
export interface MimeBreach {
  kind: MimeBreachKind;
  detail: string;
}

export interface ThreadedMimeParserOptions {
  heapMb?: number;
  timeoutSeconds?: number;
  /** How long a fresh thread may take to load before the parse fails as a fault (the message is retried later). */
  startTimeoutMs?: number;
  /** A thread was stopped or died while decoding a message. */
  onBreach?: (breach: MimeBreach) => void;
}

export interface ThreadedMimeParser extends StatsMimeParser {
  /** Starts the thread now rather than on the first message. */
  warmUp(): void;
  close(): Promise<void>;
}

const START = path.join(import.meta.dirname, 'mime-parser-thread-start.mjs');
const ENTRY = pathToFileURL(path.join(import.meta.dirname, 'mime-parser-thread.ts')).href;
const DEFAULT_START_TIMEOUT_MS = 60_000;

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  current?: { id: number; finish: (mail: ParsedMailMessage) => void; fail: (error: Error) => void; breach: (breach: MimeBreach) => void };
}

export function createThreadedMimeParser(options: ThreadedMimeParserOptions = {}): ThreadedMimeParser {
  const heapMb = options.heapMb ?? MIME_PARSER_HEAP_MB;
  const timeoutMs = (options.timeoutSeconds ?? MIME_PARSE_SECONDS) * 1000;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const inProcess = createMimeParser();
  const one = limitConcurrency(1);
  let thread: Thread | undefined;
  let nextId = 0;
  let closed = false;

  function start(): Thread {
    const worker = new Worker(START, {
      workerData: { entry: ENTRY },
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    // An idle thread must not keep a finished CLI command alive; a busy one is ref'd while it works (parseInThread).
    worker.unref();
    const state: Thread = { worker, ready: Promise.resolve() };
    state.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error(`the MIME thread did not start within ${startTimeoutMs} ms`));
      }, startTimeoutMs);
      worker.on('message', (message) => {
        const reply = MimeThreadReplySchema.safeParse(message);
        if (!reply.success) return;
        const value = reply.data;
        if (value.type === 'ready') {
          clearTimeout(timer);
          resolve();
        } else if (state.current?.id === value.id) {
          if (value.type === 'done') state.current.finish(reviveBuffers(value.mail));
          else state.current.fail(new Error(`MIME decoding failed: ${value.message}`));
        }
      });
      // ERR_WORKER_OUT_OF_MEMORY when the heap cap is hit; anything else thrown in the thread is a crash.
      worker.on('error', (error: Error & { code?: string }) => {
        state.current?.breach(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', detail: `heap over ${heapMb} MB` } : { kind: 'crash', detail: error.message });
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the MIME thread exited before it was ready (code ${code})`));
        if (thread === state) thread = undefined;
        state.current?.breach({ kind: 'crash', detail: `exit code ${code}` });
      });
    });
    // A rejected start is reported to the parse that waits for it; nobody else must see it as unhandled.
    state.ready.catch(() => undefined);
    return state;
  }

  async function parseInThread(raw: Buffer): Promise<ParsedMailMessage> {
    if (closed) throw new Error('the MIME parser is closed');
    thread ??= start();
    const state = thread;
    state.worker.ref();
    try {
      await state.ready;
      const id = ++nextId;
      return await new Promise<ParsedMailMessage>((resolve, reject) => {
        let settled = false;
        const timer = setTimeout(() => breach({ kind: 'timeout', detail: `${timeoutMs / 1000} s` }), timeoutMs);
        const done = () => {
          settled = true;
          clearTimeout(timer);
          state.current = undefined;
        };
        const breach = (what: MimeBreach) => {
          if (settled) return;
          done();
          // A thread stopped mid-message may hold a half-built heap: it is never reused.
          if (thread === state) thread = undefined;
          void state.worker.terminate();
          if (closed) {
            // Stopped by close(), not by the message: a fault, so the message is retried, not answered.
            reject(new Error('the MIME parser was closed while decoding'));
            return;
          }
          options.onBreach?.(what);
          void headersOnly(raw, what).then(resolve, reject);
        };
        state.current = {
          id,
          finish: (mail) => {
            if (settled) return;
            done();
            resolve(mail);
          },
          fail: (error) => {
            if (settled) return;
            done();
            reject(error);
          },
          breach,
        };
        // Copied, not transferred: the caller keeps its raw message (it is stored, hashed, shown).
        state.worker.postMessage({ id, raw });
      });
    } finally {
      state.worker.unref();
    }
  }

  /** What a breach leaves to go on: the header block (at most 256 KB), read here, enough to answer the sender. */
  async function headersOnly(raw: Buffer, what: MimeBreach): Promise<ParsedMailMessage> {
    const mail = await inProcess.parse(Buffer.from(`${headerBlock(raw)}\r\n\r\n`, 'latin1'));
    return { ...mail, tooComplex: `${what.kind}: ${what.detail}`, stats: { ...mail.stats, rawBytes: raw.length, broken: true } };
  }

  return {
    parse: (raw) => one(() => parseInThread(raw)),
    warmUp: () => {
      if (!closed) thread ??= start();
    },
    async close() {
      closed = true;
      const state = thread;
      thread = undefined;
      state?.current?.breach({ kind: 'crash', detail: 'closed' });
      if (state) await state.worker.terminate();
    },
  };
}
