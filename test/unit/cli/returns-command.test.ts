import { describe, expect, it } from 'vitest';
import { toJson } from '../../../src/cli/returns-command.ts';
import type { ListedReturn } from '../../../src/domain/ports/return-listing.ts';

const listed = (decision: ListedReturn['decision']): ListedReturn => ({
  returnNumber: 'R-4K7M-9QX3',
  state: decision.state,
  messageId: '<m1@example.ru>',
  application: { source: 'm.eml', fields: { orderNumber: { value: 'A-1001', confidence: 0.97, source: 'order', readConfidence: 0.8 } }, items: [], problems: [] },
  decision,
  trackingNumber: null,
});

describe('intake returns list --json: one return', () => {
  it('prints the stable keys, the refund in roubles for an approval, each value with its source', () => {
    const json = toJson(listed({ status: 'approved', state: 'awaiting_shipment', reasons: [], refund: { total: 150_000 } }));
    expect(Object.keys(json)).toEqual(['returnNumber', 'state', 'messageId', 'application', 'decision', 'refund', 'trackingNumber']);
    expect(json.refund).toBe('1500.00');
    expect(json.application.fields.orderNumber).toMatchObject({ value: 'A-1001', confidence: 0.97, source: 'order' });
    expect(json.decision).toEqual({ status: 'approved', reasons: [] });
  });

  it('owes no refund for a return under review, whatever was computed for the agent', () => {
    const reasons = [{ code: 'low_confidence', field: 'reason', message: 'reason read with confidence 0.80' }];
    const json = toJson(listed({ status: 'needs_review', state: 'needs_review', reasons, refund: { total: 150_000 } }));
    expect(json).not.toHaveProperty('refund');
    expect(json.decision.reasons).toEqual(reasons);
  });
});
