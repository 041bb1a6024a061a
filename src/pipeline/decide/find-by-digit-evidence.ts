// A hand-filled form whose order number, phone and dates all came out with slips ("96Y6/Z9", "+79318943578" for
// 5636/25 and +79378993578) names no order exactly, and no single field is near enough to look the order up by.
// Together they are: every digit read in place is evidence for an order holding that digit there, every digit
// read otherwise a little against it. Orders are proposed by the number's unreadable places filled in and by the
// phone with up to two slips; each is weighed by all its digits at once, and one is taken only when the paper
// points to it by a wide margin over every other order proposed, and its buyer's phone and its number each point
// to it on their own: the number's digits tell one of a buyer's orders from another, the phone one buyer from another
// (another buyer's order is never taken for a misread number, nor another order of the buyer for a misread phone).
import type { ParsedApplication } from '../../domain/application.ts';
import type { Order } from '../../domain/order.ts';
import type { Orders } from '../../domain/ports/orders.ts';
import { codeShape } from '../../domain/validation/code-shape.ts';
import { digitPlaces, nationalPlaces } from './choose-from-unread.ts';

/**
 * How often a handwritten digit in a comb cell is read right: on our form filled in by hand 84–89 % of cells
 * (docs/accuracy.md), lower for the cursive hands this is for. A digit read in place is then RIGHT / 0.1 times
 * likelier if this is the order than if it is not; one read otherwise (1 − RIGHT) / 0.9 times.
 */
const RIGHT = 0.75;
const AGREE = Math.log(RIGHT / 0.1);
const DISAGREE = Math.log((1 - RIGHT) / 0.9);
/**
 * The evidence (natural log of the likelihood ratio) an order must reach: a shop of a million orders, one of them
 * this one a priori, and then a hundred to one for it — about nine digits in place more than out of place.
 */
export const ENOUGH = Math.log(1e6) + Math.log(100);
/** …and this far ahead of every other order proposed (a hundred to one against the runner-up). */
export const MARGIN = Math.log(100);
/** A field points to the order when more of its digits are in place than not, by at least two. */
const FIELD_AGREES = 2 * AGREE + DISAGREE;
/** Fields that must each point to the order: the number (which order) and the phone (whose). */
const REQUIRED = ['orderNumber', 'phone'];
/** At most this many places of the number are filled in by every digit (10^2 look-ups), and this many slips in a phone. */
const MAX_UNKNOWN_PLACES = 2;
const MAX_PHONE_SLIPS = 2;
/** Russian numbers only, as orders store them (E.164). */
const COUNTRY = '+7';

export interface DigitEvidence {
  order: Order;
  score: number;
  /** Fields whose digits point to the order. */
  fields: string[];
}

/** The one order the paper's digits point to clearly, or undefined. */
export async function orderByDigitEvidence(
  application: ParsedApplication,
  orders: Orders,
  options: { minConfidence: number; /** Orders already proposed by other means (the number as read). */ proposed?: readonly Order[] },
): Promise<DigitEvidence | undefined> {
  const found = await proposedOrders(application, orders, options.minConfidence);
  const candidates = [...new Map([...(options.proposed ?? []), ...found].map((o) => [o.orderNumber, o])).values()];
  const ranked = candidates.map((order) => weighOrder(application, order)).sort((a, b) => b.score - a.score);
  const [best, second] = ranked;
  if (!best || best.score < ENOUGH || !REQUIRED.every((f) => best.fields.includes(f))) return undefined;
  if (second && best.score - second.score < MARGIN) return undefined;
  return best;
}

/** Orders the number (its unreadable places filled in) or the phone (up to two slips) could be. */
async function proposedOrders(application: ParsedApplication, orders: Orders, minConfidence: number): Promise<Order[]> {
  const found = new Map<string, Order>();
  const number = application.fields.orderNumber;
  if (number && number.confidence < minConfidence) {
    // Each alternative is one look-up: a shop API that finds orders only by number (no ofCustomer) is asked ten times
    // at most, a local store a hundred.
    for (const alternative of numberAlternatives(number.value, orders.ofCustomer ? MAX_UNKNOWN_PLACES : 1)) {
      const order = await orders.find(alternative);
      if (order) found.set(order.orderNumber, order);
    }
  }
  if (orders.ofCustomer) {
    const phones = [...new Set(phoneTexts(application, minConfidence).flatMap((t) => phoneNeighbours(t)))];
    if (phones.length > 0) for (const order of await orders.ofCustomer({ emails: [], phones, names: [] })) found.set(order.orderNumber, order);
  }
  return [...found.values()];
}

