// Regression test for "`npm start` then SIGTERM or SIGKILL to it leaves the real worker running and holding the
// port": `npm start` runs a launcher that starts the worker in a second node process (bin/intake.js); whatever
// happens to the process we started, the port must come free.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

let started: ChildProcess | undefined;
let dir: string | undefined;

afterEach(async () => {
  // Whatever the test left: the whole process group we started (npm, the launcher, the worker), by its id.
  if (started?.pid) {
    try {
      process.kill(-started.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function npmStart(): Promise<number> {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-start-'));
  const port = await freePort();
  started = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    // Its own process group, so the clean-up above reaches every process of it and nothing else.
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', OCR_WORKERS: '1', LOG_LEVEL: 'warn', POLL_SECONDS: '1' },
  });
  expect(await waitFor(() => listening(port), 60_000)).toBe(true);
  return port;
}

describe('npm start and signals', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)('frees the port when npm start gets %s', async (signal) => {
    const port = await npmStart();
    process.kill(started!.pid!, signal);
    expect(await waitFor(async () => !(await listening(port)), 20_000)).toBe(true);
  }, 90_000);
});
