// Finds the order an application is about from all the evidence, not from the order number alone. A number read
// confidently is taken as written: found, or `order_not_found`. A number read with doubt, or none at all, is
// looked for among the buyer's own orders (picked by the sender's address and the e-mail, phone and name on the
// form): one or two symbols off, OCR look-alikes or a missing prefix still find it, and the item lines decide
// between the buyer's orders. Two orders that fit equally well are named to a person, never chosen between.
import type { ParsedApplication } from '../../domain/application.ts';
import type { DecisionReason } from '../../domain/decision.ts';
import type { Order } from '../../domain/order.ts';
import type { CustomerContact, Orders } from '../../domain/ports/orders.ts';
import { boundedEditDistance, codeShape } from '../../domain/validation/code-shape.ts';
import { reason } from './decision-reasons.ts';
import { matchLines } from './match-lines.ts';
import { resemblesBuyer } from './resembles-buyer.ts';
import { orderOfMisreadPhone } from './find-by-misread-phone.ts';
import { orderByDigitEvidence } from './find-by-digit-evidence.ts';

/** "One or two symbols off": further than that, a number is some other order's. */
const MAX_NUMBER_EDITS = 2;
/** An order number longer than this is a misread run of digits; its alternatives are not looked up one by one. */
const MAX_NUMBER_LENGTH = 16;

export type OrderLookup =
  /** `digits`: no field named the order, all the paper's digits together did (find-by-digit-evidence.ts): probable, never certain. */
  | { kind: 'found'; order: Order; by: 'number' | 'misread_number' | 'customer' | 'digits'; message: string }
  | { kind: 'not_found'; reasons: DecisionReason[] };

export async function findOrder(
  application: ParsedApplication,
  orders: Orders,
  options: { minConfidence: number; senders?: readonly string[] },
): Promise<OrderLookup> {
  const number = application.fields.orderNumber;
  const exact = number ? await orders.find(number.value) : null;
  const confident = number !== undefined && number.confidence >= options.minConfidence;
  // A doubtful number that is some order's exactly is that order only when its buyer resembles the applicant: where
  // every number near it exists (a busy shop's), one misread digit lands on another buyer's order. Otherwise the
  // paper's digits weigh it against the other orders they propose, and what is taken is probable, not certain.
  if (exact && !confident && !resemblesBuyer(application, exact, options.senders ?? [])) {
    const weighed = await orderByDigitEvidence(application, orders, { minConfidence: options.minConfidence, proposed: [exact] });
    if (weighed) return { kind: 'found', order: weighed.order, by: 'digits', message: byDigitsMessage(weighed.order) };
    return { kind: 'found', order: exact, by: 'digits', message: `Order ${exact.orderNumber} has the number as read, "${number!.value}", but its buyer is not recognisable on the paper: probable, not certain.` };
  }
  if (exact) return { kind: 'found', order: exact, by: 'number', message: `Order ${exact.orderNumber} found by its number.` };
  if (number && confident) {
    return { kind: 'not_found', reasons: [reason('order_not_found', `Order ${number.value} was not found.`, 'orderNumber')] };
  }

  const contact = contactOf(application, options.senders ?? []);
  const theirs = orders.ofCustomer ? await orders.ofCustomer(contact) : [];
  const ranked = theirs
    .map((order) => ({ order, number: number ? numberFit(number.value, order.orderNumber) : 0, lines: linesFit(application, order, options.minConfidence) }))
    // A number that was read must still resemble the order's, unless it was read with doubt (handwritten digits can
    // all be misread) and every item line is the order's; without a number, every item line must be the order's.
    .filter((c) => (number && (c.number > 0 || confident) ? c.number > 0 : c.lines === application.items.length && c.lines > 0))
    .sort((a, b) => b.number - a.number || b.lines - a.lines);
  const best: { order: Order; number: number; lines: number; only?: boolean } | undefined = ranked[0] ?? onlyOrderOfSender(application, theirs, options.senders ?? [], options.minConfidence);
  // Nothing of the buyer's found by their exact contact (their name misread too): the number's one-digit
  // alternatives, each an order only when its buyer resembles the applicant.
  const misread = !best && number && !confident ? await oneDigitOff(application, number.value, orders, options.senders ?? []) : undefined;
  if (misread && number) return { kind: 'found', order: misread, by: 'misread_number', message: `Order number "${number.value}" read as ${misread.orderNumber}: one digit off, and its buyer resembles the applicant.` };
  // No number to go on, and no buyer known exactly: a phone read with one slip, when something else agrees.
  const byPhone = !best && !misread && !confident && theirs.length === 0 ? await orderOfMisreadPhone(application, orders, { minConfidence: options.minConfidence, linesFit: (o) => linesFit(application, o, options.minConfidence) }) : undefined;
  if (byPhone) return { kind: 'found', order: byPhone, by: 'customer', message: `Order ${byPhone.orderNumber} is of the buyer whose phone the form gives with one digit misread, and the paper agrees with it otherwise too.` };
  // Nothing named it alone: the number, the phone and the dates, each with slips, weighed together.
  const byDigits = !best && !misread && !confident ? await orderByDigitEvidence(application, orders, { minConfidence: options.minConfidence }) : undefined;
  if (byDigits) return { kind: 'found', order: byDigits.order, by: 'digits', message: byDigitsMessage(byDigits.order) };
  if (!best) {
    const what = number ? `Order ${number.value} was not found` : 'The application gives no order number';
    const among = theirs.length > 0 ? `, and none of the buyer's ${theirs.length} order(s) fits it.` : ', and no order of this buyer was found.';
    return { kind: 'not_found', reasons: [reason('order_not_found', `${what}${among}`, 'orderNumber')] };
  }
  const ties = ranked.filter((c) => c.number === best.number && c.lines === best.lines);
  if (ties.length > 1) {
    const names = ties.map((c) => c.order.orderNumber).join(', ');
    return { kind: 'not_found', reasons: [reason('order_ambiguous', `Orders ${names} of this buyer fit the application equally well.`, 'orderNumber')] };
  }
  const { order } = best;
  if (best.only) return { kind: 'found', order, by: 'customer', message: `Order ${order.orderNumber} is the only order of the sender ${order.customerEmail}, and an item of the application is one of its lines.` };
  return number
    ? { kind: 'found', order, by: 'misread_number', message: `Order number "${number.value}" read as ${order.orderNumber}, the buyer's order it resembles.` }
    : { kind: 'found', order, by: 'customer', message: `Order ${order.orderNumber} is the buyer's order holding every item of the application.` };
}

