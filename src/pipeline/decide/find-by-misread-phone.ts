// A handwritten phone read with one slip ("+7953300586": a digit lost; "8 909 62? 36 52": one unreadable) names
// no buyer exactly, and the shop's orders are looked up by exact contact values. Its alternatives — every way of
// undoing one slip — are few enough to look up at once; an order whose buyer's phone is among them is theirs only
// when something else on the paper agrees with it too (an item line, the delivery date, the name), since one
// slip in ten digits may also land on some other customer's phone.
import type { ParsedApplication } from '../../domain/application.ts';
import type { Order } from '../../domain/order.ts';
import type { Orders } from '../../domain/ports/orders.ts';
import { dateIn, nationalPlaces, phoneIn } from './choose-from-unread.ts';
import { nameResembles } from './resembles-buyer.ts';

/** Russian numbers only: the country code the alternatives are written with (E.164, as orders store phones). */
const COUNTRY = '+7';

export async function orderOfMisreadPhone(
  application: ParsedApplication,
  orders: Orders,
  options: { minConfidence: number; linesFit: (order: Order) => number },
): Promise<Order | undefined> {
  if (!orders.ofCustomer) return undefined;
  const phone = application.fields.phone;
  const texts = [
    ...(phone && phone.confidence < options.minConfidence ? [phone.value] : []),
    ...unreadTexts(application, 'phone'),
  ];
  const alternatives = [...new Set(texts.flatMap((t) => phoneAlternatives(t)))];
  if (alternatives.length === 0) return undefined;
  const found = await orders.ofCustomer({ emails: [], phones: alternatives, names: [] });
  const fitting = new Map<string, Order>();
  for (const order of found) {
    const known = order.customerPhone;
    if (known && texts.some((t) => phoneIn(t, known)) && corroborated(application, order, options.linesFit)) fitting.set(order.orderNumber, order);
  }
  return fitting.size === 1 ? [...fitting.values()][0] : undefined;
}

/** Every phone one slip away from the reading: a digit changed, added, dropped, or the one unreadable place filled. */
export function phoneAlternatives(text: string): string[] {
  const places = nationalPlaces(text);
  const unknown = [...places].filter((c) => !/\d/.test(c)).length;
  const out = new Set<string>();
  const digits = '0123456789';
  if (unknown === 1 && places.length === 10) {
    for (const d of digits) out.add(places.replace(/\D/, d));
  } else if (unknown === 0 && places.length === 10) {
    for (let i = 0; i < 10; i++) for (const d of digits) out.add(`${places.slice(0, i)}${d}${places.slice(i + 1)}`);
  } else if (unknown === 0 && places.length === 9) {
    for (let i = 0; i <= 9; i++) for (const d of digits) out.add(`${places.slice(0, i)}${d}${places.slice(i)}`);
  } else if (unknown === 0 && places.length === 11) {
    for (let i = 0; i < 11; i++) out.add(`${places.slice(0, i)}${places.slice(i + 1)}`);
  }
  return [...out].map((national) => `${COUNTRY}${national}`);
}

/** Something besides the phone says this is the order: one of its lines, its delivery date, or its buyer's name. */
function corroborated(application: ParsedApplication, order: Order, linesFit: (order: Order) => number): boolean {
  const { receivedDate, fullName } = application.fields;
  const delivered = order.deliveryDate;
  const dateAgrees = delivered !== undefined && (receivedDate?.value === delivered || unreadTexts(application, 'receivedDate').some((t) => dateIn(t, delivered)));
  const nameAgrees = fullName !== undefined && order.customerName !== undefined && nameResembles(fullName.value, order.customerName);
  return dateAgrees || nameAgrees || linesFit(order) > 0;
}

function unreadTexts(application: ParsedApplication, field: string): string[] {
  return application.problems.filter((p) => p.field === field && p.code === 'invalid_value').flatMap((p) => (p.read ?? []).map((r) => r.text));
}
