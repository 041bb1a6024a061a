// Issue 13, "Words": `intake setup` makes the shop's own return address a first-minute step. Run as the command it is
// (bin/intake.js) and through setup() with a scripted terminal; what it writes is checked with the loader the
// service uses, and a sample tried after it is approved with the shipping instructions to that address.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/adapters/policy/load-policy.ts';
import { trySample } from '../../../src/cli/samples-command.ts';
import { setup } from '../../../src/cli/setup-command.ts';
import { loadConfig } from '../../../src/config.ts';
import { placeholderRegions } from '../../../src/domain/policy/placeholder-address.ts';
import { createRuntime } from '../../../src/main.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';

const run = promisify(execFile);
const INTAKE = path.resolve(import.meta.dirname, '../../../bin/intake.js');
const RECIPIENT = 'ООО «Ромашка», склад возвратов';
const LINES = ['ул. Садовая, д. 5', '190000 Санкт-Петербург', 'Россия'];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-setup-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `intake setup ARGS` in the temp folder, stdin not a terminal, POLICY_FILE unset as on a new user's laptop. */
async function intakeSetup(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { POLICY_FILE: _unset, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [INTAKE, 'setup', ...args], { cwd: dir, env: { ...env, LOG_LEVEL: 'silent' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const flags = (recipient: string, lines: string[]) => ['--domestic-recipient', recipient, ...lines.flatMap((line) => ['--domestic-line', line])];

/** A terminal that gives these answers in turn and remembers every question. */
function terminal(answers: string[]) {
  const questions: string[] = [];
  return {
    questions,
    ask: async (question: string) => {
      questions.push(question);
      if (answers.length === 0) throw new Error(`no answer left for: ${question}`);
      return answers.shift()!;
    },
  };
}

describe('intake setup: the shop\'s own addresses, a first-minute step', () => {
  it('writes the address given as flags into policy.yaml, which the service loads with no placeholder left, and says what to do next', async () => {
    const result = await intakeSetup(flags(RECIPIENT, LINES));
    expect(result.code, result.stderr).toBe(0);
    const file = path.join(dir, 'policy.yaml');
    const policy = loadPolicy(file);
    expect(placeholderRegions(policy)).toEqual([]);
    expect(policy.addresses.domestic).toEqual({ recipient: RECIPIENT, lines: LINES });
    expect(policy.returnWindowDays).toBe(loadPolicy().returnWindowDays); // the default preset, nothing else changed
    expect(result.stdout).toContain('POLICY_FILE=policy.yaml npm start');
    expect(result.stdout).toContain('npx intake users add');
    expect(result.stdout).toContain(RECIPIENT);
  });

  it('a sample tried after setup is approved with its shipping instructions to that address, not left waiting for one', async () => {
    expect((await intakeSetup(flags(RECIPIENT, LINES))).code).toBe(0);
    const config = loadConfig({ DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', POLICY_FILE: path.join(dir, 'policy.yaml') });
    const runtime = await createRuntime(config, { lazyOcr: true });
    try {
      const now = new Date();
      const { file } = await trySample(config, '14-body-utf8', now);
      await utimes(file, now, now);
      const summary = await drainOnce({ ...runtime.deps, now: () => now });
      const { returnNumber } = summary.handled[0] as { returnNumber: string };
      expect((await runtime.store.getReturn(returnNumber))!.state).toBe('awaiting_shipment');
      const [reply] = await Promise.all((await readdir(config.outboxDir)).map(async (f) => simpleParser(await readFile(path.join(config.outboxDir, f)))));
      expect(reply!.text).toContain(RECIPIENT);
      for (const line of LINES) expect(reply!.text).toContain(line);
      expect(reply!.text).not.toContain('EXAMPLE');
    } finally {
      await runtime.close();
    }
  });

  it('writes nothing while the address would still be the EXAMPLE: no flags on a non-terminal, or an EXAMPLE typed in', async () => {
    const none = await intakeSetup([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--domestic-recipient');
    const example = await intakeSetup(flags('EXAMPLE: ООО «Пример»', LINES));
    expect(example.code).toBe(2);
    const half = await intakeSetup(['--domestic-recipient', RECIPIENT]);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--domestic-line');
    expect(existsSync(path.join(dir, 'policy.yaml'))).toBe(false);
  });

  it('updates an existing policy file in place: its other overrides and comments stay, the address is replaced', async () => {
    const file = path.join(dir, 'policy.yaml');
    const before = ['# our rules', 'preset: marketplace-international', 'returnWindowDays: 14 # two weeks, our own promise', ''].join('\n');
    await writeFile(file, before);
    const result = await intakeSetup(flags(RECIPIENT, LINES));
    expect(result.code, result.stderr).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('# our rules');
    expect(text).toContain('returnWindowDays: 14 # two weeks, our own promise');
    const policy = loadPolicy(file);
    expect(policy.name).toBe(loadPolicy(path.resolve(import.meta.dirname, '../../../config/policies/marketplace-international.yaml')).name);
    expect(policy.returnWindowDays).toBe(14);
    expect(policy.addresses.domestic).toEqual({ recipient: RECIPIENT, lines: LINES });
    expect((await intakeSetup(flags(RECIPIENT, LINES))).stdout).toContain('Nothing to change in policy.yaml');
  });

  it('refuses a file the service would refuse, naming the bad key, and leaves it as it was', async () => {
    const file = path.join(dir, 'policy.yaml');
    const broken = 'preset: fashion-email\nreturnWindowDays: -3\n';
    await writeFile(file, broken);
    const result = await intakeSetup(flags(RECIPIENT, LINES));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('returnWindowDays');
    expect(await readFile(file, 'utf8')).toBe(broken);
  });

  it('asks on a terminal: the rules, then the address, again when EXAMPLE is typed; Enter keeps the real international address', async () => {
    const file = path.join(dir, 'shop', 'returns.json');
    const tty = terminal(['2', 'EXAMPLE ltd', 'x', '', RECIPIENT, ...LINES, '', '']);
    const out: string[] = [];
    await setup({ file }, { ask: tty.ask, out: (text) => out.push(text) }, { DATA_DIR: dir });
    const policy = loadPolicy(file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ preset: 'marketplace-international' });
    expect(policy.addresses.domestic).toEqual({ recipient: RECIPIENT, lines: LINES });
    expect(policy.addresses.international).toEqual(loadPolicy(path.resolve(import.meta.dirname, '../../../config/policies/marketplace-international.yaml')).addresses.international);
    expect(tty.questions[1]).toContain("the preset's invented EXAMPLE warehouse");
    expect(tty.questions.some((q) => q.includes('still says EXAMPLE'))).toBe(true);
    expect(tty.questions.at(-1)).toContain('Press Enter to keep it');
    expect(out.join('')).toContain(`POLICY_FILE=${file} npm start`);
  });

  it('with POLICY_FILE naming the file, it says a running service takes the change without a restart', async () => {
    const file = path.join(dir, 'policy.yaml');
    const out: string[] = [];
    await setup({ domesticRecipient: RECIPIENT, domesticLine: LINES }, { out: (text) => out.push(text) }, { DATA_DIR: dir, POLICY_FILE: file });
    expect(loadPolicy(file).addresses.domestic.recipient).toBe(RECIPIENT);
    expect(out.join('')).toContain('takes the new address on its next round, without a restart');
  });
});
