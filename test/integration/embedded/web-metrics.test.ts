// The duration metrics in /metrics: a message claimed and recorded through the instrumented store is one
// observation of intake_message_processing_seconds; an OCR page through the instrumented engine one of
// intake_ocr_page_seconds. Real SQLite store and metrics registry; the OCR engine is a fake that takes a known time.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrEngine, OcrOutcome } from '../../../src/adapters/ocr/ocr-engine.ts';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { WebClient } from '../../support/web-client.ts';

let fx: WebFixture;

beforeAll(async () => {
  fx = await startWebFixture();
});
afterAll(async () => fx?.close());

async function storeMessage(key: string): Promise<string> {
  const raw = Buffer.from(`Message-ID: <${key}@example.com>\r\nSubject: hello\r\n\r\nhello`);
  const saved = await fx.store.saveInbound({
    mailboxId: 'maildir:/test',
    mailboxKey: key,
    messageId: `<${key}@example.com>`,
    sha256: createHash('sha256').update(raw).digest('hex'),
    raw,
    receivedAt: new Date(),
  });
  return saved.id;
}

/** `name{label="value"} n` from Prometheus text, or undefined. */
function sample(body: string, name: string, label: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(label));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

describe('/metrics: processing and OCR durations', () => {
  it('times a message from claim to its committed outcome, by result', async () => {
    const store = fx.metrics.instrumentStore(fx.store);
    const returned = await storeMessage('m-return');
    const skipped = await storeMessage('m-skipped');
    expect(await store.claimInbound(returned)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await store.recordReturn({
      inboundId: returned,
      returnNumber: 'RT-M001',
      state: 'needs_review',
      language: 'en',
      deadlines: {},
      application: { source: 'm.eml', fields: {}, items: [], problems: [] },
      decision: { status: 'needs_review', state: 'needs_review', reasons: [] },
      events: [{ actor: 'system', type: 'receive', toState: 'received', at: new Date() }],
      documents: [],
    });
    expect(await store.claimInbound(skipped)).not.toBeNull();
    await store.finishInbound(skipped, 'ignored', 'auto-reply');

    const client = new WebClient(fx.app);
    await client.login(USERS.manager);
    const page = await client.get('/metrics');
    expect(page.status).toBe(200);
    expect(sample(page.body, 'intake_message_processing_seconds_count', 'result="return"')).toBe(1);
    expect(sample(page.body, 'intake_message_processing_seconds_count', 'result="ignored"')).toBe(1);
    // It took at least the 60 ms we waited: nothing in the 0.05 s bucket, everything by 80 s.
    expect(sample(page.body, 'intake_message_processing_seconds_bucket', 'le="0.05",result="return"')).toBe(0);
    expect(sample(page.body, 'intake_message_processing_seconds_bucket', 'le="80",result="return"')).toBe(1);
    expect(sample(page.body, 'intake_message_processing_seconds_sum', 'result="return"')).toBeGreaterThanOrEqual(0.05);
  });

  it('times each OCR page by outcome', async () => {
    const outcomes: OcrOutcome[] = [
      { status: 'done', page: { page: 1, lines: [], width: 10, height: 10 } },
      { status: 'timeout', seconds: 30 },
    ];
    const engine = {
      recognize: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return outcomes.shift()!;
      },
      close: async () => {},
    } as unknown as OcrEngine;
    const ocr = fx.metrics.instrumentOcr(engine);
    await ocr.recognize({} as never);
    await ocr.recognize({} as never);

    const client = new WebClient(fx.app);
    await client.login(USERS.manager);
    const body = (await client.get('/metrics')).body;
    expect(sample(body, 'intake_ocr_page_seconds_count', 'status="done"')).toBe(1);
    expect(sample(body, 'intake_ocr_page_seconds_count', 'status="timeout"')).toBe(1);
    expect(sample(body, 'intake_ocr_page_seconds_bucket', 'le="0.25",status="done"')).toBe(0);
    expect(sample(body, 'intake_ocr_page_seconds_bucket', 'le="40",status="done"')).toBe(1);
  });
});
