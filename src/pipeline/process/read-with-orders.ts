// `intake parse --orders FILE`: what was read, checked against the shop's orders as the worker checks it — the
// order found from all the evidence (find-order.ts), the values it confirms or corrects marked `source: "order"`.
// What the order adds that the paper does not state is printed apart, under `supplied`, so the result still says
// exactly what the document holds.
import type { Fields, Item, ParsedApplication } from '../../domain/application.ts';
import type { Orders } from '../../domain/ports/orders.ts';
import { completeFromOrder } from '../decide/complete-from-order.ts';
import { fillFromHeader } from '../decide/fill-from-header.ts';
import { findOrder } from '../decide/find-order.ts';

export interface ReadWithOrders extends ParsedApplication {
  /** The order the application was matched to, and how; absent when none could be settled on. */
  order?: { orderNumber: string; foundBy: string };
  /** Values only the order states (`source: "order"`), by field and by item index. */
  supplied?: { fields: Fields; items: Array<{ index: number } & Item> };
  /** What the order contradicts or cannot place, as the decision would report it. */
  orderProblems?: Array<{ code: string; field?: string; message: string }>;
}

export async function readWithOrders(application: ParsedApplication, orders: Orders, options: { minConfidence: number; sender?: string; latest?: string }): Promise<ReadWithOrders> {
  const read = fillFromHeader(application, options.sender);
  const lookup = await findOrder(read, orders, { minConfidence: options.minConfidence, ...(options.sender ? { senders: [options.sender] } : {}) });
  if (lookup.kind === 'not_found') return { ...read, orderProblems: lookup.reasons };
  const completion = completeFromOrder(read, lookup.order, options.minConfidence, { ...(options.latest ? { latest: options.latest } : {}), probable: lookup.by === 'digits' });
  const supplied = (value: { source?: string; readConfidence?: number } | undefined) => value?.source === 'order' && value.readConfidence === undefined;
  const fields: Fields = {};
  const suppliedFields: Fields = {};
  for (const [key, value] of Object.entries(completion.application.fields)) (supplied(value) ? suppliedFields : fields)[key as keyof Fields] = value;
  const items: Item[] = [];
  const suppliedItems: Array<{ index: number } & Item> = [];
  completion.application.items.forEach((item, index) => {
    const own: Item = {};
    const added: Item = {};
    for (const [key, value] of Object.entries(item)) (supplied(value) ? added : own)[key as keyof Item] = value;
    items.push(own);
    if (Object.keys(added).length > 0) suppliedItems.push({ index, ...added });
  });
  return {
    ...completion.application,
    fields,
    items,
    order: { orderNumber: lookup.order.orderNumber, foundBy: lookup.message },
    supplied: { fields: suppliedFields, items: suppliedItems },
    ...(completion.reasons.length > 0 ? { orderProblems: completion.reasons } : {}),
  };
}
