// The MimeParser the worker, the UI and `intake parse` use: mailparser runs in a child process
// (mime-parser-child.ts), one message at a time, so decoding a large message never holds the event loop that serves
// /health and the UI. The process has its own heap cap and a time limit per message; a message that breaches them
// is answered from its headers alone, marked `tooComplex`, never a crash. Measured with bench/mime-event-loop.ts.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { MIME_PARSE_SECONDS, MIME_PARSER_HEAP_MB } from '../../domain/limits.ts';
import { limitConcurrency } from '../documents/limit-concurrency.ts';
import { createMimeParser, type ParsedMailMessage, type StatsMimeParser } from './create-mime-parser.ts';
import { MimeReplySchema, reviveBuffers } from './mime-parser-protocol.ts';
import { headersOnly } from '../../domain/header-block.ts';
import { forkBoundedChild, watchChildStart } from '../system/fork-bounded-child.ts';

export type MimeBreachKind = 'memory' | 'timeout' | 'crash';
export interface MimeBreach {
  kind: MimeBreachKind;
  detail: string;
}

export interface IsolatedMimeParserOptions {
  heapMb?: number;
  timeoutSeconds?: number;
  /** How long a fresh process may take to load before the parse fails as a fault (the message is retried later). */
  startTimeoutMs?: number;
  /** A process was stopped or died while decoding a message. */
  onBreach?: (breach: MimeBreach) => void;
  /** Lines the process printed other than V8's out-of-memory report. */
  onOutput?: (line: string) => void;
}

export interface IsolatedMimeParser extends StatsMimeParser {
  /** Starts the process now rather than on the first message. */
  warmUp(): void;
  close(): Promise<void>;
}

const ENTRY = path.join(import.meta.dirname, 'mime-parser-child.ts');
const DEFAULT_START_TIMEOUT_MS = 60_000;

interface Child {
  proc: ChildProcess;
  ready: Promise<void>;
  outOfMemory: boolean;
  current?: { id: number; finish: (mail: ParsedMailMessage) => void; fail: (error: Error) => void; breach: (breach: MimeBreach) => void };
}

export function createIsolatedMimeParser(options: IsolatedMimeParserOptions = {}): IsolatedMimeParser {
  const heapMb = options.heapMb ?? MIME_PARSER_HEAP_MB;
  const timeoutMs = (options.timeoutSeconds ?? MIME_PARSE_SECONDS) * 1000;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const inProcess = createMimeParser();
  const one = limitConcurrency(1);
  let child: Child | undefined;
  let nextId = 0;
  let closed = false;

  function start(): Child {
    const proc = forkBoundedChild(ENTRY, [], heapMb, {
      onOutOfMemory: () => (state.outOfMemory = true),
      onLine: (line) => options.onOutput?.(line),
    });
    const state: Child = { proc, outOfMemory: false, ready: Promise.resolve() };
    // An idle process must not keep a finished CLI command alive; a busy one is ref'd while it works (parseInChild).
    unref(proc);
    const { ready, started } = watchChildStart(proc, {
      name: 'the MIME process',
      startTimeoutMs,
      heapMb,
      outOfMemory: () => state.outOfMemory,
      onGone: (end) => {
        if (child === state) child = undefined;
        state.current?.breach(end);
      },
    });
    state.ready = ready;
    proc.on('message', (message) => {
      const reply = MimeReplySchema.safeParse(message);
      if (!reply.success) return;
      const value = reply.data;
      if (value.type === 'ready') started();
      else if (state.current?.id === value.id) {
        if (value.type === 'done') state.current.finish(reviveBuffers(value.mail));
        else state.current.fail(new Error(`MIME decoding failed: ${value.message}`));
      }
    });
    // A rejected start is reported to the parse that waits for it; nobody else must see it as unhandled.
    state.ready.catch(() => undefined);
    return state;
  }

  async function parseInChild(raw: Buffer): Promise<ParsedMailMessage> {
    if (closed) throw new Error('the MIME parser is closed');
    child ??= start();
    const state = child;
    state.proc.ref();
    state.proc.channel?.ref();
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
          // A process stopped mid-message may hold a half-built heap: it is never reused.
          if (child === state) child = undefined;
          state.proc.kill('SIGKILL');
          if (closed) {
            // Stopped by close(), not by the message: a fault, so the message is retried, not answered.
            reject(new Error('the MIME parser was closed while decoding'));
            return;
          }
          options.onBreach?.(what);
          void fromHeaders(raw, what).then(resolve, reject);
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
        state.proc.send({ id, raw }, (error) => {
          if (error) breach({ kind: 'crash', detail: error.message });
        });
      });
    } finally {
      unref(state.proc);
    }
  }

  /** What a breach leaves to go on: the header block (at most 256 KB), read here, enough to answer the sender. */
  async function fromHeaders(raw: Buffer, what: MimeBreach): Promise<ParsedMailMessage> {
    const mail = await inProcess.parse(headersOnly(raw));
    return { ...mail, tooComplex: `${what.kind}: ${what.detail}`, stats: { ...mail.stats, rawBytes: raw.length, broken: true } };
  }

  return {
    parse: (raw) => one(() => parseInChild(raw)),
    warmUp: () => {
      if (!closed) child ??= start();
    },
    async close() {
      closed = true;
      const state = child;
      child = undefined;
      if (!state) return;
      state.current?.breach({ kind: 'crash', detail: 'closed' });
      if (state.proc.exitCode !== null || state.proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => state.proc.once('exit', () => resolve()));
      // Idle, it is unref'd: waiting for its exit must keep this process alive.
      state.proc.ref();
      state.proc.kill('SIGKILL');
      await exited;
    },
  };
}

function unref(proc: ChildProcess): void {
  proc.unref();
  proc.channel?.unref();
  for (const stream of [proc.stdout, proc.stderr]) (stream as { unref?: () => void } | null)?.unref?.();
}
