// Orders kept in our own database: filled by `intake orders import`, read through the Orders port.
import type { Order } from '../order.ts';
import type { Orders } from './orders.ts';

export interface UpsertOrdersResult {
  created: number;
  updated: number;
}

export interface OrderRepository extends Orders {
  /** Inserts or replaces each order (lines and discounts included) by orderNumber; importing twice changes nothing. */
  upsertOrders(orders: Order[]): Promise<UpsertOrdersResult>;
}
