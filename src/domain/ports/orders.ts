// Where orders are looked up: the database (after `intake orders import`) or a shop's HTTP API (ORDERS_URL).
import type { Order } from '../order.ts';

export interface Orders {
  /** null when no such order exists; throws AppError('transport_failed') when the source is down. */
  find(orderNumber: string): Promise<Order | null>;
}
