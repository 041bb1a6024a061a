// Orders as a JSON array of Order objects (money in kopecks, as in src/domain/order.ts).
import { OrderSchema, type Order } from '../../domain/order.ts';
import { formatZodIssues } from '../../domain/policy/format-zod-issues.ts';
import type { OrdersParseResult } from './parse-orders-csv.ts';

export function parseOrdersJson(json: string): OrdersParseResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { orders: [], errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  if (!Array.isArray(data)) return { orders: [], errors: ['expected an array of orders'] };
  const orders: Order[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  data.forEach((entry: unknown, index) => {
    const parsed = OrderSchema.safeParse(entry);
    if (!parsed.success) {
      errors.push(...formatZodIssues(parsed.error.issues, entry).map((m) => `orders[${index}]: ${m}`));
    } else if (seen.has(parsed.data.orderNumber)) {
      errors.push(`orders[${index}]: order ${parsed.data.orderNumber} appears more than once`);
    } else {
      seen.add(parsed.data.orderNumber);
      orders.push(parsed.data);
    }
  });
  return { orders, errors };
}
