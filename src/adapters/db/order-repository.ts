// Orders in our database (imported from the shop), behind the Orders port. Money stays integer kopecks.
import { OrderSchema, type Order } from '../../domain/order.ts';
import type { OrderRepository, UpsertOrdersResult } from '../../domain/ports/order-repository.ts';
import { guard } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';
import { readJson } from './stored-json.ts';

/** Orders per round trip when importing: one `IN (…)` lookup stays well under SQLite's 32,766 bound parameters. */
const IMPORT_CHUNK = 500;

function orderRows(order: Order) {
  return {
    order: {
      orderNumber: order.orderNumber,
      customerEmail: order.customerEmail ?? null,
      customerName: order.customerName ?? null,
      customerPhone: order.customerPhone ?? null,
      orderDate: order.orderDate,
      deliveryDate: order.deliveryDate ?? null,
      region: order.region,
      shippingPaid: order.shippingPaid,
    },
    lines: order.lines.map((l, position) => ({
      orderNumber: order.orderNumber,
      position,
      sku: l.sku,
      name: l.name,
      size: l.size ?? null,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      madeToOrder: l.madeToOrder,
      category: l.category ?? null,
    })),
    discounts: order.discounts.map((d, position) => ({
      orderNumber: order.orderNumber,
      position,
      code: d.code,
      description: d.description ?? null,
      amount: d.amount,
      conditionMinItems: d.condition?.minItems ?? null,
      conditionMinTotal: d.condition?.minTotal ?? null,
    })),
  };
}

const WITH_LINES = { lines: { orderBy: { position: 'asc' } }, discounts: { orderBy: { position: 'asc' } } } as const;

/** A buyer's most recent orders are the ones a return is about; a shop account with more is looked up by number. */
const MAX_CUSTOMER_ORDERS = 50;
/** Values looked for in one query, well under the parameters one SQLite statement may bind. */
const MAX_VALUES_PER_QUERY = 500;

function slices(values: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let at = 0; at < values.length; at += MAX_VALUES_PER_QUERY) out.push(values.slice(at, at + MAX_VALUES_PER_QUERY));
  return out;
}

type OrderRow = NonNullable<Awaited<ReturnType<DbClient['order']['findUnique']>>> & {
  lines: Array<{ sku: string; name: string; size: string | null; quantity: number; unitPrice: number; madeToOrder: boolean; category: string | null }>;
  discounts: Array<{ code: string; description: string | null; amount: number; conditionMinItems: number | null; conditionMinTotal: number | null }>;
};

function toOrder(row: OrderRow): Order {
  const order = {
    orderNumber: row.orderNumber,
    customerEmail: row.customerEmail ?? undefined,
    customerName: row.customerName ?? undefined,
    customerPhone: row.customerPhone ?? undefined,
    orderDate: row.orderDate,
    deliveryDate: row.deliveryDate ?? undefined,
    region: row.region,
    shippingPaid: row.shippingPaid,
    lines: row.lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      size: l.size ?? undefined,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      madeToOrder: l.madeToOrder,
      category: l.category ?? undefined,
    })),
    discounts: row.discounts.map((d) => ({
      code: d.code,
      description: d.description ?? undefined,
      amount: d.amount,
      condition:
        d.conditionMinItems === null && d.conditionMinTotal === null
          ? undefined
          : { minItems: d.conditionMinItems ?? undefined, minTotal: d.conditionMinTotal ?? undefined },
    })),
  };
  return readJson(OrderSchema, order, `order ${row.orderNumber}`);
}

export function createOrderRepository(db: DbClient): OrderRepository {
  return {
    upsertOrders: (input) =>
      guard('upsertOrders', async (): Promise<UpsertOrdersResult> => {
        // Validated here too: the import file is untrusted, and defaults (region, discounts) must be applied.
        const orders = input.map((o) => OrderSchema.parse(o));
        const result: UpsertOrdersResult = { created: 0, updated: 0 };
        for (let i = 0; i < orders.length; i += IMPORT_CHUNK) {
          const chunk = orders.slice(i, i + IMPORT_CHUNK);
          const numbers = chunk.map((o) => o.orderNumber);
          // Replacing lines and discounts wholesale keeps an order exactly as the latest import says.
          await db.$transaction(async (tx) => {
            const existing = new Set(
              (await tx.order.findMany({ where: { orderNumber: { in: numbers } }, select: { orderNumber: true } })).map(
                (o) => o.orderNumber,
              ),
            );
            await tx.orderLine.deleteMany({ where: { orderNumber: { in: numbers } } });
            await tx.orderDiscount.deleteMany({ where: { orderNumber: { in: numbers } } });
            const rows = chunk.map(orderRows);
            for (const { order } of rows) {
              if (existing.has(order.orderNumber)) {
                await tx.order.update({ where: { orderNumber: order.orderNumber }, data: order });
                result.updated += 1;
              } else {
                await tx.order.create({ data: order });
                existing.add(order.orderNumber); // the same number twice in one file: the later one wins
                result.created += 1;
              }
            }
            await tx.orderLine.createMany({ data: rows.flatMap((r) => r.lines) });
            await tx.orderDiscount.createMany({ data: rows.flatMap((r) => r.discounts) });
          }, { timeout: 60_000 });
        }
        return result;
      }),

    find: (orderNumber) =>
      guard('find order', async (): Promise<Order | null> => {
        const row = await db.order.findUnique({ where: { orderNumber }, include: WITH_LINES });
        return row ? toOrder(row) : null;
      }),

    ofCustomer: ({ emails, phones, names }) =>
      guard('find orders of customer', async (): Promise<Order[]> => {
        // A misread phone is looked for among all its neighbours (thousands of numbers): one query per slice of them,
        // as one statement holds a bounded number of parameters (SQLite's is the lowest).
        const filters = [
          ...slices(emails).map((slice) => ({ customerEmail: { in: slice } })),
          ...slices(phones).map((slice) => ({ customerPhone: { in: slice } })),
          ...slices(names).map((slice) => ({ customerName: { in: slice } })),
        ];
        const found = new Map<string, Order>();
        for (const filter of filters) {
          const rows = await db.order.findMany({ where: filter, include: WITH_LINES, orderBy: { orderDate: 'desc' }, take: MAX_CUSTOMER_ORDERS });
          for (const row of rows) found.set(row.orderNumber, toOrder(row));
        }
        return [...found.values()].sort((a, b) => b.orderDate.localeCompare(a.orderDate)).slice(0, MAX_CUSTOMER_ORDERS);
      }),
  };
}
