// The samples were written on fixed days in March 2025; a return window is 7 days, so by now every one of them
// is late. To try the service today, a sample is replayed with every date moved by the same number of days:
// the order, the application's dates and the arrival keep their distances, so the decision is the one the
// sample's ground truth records for its own day (expect.asOf).
import { addIsoDays } from '../../domain/iso-date-math.ts';
import type { Order } from '../../domain/order.ts';
import { isIsoDate } from '../../pipeline/decide/iso-date.ts';

export function shiftOrder(order: Order, days: number): Order {
  return {
    ...order,
    orderDate: addIsoDays(order.orderDate, days),
    ...(order.deliveryDate !== undefined ? { deliveryDate: addIsoDays(order.deliveryDate, days) } : {}),
  };
}

/** Dates as customers type them in a body (`09.03.2025`) or as ISO days, moved by `days`; other text untouched. */
export function shiftTextDates(text: string, days: number): string {
  return text
    .replace(/\b(\d{2})\.(\d{2})\.(\d{4})\b/g, (whole, d: string, m: string, y: string) => {
      const iso = `${y}-${m}-${d}`;
      if (!isIsoDate(iso)) return whole;
      const [yy, mm, dd] = addIsoDays(iso, days).split('-');
      return `${dd}.${mm}.${yy}`;
    })
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso: string) => (isIsoDate(iso) ? addIsoDays(iso, days) : iso));
}

/** Whole days from one ISO day to another. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
