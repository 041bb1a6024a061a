// Issue 11, the shop sets its return address while the service runs: a running worker on the embedded defaults
// (SQLite, Maildir, file outbox) with POLICY_FILE still the preset's EXAMPLE address approves a sample and waits.
// The file is then edited on disk: an invalid edit is refused (the log-free status says why) and changes nothing; the
// valid one releases the waiting approval on a later round, no restart. A later invalid edit leaves the real address
// in force for the next application.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trySample } from '../../../src/cli/samples-command.ts';
import { loadConfig, type Config } from '../../../src/config.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { startWorker } from '../../../src/pipeline/work/run-worker.ts';

const PLACEHOLDER = 'preset: fashion-email\n';
const address = (street: string) =>
  ['preset: fashion-email', 'addresses:', '  domestic:', '    recipient: "ООО «Настоящий магазин», склад возвратов"', '    lines:', `      - "${street}"`, '      - "101000 Москва"', '      - "Россия"', ''].join('\n');

let dir: string;
let policyFile: string;
let config: Config;
let runtime: Runtime;
let worker: ReturnType<typeof startWorker>;

async function replies(): Promise<ParsedMail[]> {
  const files = (await readdir(config.outboxDir).catch(() => [])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (file) => simpleParser(await readFile(path.join(config.outboxDir, file)))));
}

/** Polls until `check` holds; the worker runs on its own clock. */
async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Two whole worker rounds after now, so whatever a round would do with the file as it is now has been done. */
async function twoRounds(): Promise<void> {
  const since = Date.now();
  let seen = 0;
  let last = worker.status().lastDrainAt?.getTime() ?? 0;
  await until('two worker rounds', async () => {
    const at = worker.status().lastDrainAt?.getTime() ?? 0;
    if (at > since && at !== last) {
      seen++;
      last = at;
    }
    return seen >= 2;
  });
}

const states = async () => runtime.store.countReturnsByState();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-policy-reload-'));
  policyFile = path.join(dir, 'policy.yaml');
  await writeFile(policyFile, PLACEHOLDER);
  config = loadConfig({ DATA_DIR: path.join(dir, 'data'), POLICY_FILE: policyFile, LOG_LEVEL: 'silent', SHOP_TIMEZONE: 'UTC', ...(process.env.EXTRACT_CACHE_DIR ? { EXTRACT_CACHE_DIR: process.env.EXTRACT_CACHE_DIR } : {}) });
  runtime = await createRuntime(config, { lazyOcr: true });
  await trySample(config, '14-body-utf8', new Date());
  worker = startWorker(runtime.deps, { pollSeconds: 0.2 });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await runtime?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a running worker and a policy file edited on disk', () => {
  it('approves while the address is the placeholder, and waits', async () => {
    await until('the approval', async () => (await states()).approved === 1);
    await until('the approved_address_pending reply', async () => (await replies()).length === 1);
    expect((await replies())[0]!.text).toContain('Пока не отправляйте посылку');
  }, 90_000);

  it('refuses an invalid edit: the status says why, and nothing is released', async () => {
    // A real address, but an impossible deadline: the whole file is refused, the address with it.
    await writeFile(policyFile, `${address('ул. Настоящая, д. 7')}shipWithinDays: -1\n`);
    const refused = await until('the refusal', async () => runtime.deps.policySource!.status().refused);
    expect(refused.message).toContain('shipWithinDays');
    await twoRounds();
    expect(await states()).toMatchObject({ approved: 1 });
    expect(await replies()).toHaveLength(1);
    expect(worker.status().lastError).toBeUndefined();
  }, 60_000);

  it('a valid edit releases the waiting approval on a later round, without a restart', async () => {
    await writeFile(policyFile, address('ул. Настоящая, д. 7'));
    await until('the release', async () => (await states()).awaiting_shipment === 1);
    expect((await states()).approved).toBeUndefined();
    const out = await until('the instructions e-mail', async () => ((await replies()).length === 2 ? replies() : undefined));
    const instructions = out.find((m) => !m.text?.includes('Пока не отправляйте'))!;
    expect(instructions.text).toContain('ул. Настоящая, д. 7');
    expect(instructions.text).not.toContain('EXAMPLE');
    expect(runtime.deps.policySource!.status().refused).toBeUndefined();
    await twoRounds();
    expect(await replies()).toHaveLength(2); // once
  }, 60_000);

  it('a later invalid edit keeps the real address in force for the next application', async () => {
    await writeFile(policyFile, `${address('ул. Другая, д. 1')}returnWindowDays: seven\n`);
    await until('the refusal', async () => runtime.deps.policySource!.status().refused);
    await trySample(config, '15-body-second-customer', new Date());
    await until('the second approval', async () => (await states()).awaiting_shipment === 2);
    const out = await until('its reply', async () => ((await replies()).length === 3 ? replies() : undefined));
    const texts = out.map((m) => m.text ?? '');
    expect(texts.filter((t) => t.includes('ул. Настоящая, д. 7'))).toHaveLength(2);
    expect(texts.some((t) => t.includes('ул. Другая'))).toBe(false);
    expect(worker.status().lastError).toBeUndefined();
  }, 90_000);
});