function byDigitsMessage(order: Order): string {
  return `Order ${order.orderNumber}: the digits read of the number, the phone and the dates, each with slips, point to it far more than to any other order: probable, not certain.`;
}

/**
 * No number on the paper (or none readable) and item lines read too poorly to all be placed (handwriting): the
 * sender's address is certain, so when the shop holds exactly one order of theirs and at least one item line is
 * clearly one of its lines, that is the order. The other lines stay for the line matching to place or leave.
 */
function onlyOrderOfSender(application: ParsedApplication, theirs: readonly Order[], senders: readonly string[], minConfidence: number) {
  const own = theirs.filter((o) => o.customerEmail !== undefined && senders.some((s) => s.trim().toLowerCase() === o.customerEmail!.trim().toLowerCase()));
  if (application.fields.orderNumber || own.length !== 1 || theirs.length !== 1) return undefined;
  const lines = linesFit(application, own[0]!, minConfidence);
  return lines > 0 ? { order: own[0]!, number: 0, lines, only: true } : undefined;
}

/**
 * The one order whose number is the reading with one digit changed and whose buyer resembles the applicant
 * (resembles-buyer.ts); none, or several, gives undefined. Each alternative is one look-up by number.
 */
async function oneDigitOff(application: ParsedApplication, read: string, orders: Orders, senders: readonly string[]): Promise<Order | undefined> {
  const number = read.replace(/\s+/g, '');
  if (number.length > MAX_NUMBER_LENGTH || !/\d/.test(number)) return undefined;
  const found = new Map<string, Order>();
  for (let i = 0; i < number.length; i++) {
    if (!/\d/.test(number[i]!)) continue;
    for (let d = 0; d <= 9; d++) {
      const alternative = `${number.slice(0, i)}${d}${number.slice(i + 1)}`;
      if (alternative === number) continue;
      const order = await orders.find(alternative);
      if (order && resemblesBuyer(application, order, senders)) found.set(order.orderNumber, order);
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** Who the buyer is: the sender's address is certain; what the form says only proposes orders to check. */
function contactOf(application: ParsedApplication, senders: readonly string[]): CustomerContact {
  const { email, phone, fullName } = application.fields;
  const emails = [...new Set([...senders, ...(email ? [email.value] : [])].map((e) => e.trim().toLowerCase()))];
  return { emails, phones: phone ? [phone.value] : [], names: fullName ? [fullName.value] : [] };
}

/** 3: the same up to look-alikes; 2: a prefix missing, or one symbol off; 1: two symbols off; 0: another number. */
export function numberFit(read: string, actual: string): number {
  const [a, b] = [codeShape(read), codeShape(actual)];
  if (a === '' || b === '') return 0;
  if (a === b) return 3;
  // "33882" for "LH-33882": the digits are all there, the letters before them were not written or not read.
  if (b.endsWith(a) && /^[A-Z]+$/.test(b.slice(0, b.length - a.length))) return 2;
  const edits = boundedEditDistance(a, b, MAX_NUMBER_EDITS);
  // Two edits in a short number leave too little of it to recognise.
  if (edits === 1 && b.length >= 4) return 2;
  if (edits === 2 && b.length >= 6) return 1;
  return 0;
}

function linesFit(application: ParsedApplication, order: Order, minConfidence: number): number {
  return matchLines(application.items, order.lines, minConfidence).filter((m) => m.line !== null).length;
}
