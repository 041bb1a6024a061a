// The Orders port over a shop's HTTP API (ORDERS_URL): GET {base}/orders/{number} returns one Order as JSON
// (money in kopecks), 404 when there is no such order.
import { AppError } from '../../domain/app-error.ts';
import { OrderSchema } from '../../domain/order.ts';
import type { Orders } from '../../domain/ports/orders.ts';
import { formatZodIssues } from '../../domain/policy/format-zod-issues.ts';

/** A shop API slower than this is treated as down: the message is retried later rather than holding a worker. */
export const ORDERS_TIMEOUT_MS = 5_000;

export function createHttpOrders(baseUrl: string, fetch: typeof globalThis.fetch = globalThis.fetch, timeoutMs = ORDERS_TIMEOUT_MS): Orders {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async find(orderNumber) {
      const url = `${base}/orders/${encodeURIComponent(orderNumber)}`;
      let response: Response;
      try {
        response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
      } catch (cause) {
        const what = (cause as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (cause as Error).message;
        throw new AppError('transport_failed', `Orders API ${url}: ${what}`, { cause });
      }
      if (response.status === 404) return null;
      if (!response.ok) throw new AppError('transport_failed', `Orders API ${url}: HTTP ${response.status}`);
      let body: unknown;
      try {
        body = await response.json();
      } catch (cause) {
        throw new AppError('transport_failed', `Orders API ${url}: response is not JSON`, { cause });
      }
      const parsed = OrderSchema.safeParse(body);
      if (!parsed.success) {
        throw new AppError('transport_failed', `Orders API ${url}: not a valid order: ${formatZodIssues(parsed.error.issues, body).join('; ')}`);
      }
      if (normalise(parsed.data.orderNumber) !== normalise(orderNumber)) {
        // A proxy or a buggy search endpoint answering with another order must not decide this return.
        throw new AppError('transport_failed', `Orders API ${url}: answered with order ${parsed.data.orderNumber}`);
      }
      return parsed.data;
    },
  };
}

function normalise(orderNumber: string): string {
  return orderNumber.replace(/\s+/g, '').toUpperCase();
}
