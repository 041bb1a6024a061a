// End-to-end throughput of scanned applications: N copies of the scanned sample e-mails (samples/emails: a
// scanned PDF, a PNG scan, a phone photo), each with its own Message-ID and sender, dropped into a fresh
// Maildir and processed by `intake run --once` (bin/intake.js, as an operator runs it) in a child process.
// Prints applications per minute (wall time of the whole command, start-up included) and the worker
// process's peak RSS (from /usr/bin/time: the largest of bin/intake.js and the node it starts).
//
//   npx tsx bench/ocr-e2e.ts [count=30]
//   npx tsx bench/ocr-e2e.ts 30 --direct   # `node --import tsx src/cli/intake.ts`, without bin/intake.js's memory settings
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = new URL('../', import.meta.url).pathname;
const SCANNED = ['03-scanned-pdf.eml', '04-png-scan.eml', '05-phone-photo-jpeg.eml'];
const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 30);
const direct = process.argv.includes('--direct');
const command = direct ? ['--import', 'tsx', 'src/cli/intake.ts'] : ['bin/intake.js'];

const dir = await mkdtemp(path.join(tmpdir(), 'ocr-e2e-'));
try {
  const inbox = path.join(dir, 'Maildir', 'new');
  await mkdir(inbox, { recursive: true });
  await mkdir(path.join(dir, 'Maildir', 'cur'), { recursive: true });
  await mkdir(path.join(dir, 'Maildir', 'tmp'), { recursive: true });
  const sources = await Promise.all(SCANNED.map((f) => readFile(path.join(repo, 'samples/emails', f), 'latin1')));
  for (let i = 0; i < count; i++) {
    const raw = sources[i % sources.length]!
      .replace(/^Message-ID: <([^>]+)>/im, `Message-ID: <bench-${i}-$1>`)
      .replace(/^(From:[^<]*<)([^@>]+)@/im, `$1$2+bench${i}@`);
    await writeFile(path.join(inbox, `${Date.now()}.${i}.bench:2,`), raw, 'latin1');
  }
  const loadBefore = loadavg()[0]!.toFixed(1);
  const started = performance.now();
  const { stderr } = await run('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M CPU_S=%U+%S', process.execPath, ...command, 'run', '--once'], {
    cwd: repo,
    env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'error', CI: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = Number(/PEAK_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
  const summary = stderr.split('\n').find((l) => /new message/.test(l)) ?? '';
  console.log(summary.trim());
  console.log(`${count} scanned applications end to end (intake run --once${direct ? ' --direct' : ''}, start-up included): ${seconds.toFixed(1)} s = ${((count / seconds) * 60).toFixed(0)} applications/min (target ≥ 60)`);
  console.log(`peak RSS of the worker process: ${Math.round(peak)} MB (target ≤ 600)`);
  const cpu = /CPU_S=([\d.]+)\+([\d.]+)/.exec(stderr);
  if (cpu) {
    const busy = Number(cpu[1]) + Number(cpu[2]);
    console.log(`CPU: ${busy.toFixed(1)} s = ${((busy / seconds / cpus().length) * 100).toFixed(0)}% of ${cpus().length} cores over the run (load average before: ${loadBefore})`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
