// Small fakes of the ports the lifecycle stages use: templates that render a marker, a composer that
// returns the rendered text, and a return reference builder.
import { testPolicy } from '../../support/test-policy.ts';
import type { ReplyGuard } from '../../../src/pipeline/reply/guard-reply.ts';
import type { ReplyTemplates } from '../../../src/domain/ports/reply-renderer.ts';
import type { ReturnRef } from '../../../src/domain/ports/return-updates.ts';
import type { RenderedReply } from '../../../src/domain/reply.ts';

export const policy = testPolicy();

export const fakeTemplates: ReplyTemplates = {
  render: (template, language, part, data) => `${template}/${language}/${part} ${JSON.stringify(data)}`,
  attachmentsFor: () => [],
};

export const replyDeps = {
  templates: fakeTemplates,
  composeMessage: async (reply: RenderedReply) => Buffer.from(`${reply.subject}\n${reply.text}`),
  from: 'Returns <info@shop.test>',
  shopName: 'Test shop',
  timeZone: 'Europe/Moscow',
  policy,
  /** Lets every reply through; tests of the guard pass their own. */
  replyGuard: { check: async () => undefined } as ReplyGuard,
};

export function returnRef(overrides: Partial<ReturnRef> = {}): ReturnRef {
  return {
    id: 'id-1',
    returnNumber: 'R-0000-0000',
    state: 'awaiting_shipment',
    language: 'ru',
    customerEmail: 'anna@example.ru',
    orderNumber: 'A-1001',
    customerMessageId: '<first@example.ru>',
    customerSubject: 'Возврат',
    replyMessageIds: ['<ri.1@shop.test>'],
    application: { source: 'x', fields: {}, items: [], problems: [] },
    decision: { status: 'approved', state: 'awaiting_shipment', reasons: [] },
    deadlines: { reviewDueAt: null, reviewBreachedAt: null, shipBy: null, reminderSentAt: null, warehouseAt: null, refundDueAt: null, refundOverdueAt: null },
    trackingNumber: null,
    createdAt: new Date('2026-11-01T10:00:00Z'),
    ...overrides,
  };
}
