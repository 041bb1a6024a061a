// Where orders are looked up: the database (after `intake orders import`) or a shop's HTTP API (ORDERS_URL).
import type { Order } from '../order.ts';

export interface Orders {
  /** null when no such order exists; throws AppError('transport_failed') when the source is down. */
  find(orderNumber: string): Promise<Order | null>;
  /**
   * The orders of a buyer known by any of these (e-mail lower case, phone E.164, name as written), so an order
   * can be found when its number was misread or not given. Absent when the source can look up only by number.
   */
  ofCustomer?(contact: CustomerContact): Promise<Order[]>;
}

export interface CustomerContact {
  emails: string[];
  phones: string[];
  names: string[];
}
