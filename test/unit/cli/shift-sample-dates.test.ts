import { describe, expect, it } from 'vitest';
import { daysFrom, shiftOrder, shiftTextDates } from '../../../src/cli/samples/shift-sample-dates.ts';
import { specOrder } from '../pipeline/decide/builders.ts';

describe('shifting a sample to today', () => {
  it('moves typed and ISO dates alike, across month and year ends, and leaves other numbers alone', () => {
    const text = 'Дата заказа: 03.03.2025\nDate received: 2025-12-30\nТелефон: +7 915 611-64-93\nСчёт 40817810606532618803\nне дата: 31.02.2025';
    expect(shiftTextDates(text, 3)).toBe('Дата заказа: 06.03.2025\nDate received: 2026-01-02\nТелефон: +7 915 611-64-93\nСчёт 40817810606532618803\nне дата: 31.02.2025');
  });

  it('moves an order\'s dates and keeps their distance', () => {
    const moved = shiftOrder(specOrder({ orderDate: '2025-03-01', deliveryDate: '2025-03-05' }), daysFrom('2025-03-09', '2026-12-05'));
    expect(moved.orderDate).toBe('2026-11-27');
    expect(moved.deliveryDate).toBe('2026-12-01');
    expect(moved.lines).toEqual(specOrder().lines);
  });
});
