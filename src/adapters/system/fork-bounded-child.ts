// Starts a child process for untrusted work (reading documents, decoding MIME): the TypeScript entry runs under tsx
// with a heap cap, and its stdout and stderr are read line by line, so V8's report of the cap being hit becomes one
// signal and everything else the child prints reaches the caller (never the parent's own output, where a library's
// print would corrupt `--json`).
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

/** V8's last words when the heap cap is hit (it then aborts the process). */
const HEAP_EXHAUSTED = /heap out of memory|Reached heap limit/;
/** The rest of V8's report on that: GC history, stack traces. The breach itself is reported once, as a value. */
const V8_REPORT = /(<--- .* --->|\[\d+:0x[0-9a-f]+\]\s+\d+ ms: |FATAL ERROR:|----- .* -----|^\s*\d+: 0x[0-9a-f]+|Security context:)/;

export interface ChildOutput {
  /** V8 reported heap exhaustion. */
  onOutOfMemory: () => void;
  /** A non-empty line that is not part of V8's out-of-memory report. */
  onLine: (line: string) => void;
}

export function forkBoundedChild(entry: string, args: string[], heapMb: number, output: ChildOutput): ChildProcess {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const proc = fork(entry, args, {
    execArgv: ['--import', tsx, `--max-old-space-size=${heapMb}`, '--max-semi-space-size=2'],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  for (const stream of [proc.stdout, proc.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      if (HEAP_EXHAUSTED.test(line)) output.onOutOfMemory();
      if (line.trim() !== '' && !V8_REPORT.test(line)) output.onLine(line);
    });
  }
  return proc;
}

/** How a child ended under the job it was doing: out of its heap, or any other death. */
export interface ChildEnd {
  kind: 'memory' | 'crash';
  detail: string;
}

export interface ChildStart {
  /** The process as errors name it: "the MIME process". */
  name: string;
  startTimeoutMs: number;
  heapMb: number;
  /** Whether V8 reported heap exhaustion (asked when the process ends). */
  outOfMemory: () => boolean;
  /** The process is gone: the caller forgets it and tells the job in progress, if any. */
  onGone: (end: ChildEnd) => void;
}

/**
 * Watches a forked child from its start to its end. `ready` settles when the caller reports the child's "ready"
 * message through `started`, and fails when the child does not start in time (it is killed), cannot be spawned,
 * or exits first. Any end of the process, before or after it was ready, reaches `onGone` once per cause.
 */
export function watchChildStart(proc: ChildProcess, start: ChildStart): { ready: Promise<void>; started: () => void } {
  let started = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${start.name} did not start within ${start.startTimeoutMs} ms`));
    }, start.startTimeoutMs);
    started = () => {
      clearTimeout(timer);
      resolve();
    };
    // Spawning can fail (no memory for a new process, too many processes); an unheard 'error' would throw here.
    proc.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
      start.onGone({ kind: 'crash', detail: error.message });
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${start.name} exited before it was ready (${signal ?? `code ${code}`})`));
      start.onGone(start.outOfMemory() ? { kind: 'memory', detail: `heap over ${start.heapMb} MB` } : { kind: 'crash', detail: signal ?? `exit code ${code}` });
    });
  });
  return { ready, started: () => started() };
}
