// The Orders port over orders already in memory (an imported file, or a test's fixtures).
import type { Order } from '../../domain/order.ts';
import type { Orders } from '../../domain/ports/orders.ts';

export function createMemoryOrders(orders: readonly Order[]): Orders {
  const byNumber = new Map(orders.map((o) => [o.orderNumber, o]));
  return { find: async (orderNumber) => byNumber.get(orderNumber) ?? null };
}
