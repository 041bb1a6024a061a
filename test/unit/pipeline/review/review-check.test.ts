// The review page's checks and refund pre-fill: the same computation as the pipeline's, earlier returns included.
import { describe, expect, it } from 'vitest';
import type { OrderReturnSummary } from '../../../../src/domain/ports/return-updates.ts';
import { loadReviewCheck } from '../../../../src/pipeline/review/review-check.ts';
import { application, specOrder } from '../decide/builders.ts';
import { fakeUpdates, reviewDeps } from './review-fakes.ts';

const at = (iso: string) => new Date(iso);
const summary = (returnNumber: string, createdAt: string, sku: string): OrderReturnSummary => ({
  returnNumber,
  createdAt: at(createdAt),
  reason: 'proper_quality',
  items: [{ sku, size: null, quantity: 1, reason: null }],
});

function deps(summaries: OrderReturnSummary[], now = '2025-03-08T12:00:00Z') {
  const updates = { ...fakeUpdates({}), orderReturns: async () => summaries };
  const order = specOrder();
  return { ...reviewDeps(updates, at(now)), orders: { find: async (n: string) => (n === order.orderNumber ? order : null) } };
}

describe('loadReviewCheck', () => {
  const skirt = application({}, [{ sku: 'SK-4000', quantity: '1' }]);
  const self = { returnNumber: 'R-SKIRT', createdAt: at('2025-03-07T10:00:00Z') };

  it('the review page and its refund amount ignore earlier returns: the skirt after the T-shirt pre-fills 4,000 ₽, as the pipeline said, not 1,500 ₽', async () => {
    const check = await loadReviewCheck(deps([summary('R-TSHIRT', '2025-03-06T10:00:00Z', 'TS-3000'), summary('R-SKIRT', '2025-03-07T10:00:00Z', 'SK-4000')]), skirt, self);
    expect(check.decision.refund?.total).toBe(400000);
    expect(check.decision.refund?.earlierRefunded).toBe(50000);
  });

  it('a return made after this one is not an earlier return: its discount loss is its own', async () => {
    const check = await loadReviewCheck(deps([summary('R-SKIRT', '2025-03-07T10:00:00Z', 'SK-4000'), summary('R-TSHIRT', '2025-03-07T11:00:00Z', 'TS-3000')]), skirt, self);
    expect(check.decision.refund?.total).toBe(150000);
  });

  it('warns that an item was already returned by another return of the order', async () => {
    const check = await loadReviewCheck(deps([summary('R-OTHER', '2025-03-06T10:00:00Z', 'SK-4000')]), skirt, self);
    expect(check.decision.reasons).toContainEqual(expect.objectContaining({ code: 'already_returned' }));
    expect(check.flagged['items[0].quantity']).toEqual([expect.stringContaining('already returned')]);
  });

  it('the window is counted from the moment of processing, not of arrival: a review days later judges the arrival day', async () => {
    // Delivered 2025-03-05; the application reached the mailbox at 23:50 Moscow time on the 12th, day 7.
    const arrived = { ...self, receivedAt: at('2025-03-12T20:50:00Z') };
    const late = await loadReviewCheck(deps([], '2025-03-20T09:00:00Z'), skirt, arrived);
    expect(late.decision.reasons.map((r) => r.code)).not.toContain('out_of_window');
    const dayEight = await loadReviewCheck(deps([], '2025-03-20T09:00:00Z'), skirt, { ...self, receivedAt: at('2025-03-12T21:10:00Z') });
    expect(dayEight.decision.reasons.map((r) => r.code)).toContain('out_of_window');
  });

  it('shipping is never in the refund: a defect return refunds the order shipping and the postage read off the receipt', async () => {
    const order = specOrder({ discounts: [], shippingPaid: 50000 });
    const withOrder = { ...deps([]), orders: { find: async () => order } };
    const defect = application({ reason: 'defect' }, [{ sku: 'SK-4000', quantity: '1' }]);
    const noReceipt = await loadReviewCheck(withOrder, defect, self);
    expect(noReceipt.decision.refund?.shipping).toMatchObject({ eligible: true, amount: 0 });
    expect(noReceipt.decision.refund?.total).toBe(400000);
    const withReceipt = await loadReviewCheck(withOrder, defect, { ...self, returnShippingCost: 30000 });
    expect(withReceipt.decision.refund?.shipping).toMatchObject({ eligible: true, receiptPresent: true, amount: 80000 });
    expect(withReceipt.decision.refund?.total).toBe(480000);
    // The receipt photo alone (no amount yet) releases the order's shipping.
    const photoOnly = await loadReviewCheck(withOrder, defect, { ...self, receiptReceivedAt: at('2025-03-07T12:00:00Z') });
    expect(photoOnly.decision.refund?.shipping.amount).toBe(50000);
  });
});

