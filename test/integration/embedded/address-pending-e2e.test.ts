// Issue 11 as a new shop meets it: `intake run --once` on the embedded defaults (no POLICY_FILE, so the preset's
// EXAMPLE warehouse) decides an application whose only gap is the shop's return address. The return is approved and
// the customer told so, with no address; once a policy names the shop's real address, the next run sends the
// shipping instructions, once, in the same thread, and the ship-by date starts then. Real CLI, SQLite, Maildir, outbox.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLAYABLE } from '../../../src/cli/samples-command.ts';
import { loadConfig } from '../../../src/config.ts';
import { createRuntime } from '../../../src/main.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';

const run = promisify(execFile);
const INTAKE = path.resolve(import.meta.dirname, '../../../bin/intake.js');
const SHIP_WITHIN_DAYS = 4; // the fashion preset's

let cwd: string;
const outbox = () => path.join(cwd, 'data', 'outbox');

/** The CLI as a user runs it, in a fresh folder: everything under ./data. No POLICY_FILE unless given. */
async function intake(args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  const { POLICY_FILE: _none, DATA_DIR: _default, DATABASE_URL: _db, ...rest } = process.env;
  return run(process.execPath, [INTAKE, ...args], { cwd, env: { ...rest, LOG_LEVEL: 'silent', SHOP_TIMEZONE: 'UTC', ...env }, maxBuffer: 20 * 1024 * 1024 });
}

async function replies(): Promise<Array<{ file: string; mail: ParsedMail }>> {
  const files = (await readdir(outbox()).catch(() => [])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (file) => ({ file, mail: await simpleParser(await readFile(path.join(outbox(), file))) })));
}

async function returns(): Promise<Array<{ returnNumber: string; state: string; decision: { status: string; reasons: unknown[] } }>> {
  return JSON.parse((await intake(['returns', 'list', '--json'])).stdout);
}

function expectTrueText(mail: ParsedMail): void {
  for (const part of [mail.text ?? '', typeof mail.html === 'string' ? mail.html : '']) {
    expect(part).not.toMatch(/EXAMPLE/);
    expect(part).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/); // no ISO day inside a sentence
    expect(part).not.toMatch(/undefined|NaN|\[object Object\]|\{\{/);
  }
}

const longDay = (day: Date) => new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);

beforeAll(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'intake-address-pending-'));
  // The quick start's sample, every date moved to today, and its orders imported.
  await intake(['samples', 'try', REPLAYABLE[0]]);
}, 120_000);

afterAll(async () => {
  if (cwd) await rm(cwd, { recursive: true, force: true });
});

describe('a new shop on the embedded defaults, before its return address is set', () => {
  let first: { returnNumber: string; state: string };
  let approval: ParsedMail;

  it('decides: the return is approved and waits for the address, and start-up says so', async () => {
    const { stderr } = await intake(['run', '--once']);
    expect(stderr).toContain('addresses.domestic');
    expect(stderr).toContain('0 approved return(s) waiting now');
    expect(stderr).toContain('`npx intake setup` writes it');
    const list = await returns();
    expect(list).toHaveLength(1);
    first = list[0]!;
    expect(first.state).toBe('approved');
    expect(list[0]!.decision).toMatchObject({ status: 'approved', reasons: [] });
  }, 120_000);

  it('tells the customer the truth: approved, its number, instructions to follow, no placeholder and no ship-by date', async () => {
    const out = await replies();
    expect(out).toHaveLength(1);
    approval = out[0]!.mail;
    expect(approval.subject).toContain(first.returnNumber);
    expect(approval.headers.get('auto-submitted')).toBe('auto-replied');
    expect(approval.text).toContain('одобрили возврат');
    expect(approval.text).toContain('Пока не отправляйте посылку');
    expect(approval.text).not.toContain('Адрес для отправки');
    expect(approval.text).not.toMatch(/не позднее/);
    expectTrueText(approval);
  });

  it('no ship-by deadline runs while it waits: a worker round a month later neither expires it nor writes again', async () => {
    const config = loadConfig({ DATA_DIR: path.join(cwd, 'data'), LOG_LEVEL: 'silent', SHOP_TIMEZONE: 'UTC' });
    const runtime = await createRuntime(config, { lazyOcr: true });
    try {
      const summary = await drainOnce({ ...runtime.deps, now: () => new Date(Date.now() + 30 * 86_400_000) });
      expect(summary.scheduled).toEqual([]);
    } finally {
      await runtime.close();
    }
    expect((await returns())[0]!.state).toBe('approved');
    expect(await replies()).toHaveLength(1);
  }, 120_000);
});

describe('then the shop sets its return address', () => {
  it('the next run sends the shipping instructions once, threaded, and starts the ship-by date from now', async () => {
    const policy = path.join(cwd, 'policy.yaml');
    await writeFile(
      policy,
      ['preset: fashion-email', 'addresses:', '  domestic:', '    recipient: "ООО «Настоящий магазин», склад возвратов"', '    lines:', '      - "ул. Настоящая, д. 7"', '      - "101000 Москва"', '      - "Россия"', ''].join('\n'),
    );
    const started = new Date();
    const { stderr } = await intake(['run', '--once'], { POLICY_FILE: policy });
    expect(stderr).not.toContain('EXAMPLE');
    const list = await returns();
    expect(list[0]!.state).toBe('awaiting_shipment');

    const out = await replies();
    expect(out).toHaveLength(2);
    const approvalId = (await replies()).map((r) => r.mail).find((m) => m.text?.includes('Пока не отправляйте'))!.messageId!;
    const instructions = out.map((r) => r.mail).find((m) => m.messageId !== approvalId)!;
    expect(instructions.subject).toContain(list[0]!.returnNumber);
    expect(String(instructions.references ?? '')).toContain(approvalId); // in the same thread as the approval
    expect(instructions.inReplyTo).toBeTruthy();
    expect(instructions.text).toContain('ул. Настоящая, д. 7');
    expect(instructions.text).toContain('ООО «Настоящий магазин», склад возвратов');
    // The whole named day, counted from the moment the instructions went out (UTC here).
    const shipBy = new Date(started.getTime() + SHIP_WITHIN_DAYS * 86_400_000);
    expect(instructions.text).toContain(`не позднее ${longDay(shipBy)} включительно`);
    expectTrueText(instructions);

    // Exactly once: another run with the address sends nothing more.
    await intake(['run', '--once'], { POLICY_FILE: policy });
    expect(await replies()).toHaveLength(2);
    expect((await returns())[0]!.state).toBe('awaiting_shipment');
  }, 180_000);
});
