// A fake ReturnUpdates port holding one return, and the review stage's dependencies around it, shared by the
// review tests. The fake refuses a change decided from a stale state, as the store does.
import { AppError } from '../../../../src/domain/app-error.ts';
import type { ReturnRef, ReturnUpdate, ReturnUpdates } from '../../../../src/domain/ports/return-updates.ts';
import { testPolicy } from '../../../support/test-policy.ts';
import { loadReplyTemplates } from '../../../../src/adapters/templates/load-reply-templates.ts';
import { TEMPLATES_DIR } from '../../../../src/main.ts';
import type { ReviewDeps } from '../../../../src/pipeline/review/review-deps.ts';

export function fakeUpdates(overrides: Partial<ReturnRef>): ReturnUpdates & { updates: ReturnUpdate[] } {
  const ref: ReturnRef = {
    id: 'r1',
    returnNumber: 'RT-1',
    state: 'needs_review',
    language: 'en',
    customerEmail: 'anna@example.com',
    orderNumber: null,
    customerMessageId: '<c1@example.com>',
    customerSubject: 'My return',
    replyMessageIds: ['<ri.first@shop.test>'],
    application: { source: 'm.eml', fields: { fullName: { value: 'Anna Smith', confidence: 0.9 } }, items: [], problems: [] },
    decision: { status: 'needs_review', state: 'needs_review', reasons: [] },
    deadlines: { reviewDueAt: null, reviewBreachedAt: null, shipBy: null, reminderSentAt: null, warehouseAt: null, refundDueAt: null, refundOverdueAt: null },
    trackingNumber: null,
    createdAt: new Date('2025-03-01T10:00:00Z'),
    inspectedAt: null,
    ...overrides,
  };
  const updates: ReturnUpdate[] = [];
  return {
    updates,
    getReturnRef: async () => ({ ...ref }),
    findReturnForFollowUp: async () => null,
    openReturnsOf: async () => [],
    listDueReturns: async () => [],
    listWaitingApprovals: async () => [],
    orderReturns: async () => [],
    updateReturn: async (update) => {
      if (update.fromState !== ref.state) throw new AppError('conflict', 'moved');
      ref.state = update.toState;
      // An accepted inspection is read back from its event, as the store does.
      for (const event of update.events) if (event.type === 'inspection_passed') ref.inspectedAt = event.at;
      updates.push(update);
    },
  };
}

/** `composeMessage` writes the headers the tests read back and the text. */
export function reviewDeps(updates: ReturnUpdates, now: Date): ReviewDeps {
  return {
    updates,
    orders: null,
    policy: testPolicy(),
    templates: loadReplyTemplates(TEMPLATES_DIR),
    composeMessage: async (reply) => Buffer.from(`Subject: ${reply.subject}\r\nIn-Reply-To: ${reply.inReplyTo}\r\n\r\n${reply.text}`),
    from: 'Returns <info@shop.test>',
    shopName: 'Shop',
    timeZone: 'Europe/Moscow',
    now: () => now,
    replyGuard: { check: async () => undefined },
  };
}
