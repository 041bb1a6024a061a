import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../../src/domain/mail-message.ts';
import type { StoredDocument } from '../../../../src/domain/ports/store.ts';
import { createMemoryOrders } from '../../../../src/adapters/orders/create-memory-orders.ts';
import { handleFollowUp } from '../../../../src/pipeline/follow-up/handle-follow-up.ts';
import type { ProcessDeps } from '../../../../src/pipeline/process/process-message.ts';
import { application, specOrder } from '../decide/builders.ts';
import { replyDeps, returnRef } from '../fakes.ts';

const now = new Date('2025-03-09T10:00:00Z');
const deps = {
  ...replyDeps,
  orders: createMemoryOrders([specOrder()]),
  returns: { findReturnForFollowUp: async () => null, orderReturns: async () => [] },
  now: () => now,
} as unknown as ProcessDeps;

function mail(text: string, subject = 'Re: Возврат [R-0000-0000]'): MailMessage {
  return { references: [], to: [], subject, headers: {}, text, contentType: 'text/plain', attachments: [], from: { address: 'anna@example.ru' } };
}

function photo(name: string): StoredDocument {
  return { name, kind: 'jpeg', mimeType: 'image/jpeg', bytes: 10, sha256: 'x', method: 'ocr', pageCount: 1, pages: [{ page: 1, lines: [{ text: 'ЧЕК', confidence: 0.8 }] }], problems: [], content: Buffer.from('x') };
}

const base = { inboundId: 'in-2', application: application(), isApplication: false, today: '2025-03-09' };

