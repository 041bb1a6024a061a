#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `intake` works straight after `npm install` with no build step.
//
// Memory (issue #4: the worker process must stay under 600 MB). On Linux the CLI runs in a second node
// process started with settings that only take effect at process start (measured on bench/ocr-e2e.ts,
// 30 scanned applications, see docs/ocr.md):
// - MALLOC_ARENA_MAX=2: glibc gives each thread that allocates its own arena (up to 8 per core) and keeps
//   freed memory in it; libvips' and tesseract.js's threads each filling and freeing page images left the
//   process ~180 MB larger.
// - MALLOC_MMAP_THRESHOLD_=131072: a fixed threshold, so page-sized buffers are always mmap'ed and go back to
//   the system when freed; glibc's adaptive threshold otherwise moves them into the heap, which fragments.
// - --max-semi-space-size=2, --initial-old-space-size=32: V8 collects garbage before its heap has grown to
//   ~180 MB instead of after; the worker's live JavaScript heap is ~60 MB.
// Values already in the environment win. INTAKE_MEMORY_TUNED marks the second process (set it to skip).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The parent pid of `pid` (Linux /proc), or 0 once it is gone. */
function parentOf(pid) {
  try {
    // Field 4 of /proc/<pid>/stat, after the command name in parentheses (which may itself hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

const MARK = 'INTAKE_MEMORY_TUNED';

if (process.platform === 'linux' && process.env[MARK] === undefined) {
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=2', '--initial-old-space-size=32', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      // The IPC channel carries no messages: it closes when this process dies, however it dies (SIGKILL
      // included), and the child stops on that (below). Without it a killed launcher left the real worker
      // running and holding the UI's port.
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', ...process.env, [MARK]: '1' },
    },
  );
  // `npm start` killed with SIGKILL cannot pass anything on. We notice by our parent, or its parent, being
  // handed to another (npm runs us through `sh -c`, which stays alive when npm dies), and stop the child as if
  // told to.
  const ancestry = () => [process.ppid, parentOf(process.ppid)].join(' ');
  const family = ancestry();
  setInterval(() => {
    if (ancestry() !== family) child.kill('SIGTERM');
  }, 500).unref();
  // Ctrl-C at a terminal reaches every process of the foreground group, the child included: passing it on as
  // well would make a graceful stop look like a second, impatient Ctrl-C. Without a terminal (a supervisor,
  // a test harness) only we get it, so it is passed on.
  const fromTerminal = process.stdin.isTTY === true || process.stderr.isTTY === true;
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT']) {
    process.on(signal, () => {
      if (signal === 'SIGINT' && fromTerminal) return;
      child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`intake: could not start node: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      // Die of the same signal, so a caller sees what happened to the real process.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else {
      process.exit(code ?? 1);
    }
  });
} else {
  if (process.env[MARK] !== undefined && process.channel) {
    // Our launcher is gone (killed, even with SIGKILL): stop the way SIGTERM stops us, so the port is freed.
    process.channel.unref();
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  }
  const { register } = await import('tsx/esm/api');
  register();
  // tsx turns on Node's source-map support, which keeps every loaded module's source map parsed in memory
  // (~50 MB of the worker's heap, pdf.js's and Prisma's maps included). Stack traces then point into the
  // transpiled code (lines close to, not equal to, the .ts files); pass --enable-source-maps (or put it in
  // NODE_OPTIONS) to have them mapped at that memory cost.
  if (!process.execArgv.includes('--enable-source-maps') && !/--enable-source-maps/.test(process.env.NODE_OPTIONS ?? '')) {
    process.setSourceMapsEnabled(false);
  }
  await import('../src/cli/intake.ts');
}
