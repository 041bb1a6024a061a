// Every rule's clock is when the e-mail reached the mailbox, in the shop's time zone: the sample body-typed
// application (order 4840-7838, delivered 2025-03-07, 7-day window: the last day is 2025-03-14) processed at
// various moments after it arrived.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMimeParser } from '../../../../src/adapters/mime/create-mime-parser.ts';
import { createMemoryOrders } from '../../../../src/adapters/orders/create-memory-orders.ts';
import { OrderSchema } from '../../../../src/domain/order.ts';
import type { InboundRecord } from '../../../../src/domain/ports/store.ts';
import { decideMessage, readMessage, type ProcessDeps } from '../../../../src/pipeline/process/process-message.ts';
import { replyDeps } from '../fakes.ts';

const samples = path.resolve(import.meta.dirname, '../../../../samples');
const raw = readFileSync(path.join(samples, 'emails/14-body-utf8.eml'));
const orders = OrderSchema.array().parse(JSON.parse(readFileSync(path.join(samples, 'orders.json'), 'utf8')));

async function decide(arrivedAt: string, processedAt: string, timeZone = 'Europe/Moscow') {
  const deps: ProcessDeps = {
    ...replyDeps,
    timeZone,
    mime: createMimeParser(),
    documents: { read: async () => { throw new Error('no attachments in this message'); } },
    orders: createMemoryOrders(orders),
    returns: { findReturnForFollowUp: async () => null, openReturnsOf: async () => [], orderReturns: async () => [] },
    ourDomain: 'shop.test',
    ownAddresses: ['info@shop.test'],
    now: () => new Date(processedAt),
    random: () => 7,
  };
  const inbound: InboundRecord = {
    id: 'in-1', mailboxId: 'mb', mailboxKey: 'k', messageId: '<body-c02.1741600000@mail.example.ru>', sha256: 'x', raw,
    state: 'processing', attempts: 0, lastError: null, deliveryCount: 1, receivedAt: new Date(arrivedAt),
  };
  const outcome = await decideMessage(inbound, await readMessage(inbound, deps), deps);
  if (outcome.kind !== 'return') throw new Error(`expected a new return, got ${outcome.kind}`);
  return outcome.record;
}

describe('the clock of the rules is the arrival in the mailbox, in shop time', () => {
  it('the window is counted from the moment of processing, not of arrival: arrived 23:50 on day 7, processed 00:10 next day → still within', async () => {
    const record = await decide('2025-03-14T20:50:00Z', '2025-03-14T21:10:00Z'); // 23:50 and 00:10 in Moscow
    expect(record.decision.reasons.map((r) => r.code)).not.toContain('out_of_window');
    expect(record.state).toBe('awaiting_shipment');
  });

  it('the window is counted from the moment of processing: after three days of downtime the application is still judged on its arrival day', async () => {
    const record = await decide('2025-03-14T20:50:00Z', '2025-03-17T09:00:00Z');
    expect(record.state).toBe('awaiting_shipment');
    // Shipping counts from the approval (the 17th in Moscow), the day the customer is told.
    expect(record.deadlines!.shipBy).toEqual(new Date('2025-03-21T20:59:59.999Z'));
  });

  it('all dates are UTC: arriving 00:10 on day 8 in Moscow (21:10 UTC on day 7) is late', async () => {
    const record = await decide('2025-03-14T21:10:00Z', '2025-03-14T21:11:00Z');
    expect(record.decision.reasons.map((r) => r.code)).toContain('out_of_window');
    expect(record.state).toBe('rejected');
    // In a shop on UTC the same moment is still day 7.
    expect((await decide('2025-03-14T21:10:00Z', '2025-03-14T21:11:00Z', 'UTC')).state).toBe('awaiting_shipment');
  });
});
