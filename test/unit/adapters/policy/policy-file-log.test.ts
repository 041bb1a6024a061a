// What the operator reads in the log when the policy file changes under a running service: a taken change once, a
// refused one once with the reason and that the policy before it stays in force, and the placeholder still missing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { policyFileFor } from '../../../../src/main.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-policy-log-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

it('logs a refused edit once with its reason, and a taken one', async () => {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const file = path.join(dir, 'policy.yaml');
  await writeFile(file, 'preset: fashion-email\n');
  const source = policyFileFor({ policyFile: file }, pino({ level: 'info' }, sink));

  await writeFile(file, 'preset: no-such-preset\n');
  await source.refresh();
  await source.refresh();
  await writeFile(file, 'preset: marketplace-international\n');
  await source.refresh();
  await new Promise((resolve) => setImmediate(resolve));

  const refused = lines.filter((l) => l.level === 50);
  expect(refused).toHaveLength(1);
  expect(refused[0]!.msg).toContain('refused; the policy before it stays in force');
  expect(refused[0]!.msg).toContain('no-such-preset');
  expect(lines.some((l) => l.level === 30 && l.msg.includes('the new policy is in force'))).toBe(true);
  // The marketplace preset's international address is real, its domestic one still the placeholder.
  expect(lines.some((l) => l.level === 40 && l.msg.includes('EXAMPLE placeholder'))).toBe(true);
});