describe('handleFollowUp', () => {
  it('a tracking number with the receipt photo moves an approved return to shipped', async () => {
    const update = await handleFollowUp({ ...base, ref: returnRef(), mail: mail('Отправила, трек RA123456785RU'), documents: [photo('receipt.jpg')] }, deps);
    expect(update).toMatchObject({
      fromState: 'awaiting_shipment',
      toState: 'shipped',
      trackingNumber: 'RA123456785RU',
      events: [{ actor: 'customer', type: 'ship', toState: 'shipped' }, { actor: 'customer', type: 'receipt_received' }],
      inbound: { id: 'in-2' },
    });
    // A tracking number gets no acknowledgement: it does now, in the customer's thread.
    expect(update.reply).toMatchObject({ template: 'shipment_received', to: 'anna@example.ru' });
    expect(update.reply!.raw.toString()).toContain('"trackingNumber":"RA123456785RU"');
    expect(update.reply!.raw.toString()).toContain('"receiptMissing":false');
  });

  it('the reply asks for a receipt photo though the policy says receiptPhoto: false: a tracking number alone ships', async () => {
    const relaxed = { ...deps, policy: { ...deps.policy, shipmentConfirmation: { trackingNumber: true, receiptPhoto: false } } };
    const update = await handleFollowUp({ ...base, ref: returnRef(), mail: mail('трек 80085412345679'), documents: [] }, relaxed);
    expect(update).toMatchObject({ toState: 'shipped', trackingNumber: '80085412345679', reply: { template: 'shipment_received' } });
  });

  it('shipmentConfirmation.trackingNumber: false — a receipt photo alone confirms shipping; a bare question does not', async () => {
    const receiptOnly = { ...deps, policy: { ...deps.policy, shipmentConfirmation: { trackingNumber: false, receiptPhoto: true } } };
    const shipped = await handleFollowUp({ ...base, ref: returnRef(), mail: mail('Отправила, чек во вложении'), documents: [photo('receipt.jpg')] }, receiptOnly);
    expect(shipped).toMatchObject({ toState: 'shipped', events: [{ type: 'ship', reason: 'receipt photo received' }, { type: 'receipt_received' }] });
    expect(shipped.trackingNumber).toBeUndefined();
    const question = await handleFollowUp({ ...base, ref: returnRef(), mail: mail('Куда отправлять?'), documents: [] }, receiptOnly);
    expect(question).toMatchObject({ toState: 'awaiting_shipment', events: [{ type: 'customer_message' }] });
    expect(question.reply).toBeUndefined();
  });

  it('without the receipt the policy asks for, the tracking number is kept but the return waits', async () => {
    const strict = { ...deps, policy: { ...deps.policy, shipmentConfirmation: { trackingNumber: true, receiptPhoto: true } } };
    const update = await handleFollowUp({ ...base, ref: returnRef(), mail: mail('трек RA123456785RU'), documents: [] }, strict);
    expect(update).toMatchObject({ toState: 'awaiting_shipment', trackingNumber: 'RA123456785RU', events: [{ type: 'tracking_received' }] });
    // Acknowledged, asking for the receipt the policy still wants.
    expect(update.reply!.raw.toString()).toContain('"receiptMissing":true');
  });

  describe('tracking and receipt in separate e-mails (the marketplace preset)', () => {
    const strict = { ...deps, policy: { ...deps.policy, shipmentConfirmation: { trackingNumber: true, receiptPhoto: true } } };

    it('tracking first, then the receipt: the receipt e-mail moves the return to shipped', async () => {
      const first = await handleFollowUp({ ...base, ref: returnRef(), mail: mail('трек RA123456785RU'), documents: [] }, strict);
      expect(first).toMatchObject({ toState: 'awaiting_shipment', trackingNumber: 'RA123456785RU' });
      const second = await handleFollowUp(
        { ...base, ref: returnRef({ trackingNumber: 'RA123456785RU' }), mail: mail('А вот чек'), documents: [photo('receipt.jpg')] },
        strict,
      );
      expect(second).toMatchObject({
        toState: 'shipped',
        events: [{ type: 'ship', reason: 'tracking RA123456785RU' }, { type: 'receipt_received' }],
        reply: { template: 'shipment_received' },
      });
      expect(second.reply!.raw.toString()).toContain('"receiptReceived":true');
    });

    it('receipt first, then tracking: the receipt is recorded and acknowledged asking for the number, the number ships it', async () => {
      const first = await handleFollowUp({ ...base, ref: returnRef(), mail: mail('Чек во вложении'), documents: [photo('receipt.jpg')] }, strict);
      expect(first).toMatchObject({ toState: 'awaiting_shipment', events: [{ type: 'receipt_received' }] });
      expect(first.reply!.raw.toString()).toContain('"trackingMissing":true');
      const second = await handleFollowUp(
        { ...base, ref: returnRef({ receiptReceivedAt: now }), mail: mail('трек RA123456785RU'), documents: [] },
        strict,
      );
      expect(second).toMatchObject({ toState: 'shipped', trackingNumber: 'RA123456785RU' });
    });
  });

  it('a tracking number whose check digit fails is not taken', async () => {
    const update = await handleFollowUp({ ...base, ref: returnRef(), mail: mail('трек RA123456784RU'), documents: [photo('r.jpg')] }, deps);
    expect(update).toMatchObject({ toState: 'awaiting_shipment', events: [{ type: 'customer_message' }] });
    expect(update.trackingNumber).toBeUndefined();
  });

  it('the missing application arriving re-parses the return and decides it again, with a reply', async () => {
    const ref = returnRef({ state: 'awaiting_application', decision: { status: 'awaiting_application', state: 'awaiting_application', reasons: [] } });
    const update = await handleFollowUp({ ...base, ref, isApplication: true, mail: mail('Заявление во вложении'), documents: [photo('form.jpg')] }, deps);
    expect(update.fromState).toBe('awaiting_application');
    expect(update.events[0]).toMatchObject({ actor: 'customer', type: 'application_received' });
    expect(update.events[1]).toMatchObject({ type: 'parse', fromState: 'awaiting_application', toState: 'parsed' });
    expect(update.toState).toBe(update.decision!.state);
    // The application stored is the one decided: the new copy's values, each confirmed by the order.
    expect(update.application?.fields.orderNumber).toMatchObject({ value: base.application.fields.orderNumber!.value, source: 'order' });
    expect(update.events.map((e) => e.type)).toContain('decision_basis');
    expect(update.reply?.template).toBe((update.decision as unknown as { reply: string }).reply);
  });

  it('anything else is attached for an agent without a state change or a reply', async () => {
    const ref = returnRef({ state: 'shipped' });
    const update = await handleFollowUp({ ...base, ref, mail: mail('Когда вернут деньги?'), documents: [] }, deps);
    expect(update).toMatchObject({ fromState: 'shipped', toState: 'shipped', events: [{ type: 'customer_message', actor: 'customer' }] });
    expect(update.reply).toBeUndefined();
  });
});
