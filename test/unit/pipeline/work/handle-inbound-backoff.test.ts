// A fault in processing leaves the message `failed` with a retry time that backs off, and parks it after
// maxAttempts; the embedded queue then skips it until that time.
import { describe, expect, it } from 'vitest';
import type { InboundRecord, Store } from '../../../../src/domain/ports/store.ts';
import { AppError } from '../../../../src/domain/app-error.ts';
import { createDatabaseQueue } from '../../../../src/adapters/queue/database-queue.ts';
import { handleInbound, type HandleDeps } from '../../../../src/pipeline/work/handle-inbound.ts';

const NOW = new Date('2025-03-01T10:00:00Z');

function fakes(attempts: number, fault: Error = new Error('OCR engine crashed')) {
  const finished: Array<{ state: string; reason: string; retryAt?: Date }> = [];
  const record: InboundRecord = {
    id: 'in-1',
    mailboxId: 'maildir:/x',
    mailboxKey: 'k',
    messageId: '<a@example.ru>',
    sha256: 'x',
    raw: Buffer.from('From: a@example.ru\r\n\r\nhi'),
    state: 'processing',
    attempts,
    lastError: null,
    deliveryCount: 1,
    receivedAt: NOW,
  };
  const deps = {
    store: {
      claimInbound: async () => record,
      finishInbound: async (_id: string, state: string, reason: string, options?: { retryAt?: Date }) => {
        finished.push({ state, reason, ...(options?.retryAt ? { retryAt: options.retryAt } : {}) });
      },
    },
    mailbox: { id: 'maildir:/x', markProcessed: async () => undefined },
    mime: {
      parse: async () => {
        throw fault;
      },
    },
    maxAttempts: 5,
    now: () => NOW,
  } as unknown as HandleDeps;
  return { deps, finished };
}

describe('handleInbound back-off', () => {
  it('the first failure is retried 30 s later', async () => {
    const { deps, finished } = fakes(1);
    expect(await handleInbound('in-1', deps)).toMatchObject({ status: 'failed' });
    expect(finished).toEqual([{ state: 'failed', reason: 'Error: OCR engine crashed', retryAt: new Date(NOW.getTime() + 30_000) }]);
  });

  it('the third failure waits 120 s', async () => {
    const { deps, finished } = fakes(3);
    await handleInbound('in-1', deps);
    expect(finished[0]!.retryAt).toEqual(new Date(NOW.getTime() + 120_000));
  });

  it('regression: a validation error is parked at once, not retried five times', async () => {
    const { deps, finished } = fakes(1, new AppError('validation_failed', 'the return has no customer e-mail'));
    expect(await handleInbound('in-1', deps)).toMatchObject({ status: 'parked' });
    expect(finished).toEqual([{ state: 'parked', reason: 'validation_failed: the return has no customer e-mail' }]);
  });

  it('the last allowed failure parks the message, with no retry time', async () => {
    const { deps, finished } = fakes(5);
    expect(await handleInbound('in-1', deps)).toMatchObject({ status: 'parked' });
    expect(finished).toEqual([{ state: 'parked', reason: 'Error: OCR engine crashed' }]);
  });
});

describe('database queue', () => {
  it('asks the store only for messages due now', async () => {
    const calls: unknown[] = [];
    const store: Pick<Store, 'listInboundIds'> = {
      listInboundIds: async (states, limit, options) => {
        calls.push({ states, limit, options });
        return ['a'];
      },
    };
    const queue = createDatabaseQueue(store, () => NOW);
    expect(await queue.take(7)).toEqual([{ jobId: 'a', inboundId: 'a' }]);
    expect(calls).toEqual([{ states: ['received', 'failed'], limit: 7, options: { dueBy: NOW } }]);
  });
});