/** The number as read, with each place that is a letter where a digit could be (at most two) filled in by every digit. */
export function numberAlternatives(read: string, maxUnknown = MAX_UNKNOWN_PLACES): string[] {
  const number = read.replace(/\s+/g, '');
  const unknown = [...number].flatMap((c, i) => (/\p{L}/u.test(c) ? [i] : []));
  if (unknown.length === 0 || unknown.length > maxUnknown || !/\d/.test(number)) return [];
  let out = [number];
  for (const at of unknown) out = out.flatMap((n) => [n, ...'0123456789'.split('').map((d) => `${n.slice(0, at)}${d}${n.slice(at + 1)}`)]);
  return out.filter((n) => n !== number);
}

/** Every phone at most two digits away from a reading of ten national places (a place read as no digit is one of them). */
export function phoneNeighbours(text: string): string[] {
  const places = nationalPlaces(text);
  if (places.length !== 10) return [];
  const unknown = [...places].filter((c) => !/\d/.test(c)).length;
  if (unknown > MAX_PHONE_SLIPS) return [];
  let out = new Set<string>([places]);
  for (let slip = 0; slip < MAX_PHONE_SLIPS; slip++) {
    const next = new Set(out);
    for (const p of out) for (let i = 0; i < 10; i++) for (const d of '0123456789') next.add(`${p.slice(0, i)}${d}${p.slice(i + 1)}`);
    out = next;
  }
  return [...out].filter((p) => /^\d{10}$/.test(p) && [...p].filter((c, i) => c !== places[i]).length <= MAX_PHONE_SLIPS).map((p) => `${COUNTRY}${p}`);
}

/** How strongly the paper's digits point to the order, field by field. */
export function weighOrder(application: ParsedApplication, order: Order): DigitEvidence {
  const scores: Array<[string, number]> = [];
  const number = application.fields.orderNumber?.value;
  if (number) scores.push(['orderNumber', numberScore(number, order.orderNumber)]);
  if (order.customerPhone) scores.push(['phone', Math.max(0, ...phoneTexts(application, 1).map((t) => phoneScore(t, order.customerPhone!)))]);
  if (order.deliveryDate) scores.push(['receivedDate', Math.max(0, ...dateTexts(application, 'receivedDate').map((t) => dayMonthScore(t, order.deliveryDate!)))]);
  scores.push(['orderDate', Math.max(0, ...dateTexts(application, 'orderDate').map((t) => dayMonthScore(t, order.orderDate)))]);
  return {
    order,
    score: scores.reduce((sum, [, s]) => sum + s, 0),
    fields: scores.filter(([, s]) => s >= FIELD_AGREES).map(([f]) => f),
  };
}

/** Digits in place and out of place, a place that is no digit on either side counting for nothing. */
function placesScore(read: string, known: string): number {
  let score = 0;
  for (let i = 0; i < read.length; i++) {
    if (!/\d/.test(read[i]!) || !/\d/.test(known[i] ?? '')) continue;
    score += read[i] === known[i] ? AGREE : DISAGREE;
  }
  return score;
}

/** The number's shape (look-alikes folded, separators dropped) place by place; of another length, no evidence. */
function numberScore(read: string, known: string): number {
  const [a, b] = [codeShape(read), codeShape(known)];
  return a.length === b.length ? placesScore(a, b) : 0;
}

/** The phone's national places after the first (a mobile's leading 9 tells no buyer from another). */
function phoneScore(text: string, phone: string): number {
  const places = nationalPlaces(text);
  const national = phone.replace(/\D/g, '').slice(-10);
  return places.length === 10 && national.length === 10 ? placesScore(places.slice(1), national.slice(1)) : 0;
}

/** The day and month of a date written day first, year first, or as read (ISO); the year tells one order from another little. */
function dayMonthScore(text: string, isoDate: string): number {
  const [y, m, d] = isoDate.split('-') as [string, string, string];
  const places = digitPlaces(text);
  if (places.length !== 8) return 0;
  const dayFirst = places.slice(4) === y || !places.startsWith(y.slice(0, 2));
  const read = dayFirst ? places.slice(0, 4) : `${places.slice(6, 8)}${places.slice(4, 6)}`;
  return placesScore(read, `${d}${m}`);
}

/** The phone read, and any text beside the phone label that could not be read as one. */
function phoneTexts(application: ParsedApplication, minConfidence: number): string[] {
  const phone = application.fields.phone;
  return [...(phone && phone.confidence < minConfidence ? [phone.value] : []), ...unreadTexts(application, 'phone')];
}

function dateTexts(application: ParsedApplication, field: 'receivedDate' | 'orderDate'): string[] {
  const value = application.fields[field];
  return [...(value && value.source !== 'order' ? [value.value] : []), ...unreadTexts(application, field)];
}

function unreadTexts(application: ParsedApplication, field: string): string[] {
  return application.problems.filter((p) => p.field === field && p.code === 'invalid_value').flatMap((p) => (p.read ?? []).map((r) => r.text));
}
