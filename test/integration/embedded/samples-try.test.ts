// The README's quick start on the day a new user tries it: `intake samples try` replays a body-typed sample with
// every date moved to today, and the service approves it as the sample's ground truth says it should.
import { mkdtemp, readFile, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPLAYABLE, trySample } from '../../../src/cli/samples-command.ts';
import { loadConfig, type Config } from '../../../src/config.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';
import { TEST_POLICY_FILE } from '../../support/test-policy.ts';

let dir: string;
let config: Config;
let runtime: Runtime;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-samples-try-'));
  config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', POLICY_FILE: TEST_POLICY_FILE });
  runtime = await createRuntime(config, { lazyOcr: true });
});

afterEach(async () => {
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
});

async function tryOn(name: string, now: Date) {
  const { file, shiftDays } = await trySample(config, name, now);
  await utimes(file, now, now); // the arrival in the mailbox is "now" for this run
  const summary = await drainOnce({ ...runtime.deps, now: () => now });
  const { returnNumber } = summary.handled[0] as { returnNumber: string };
  if (!returnNumber) throw new Error(JSON.stringify(summary));
  const detail = (await runtime.store.getReturn(returnNumber))!;
  const replies = await Promise.all((await readdir(config.outboxDir)).map(async (f) => simpleParser(await readFile(path.join(config.outboxDir, f)))));
  return { detail, replies, shiftDays };
}

describe('intake samples try', () => {
  it('the quick start must show an approval on the day a new user tries it: the samples are no longer all late', async () => {
    const { detail, replies, shiftDays } = await tryOn(REPLAYABLE[0], new Date());
    expect(shiftDays).toBeGreaterThan(600); // the samples were written in March 2025
    expect(detail.decision.reasons).toEqual([]);
    expect(detail.state).toBe('awaiting_shipment');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('Сумма к возврату: 4\u00a0590,00\u00a0₽.');
    expect(replies[0]!.text).not.toMatch(/\d{4}-\d{2}-\d{2}|EXAMPLE/);
  });

  it.each(REPLAYABLE.map((name) => [name]))('%s is approved whatever the day (here 15 July 2031)', async (name) => {
    const { detail } = await tryOn(name, new Date('2031-07-15T09:30:00Z'));
    expect(detail.state).toBe('awaiting_shipment');
    expect(detail.application.fields.applicationDate?.value).toBe('2031-07-15');
  });
});
