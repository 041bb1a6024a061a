// The Orders port over orders already in memory (an imported file, or a test's fixtures).
import type { Order } from '../../domain/order.ts';
import type { Orders } from '../../domain/ports/orders.ts';

export function createMemoryOrders(orders: readonly Order[]): Orders {
  const byNumber = new Map(orders.map((o) => [o.orderNumber, o]));
  return {
    find: async (orderNumber) => byNumber.get(orderNumber) ?? null,
    ofCustomer: async ({ emails, phones, names }) =>
      orders.filter(
        (o) =>
          (o.customerEmail !== undefined && emails.includes(o.customerEmail.toLowerCase())) ||
          (o.customerPhone !== undefined && phones.includes(o.customerPhone)) ||
          (o.customerName !== undefined && names.includes(o.customerName)),
      ),
  };
}
