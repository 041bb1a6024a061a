// Issue #11 end to end: an application decided against its order is stored as decided — each value with its
// source — the audit trail says what the decision rested on, and `intake returns list --json` prints it in the
// stable shape the devset's straight-through judge reads.
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trySample } from '../../../src/cli/samples-command.ts';
import { toJson } from '../../../src/cli/returns-command.ts';
import { loadConfig, type Config } from '../../../src/config.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';
import { openStore } from '../../../src/adapters/db/open-store.ts';
import { TEST_POLICY_FILE } from '../../support/test-policy.ts';

let dir: string;
let config: Config;
let runtime: Runtime;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-evidence-'));
  config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', POLICY_FILE: TEST_POLICY_FILE });
  runtime = await createRuntime(config, { lazyOcr: true });
});

afterEach(async () => {
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the decision and its evidence, stored and listed', () => {
  it('an approval records where each value came from, and the listing prints it with the refund', async () => {
    const now = new Date('2031-07-15T09:30:00Z');
    const { file } = await trySample(config, '12-application-in-body', now);
    await utimes(file, now, now);
    const summary = await drainOnce({ ...runtime.deps, now: () => now });
    const { returnNumber } = summary.handled[0] as { returnNumber: string };
    const detail = (await runtime.store.getReturn(returnNumber))!;

    expect(detail.state).toBe('awaiting_shipment');
    const { fields, items } = detail.application;
    expect(fields.orderNumber).toMatchObject({ value: '4829-6620', source: 'order', document: 'body', readConfidence: expect.any(Number) });
    expect(items[0]!.sku).toMatchObject({ value: 'BG-1188', source: 'order', readConfidence: expect.any(Number) });
    expect(fields.bik).toMatchObject({ source: 'document', document: 'body' });
    const basis = detail.events.find((e) => e.type === 'decision_basis');
    expect(basis?.reason).toContain('orderNumber: paper, confirmed by the order');
    expect(basis?.reason).toContain('items[0].sku: paper, confirmed by the order');
    expect(basis?.reason).toContain('bik: paper');
    expect(basis?.reason).not.toContain('4829'); // field names and sources, no customer data

    const store = await openStore(config.databaseUrl);
    try {
      const [listed] = (await store.listStoredReturns({ limit: 10 })).map(toJson);
      expect(listed).toMatchObject({
        returnNumber,
        state: 'awaiting_shipment',
        messageId: expect.stringMatching(/^<.+>$/),
        decision: { status: 'approved', reasons: [] },
        refund: expect.stringMatching(/^\d+\.\d\d$/),
        trackingNumber: null,
      });
      expect(listed!.application.items[0]!.sku).toMatchObject({ value: 'BG-1188', source: 'order' });
    } finally {
      await store.close();
    }
  });
});
