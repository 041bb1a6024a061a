// The order completes and confirms the application. What the paper does not state but the order does (the
// delivery date, an item's SKU, size and price, the buyer's name and phone) is taken from the order; what the
// paper states and the order repeats is confirmed (its confidence raised, the reading's own kept). Both say so
// with `source: "order"`. A value the paper states confidently and the order contradicts goes to a person with
// both values named; one read with doubt that the order contradicts is the order's, and the reading is listed
// among the corrections. Item lines are the order lines match-lines.ts matched them to clearly, or stay unmatched.
import type { FieldKey, FieldValue, Fields, Item, ItemKey, ParsedApplication } from '../../domain/application.ts';
import type { DecisionReason } from '../../domain/decision.ts';
import { toRoublesString } from '../../domain/money/money.ts';
import type { Order, OrderLine } from '../../domain/order.ts';
import { codeShape } from '../../domain/validation/code-shape.ts';
import { reason } from './decision-reasons.ts';
import { matchLines, sharedWords } from './match-lines.ts';
import { isOrdersCustomer } from './match-order.ts';
import { containedResemblance, foldLetters } from './resemblance.ts';
import { emailResembles, nameResembles, phoneResembles, resemblesBuyer } from './resembles-buyer.ts';
import { dateFittingOrder } from './date-fitting-order.ts';
import { chooseFromUnread, recogniseCells } from './choose-from-unread.ts';

/** Confidence of a value the order supplies or repeats: above any unchecked OCR reading, below an exact text layer. */
export const ORDER_CONFIRMED = 0.97;
/**
 * An item line placed only because its values lean towards one order line (resemble-lines.ts): what the order
 * fills in is probably right, but below the confidence that decides without a person.
 */
const RESEMBLED_WEAKLY = 0.85;
/**
 * The buyer's name or phone chosen for a doubtful reading that resembles it. Not confident: a relative with a
 * similar name may be the one returning the goods, and the order must not vouch for the applicant on its own.
 */
const RESEMBLED_KNOWN = 0.85;
/** A name read this near the line's name is the line's name, misread (resemblance.ts). */
const NAME_RESEMBLES = 0.7;

export interface Correction {
  /** `orderNumber`, `receivedDate`, `items[0].sku`, … */
  field: string;
  from: string;
  to: string;
  message: string;
}

export interface Completion {
  application: ParsedApplication;
  /** Disagreements a person must settle, and item lines that are no order line clearly. */
  reasons: DecisionReason[];
  corrections: Correction[];
}

/**
 * `latest`: the last day the application can have been signed (the e-mail's day, or the day it is decided).
 * `probable`: the order was found by the paper's digits weighed together, not named by any one value
 * (find-by-digit-evidence.ts): what it gives or confirms is probably right, and stays below confident.
 */
export function completeFromOrder(application: ParsedApplication, order: Order, minConfidence: number, options: { latest?: string; probable?: boolean } = {}): Completion {
  const reasons: DecisionReason[] = [];
  const corrections: Correction[] = [];

  /** Settles one value against what the order says; returns the value to keep (undefined: none). */
  const settle = (field: string, read: FieldValue | undefined, ordered: string | undefined, agree: (a: string, b: string) => boolean): FieldValue | undefined => {
    if (ordered === undefined || ordered === '') return read;
    if (read === undefined) return { value: ordered, confidence: ORDER_CONFIRMED, source: 'order' };
    if (read.source === 'agent') return read; // a person's correction is not second-guessed by the machine
    if (agree(read.value, ordered)) {
      // The same up to OCR look-alikes or spelling: the order's spelling is kept, and the change is shown.
      if (read.value !== ordered && read.source !== 'order') corrections.push({ field, from: read.value, to: ordered, message: `${field} "${read.value}" is the order's "${ordered}".` });
      return confirmed(read, ordered);
    }
    if (read.confidence >= minConfidence) {
      reasons.push(reason('order_mismatch', `${field}: the application says "${read.value}", the order ${order.orderNumber} says "${ordered}".`, field));
      return read;
    }
    corrections.push({ field, from: read.value, to: ordered, message: `${field} read as "${read.value}" (confidence ${read.confidence.toFixed(2)}); the order says "${ordered}".` });
    return { ...confirmed(read, ordered), readConfidence: read.confidence, readValue: read.value };
  };

  const fields = { ...application.fields };
  const put = (key: FieldKey, value: FieldValue | undefined) => {
    if (value) fields[key] = value;
  };
  // A phone or date beside its label that could not be read as one may still be recognisably the order's.
  for (const r of chooseFromUnread(application, order, minConfidence)) {
    corrections.push({ field: r.field, from: r.from, to: r.value.value, message: `${r.field}: "${r.from}" could not be read as one, but is recognisably the order's "${r.value.value}".` });
    put(r.field, r.value);
  }
  // The number is confirmed only when the buyer is this order's too: a slip that lands on some other customer's
  // order stays unconfirmed (and match-order.ts reports the mismatch).
  const sameNumber = (a: string, b: string) => codeShape(a) === codeShape(b);
  if (isOrdersCustomer(application, order)) put('orderNumber', settle('orderNumber', fields.orderNumber, order.orderNumber, sameNumber));
  // A buyer only resembling the order's (a handwritten name misread), or the number among the digits that found
  // the order, makes the number probable, not certain.
  else if (fields.orderNumber && (resemblesBuyer(application, order) || options.probable)) put('orderNumber', below(settle('orderNumber', fields.orderNumber, order.orderNumber, sameNumber), RESEMBLED_KNOWN));
  put('receivedDate', settle('receivedDate', fields.receivedDate, order.deliveryDate, (a, b) => a === b));
  put('orderDate', settle('orderDate', fields.orderDate, order.orderDate, (a, b) => a === b));
  // The application's own date is not the order's to give, but the order rules out days it cannot be.
  const signed = fields.applicationDate;
  const fitting = signed && signed.confidence < minConfidence && !['agent', 'order', 'header'].includes(signed.source ?? '') ? dateFittingOrder(signed.value, order.deliveryDate ?? order.orderDate, options.latest) : undefined;
  if (signed && fitting) {
    corrections.push({ field: 'applicationDate', from: signed.value, to: fitting, message: `applicationDate read as "${signed.value}", a day the order rules out; "${fitting}" is the one date a single digit away that fits it.` });
    put('applicationDate', { ...signed, value: fitting, source: 'order', confidence: Math.max(signed.confidence, RESEMBLED_KNOWN), readConfidence: signed.confidence, readValue: signed.value });
  }
  // Who the buyer is: agreement confirms; a different name or phone is not corrected (another person may be
  // returning the goods), and the customer check in match-order.ts decides whether that matters.
  // A name is confirmed only when the words read are the buyer's name, no more and no fewer: a word the order
  // lacks (a misread, the next line run on) or one missing (a reading cut short) leaves it as read.
  // A doubtful reading that is the buyer's name misread (handwriting) becomes the name, kept below confident.
  const confirmName = (read: FieldValue | undefined): FieldValue | undefined =>
    read && order.customerName && sameNameWords(read.value, order.customerName)
      ? confirmed(read, inOrderSpelling(read.value, order.customerName))
      : (resembleKnown(read, order.customerName, minConfidence, nameResembles) ?? read);
  if (!fields.fullName) put('fullName', settle('fullName', undefined, order.customerName, () => true));
  else put('fullName', confirmName(fields.fullName));
  if (!fields.phone || fields.phone.value === order.customerPhone) put('phone', settle('phone', fields.phone, order.customerPhone, (a, b) => a === b));
  else put('phone', resembleKnown(fields.phone, order.customerPhone, minConfidence, phoneResembles) ?? fields.phone);
  const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (fields.email && order.customerEmail && sameEmail(fields.email.value, order.customerEmail)) put('email', settle('email', fields.email, order.customerEmail, sameEmail));
  else put('email', resembleKnown(fields.email, order.customerEmail, minConfidence, emailResembles));
  put('accountHolder', confirmName(fields.accountHolder));

  const matches = matchLines(application.items, order.lines, minConfidence);
  const items = application.items.map((item, index): Item => {
    const match = matches[index]!;
    if (match.line === null) {
      const label = item.name?.value ?? item.sku?.value ?? `line ${index + 1}`;
      const hint = match.rivals.length > 0 ? ` It fits ${match.rivals.map((l) => order.lines[l]!.sku).join(' and ')} about equally well.` : '';
      reasons.push(reason('item_not_in_order', `Item "${label}" is not clearly a line of order ${order.orderNumber}.${hint}`, `items[${index}]`));
      return item;
    }
    const line = order.lines[match.line]!;
    // A cell that looks like the line's code or price is that value misread: on a line placed on the order's, the
    // order's value is the line's as surely as where the cell was left blank (completeItem), the reading kept.
    const recognised = Object.fromEntries(Object.entries(recogniseCells(application, index, item, line)).map(([key, value]) => [key, { ...value!, confidence: ORDER_CONFIRMED }]));
    const completed = completeItem({ ...recognised, ...item }, index, line, settle, minConfidence);
    return match.resembled === 'weak' ? capOrderValues(completed, RESEMBLED_WEAKLY) : completed;
  });

  if (options.probable) {
    const capped = capOrderValues(fields, RESEMBLED_KNOWN);
    return { application: { ...application, fields: capped, items: items.map((item) => capOrderValues(item, RESEMBLED_KNOWN)) }, reasons, corrections };
  }
  return { application: { ...application, fields, items }, reasons, corrections };
}

function completeItem(
  item: Item,
  index: number,
  line: OrderLine,
  settle: (field: string, read: FieldValue | undefined, ordered: string | undefined, agree: (a: string, b: string) => boolean) => FieldValue | undefined,
  minConfidence: number,
): Item {
  const out: Item = { ...item };
  const put = (key: ItemKey, value: FieldValue | undefined) => {
    if (value) out[key] = value;
  };
  const at = (key: ItemKey) => `items[${index}].${key}`;
  put('sku', settle(at('sku'), item.sku, line.sku, (a, b) => codeShape(a) === codeShape(b)));
  put('name', chooseName(item.name, line.name, minConfidence, (read) => settle(at('name'), read, line.name, () => true)));
  put('size', settle(at('size'), item.size, line.size, (a, b) => a.replace(/\s+/g, '').replaceAll(',', '.').toUpperCase() === b.replace(/\s+/g, '').replaceAll(',', '.').toUpperCase()));
  put('price', settle(at('price'), item.price, toRoublesString(line.unitPrice), (a, b) => Number(a) === Number(b)));
  // How many come back is the customer's to say. Only a line of one leaves no choice; a quantity equal to the
  // ordered one is confirmed, one below it could be a misread and stays as read. On a line of one, a count above it
  // read with doubt is a misread 1 (a pen's flagged 1 read as 4 or 7): the 1, kept below confident with the reading;
  // on a longer line any count up to it could be meant, and the reading stays for the quantity check to report.
  const quantity = item.quantity;
  if (quantity === undefined && line.quantity === 1) put('quantity', { value: '1', confidence: ORDER_CONFIRMED, source: 'order' });
  else if (quantity && quantity.source !== 'agent' && Number(quantity.value) === line.quantity) put('quantity', confirmed(quantity, quantity.value));
  else if (quantity && !['agent', 'order', 'header'].includes(quantity.source ?? '') && quantity.confidence < minConfidence && line.quantity === 1 && Number(quantity.value) > 1) {
    put('quantity', { ...quantity, value: '1', source: 'order', confidence: RESEMBLED_WEAKLY, readConfidence: quantity.confidence, readValue: quantity.value });
  }
  return out;
}

/**
 * A name cut short or worded differently is still this line's name once the line is matched; only the order's full
 * name is filled in where the paper gives none. A doubtful reading (handwriting) that resembles the line's name is
 * that name misread; one that resembles nothing is the line's name too, but not confidently so — the paper may
 * word it otherwise.
 */
function chooseName(read: FieldValue | undefined, ordered: string, minConfidence: number, settle: (read: FieldValue | undefined) => FieldValue | undefined): FieldValue | undefined {
  if (read === undefined || sharedWords(read.value, ordered) >= 0.8) return settle(read);
  if (read.confidence >= minConfidence || read.source === 'agent' || read.source === 'order') return read;
  const settled = settle(read);
  if (settled === undefined || containedResemblance(foldLetters(read.value), foldLetters(ordered)) >= NAME_RESEMBLES) return settled;
  return { ...settled, confidence: Math.min(settled.confidence, RESEMBLED_WEAKLY) };
}

/** A value the order gave or confirmed, kept below `cap`. */
function below(value: FieldValue | undefined, cap: number): FieldValue | undefined {
  return value && value.source === 'order' ? { ...value, confidence: Math.min(value.confidence, cap) } : value;
}

/** Values the order filled in or corrected on a weakly placed line stay below confident. */
function capOrderValues<T extends Item | Fields>(item: T, cap: number): T {
  return Object.fromEntries(
    Object.entries(item).map(([key, value]) => [key, value!.source === 'order' ? { ...value!, confidence: Math.min(value!.confidence, cap) } : value!]),
  ) as T;
}

/** The reading, confirmed by the order: the order's spelling of the value, its source, the reading's confidence kept. */
function confirmed(read: FieldValue, value: string): FieldValue {
  // The sender's own address needs no confirming; an agent's value and an order's value are already settled.
  if (read.source === 'order' || read.source === 'agent' || read.source === 'header') return read;
  return { ...read, value, source: 'order', confidence: Math.max(read.confidence, ORDER_CONFIRMED), readConfidence: read.readConfidence ?? read.confidence };
}

/** The buyer's name or phone as the reading resembles it (resemblance.ts), or undefined when it does not. */
function resembleKnown(read: FieldValue | undefined, known: string | undefined, minConfidence: number, resembles: (read: string, known: string) => boolean): FieldValue | undefined {
  if (!read || !known || read.confidence >= minConfidence || read.source === 'agent' || read.source === 'header' || read.source === 'order') return undefined;
  if (!resembles(read.value, known)) return undefined;
  return { ...read, value: known, source: 'order', confidence: Math.max(read.confidence, RESEMBLED_KNOWN), readConfidence: read.confidence, readValue: read.value };
}

/**
 * The buyer's name as the order spells it when the paper gives its words in the same order ("Фёдоровна" for a
 * read "Федоровна", no full stop a speck left after it); a name written in another order stays as written.
 */
function inOrderSpelling(read: string, ordered: string): string {
  const words = (name: string) => name.toLowerCase().replaceAll('ё', 'е').split(/[^\p{L}]+/u).filter((w) => w.length > 0);
  const [a, b] = [words(read), words(ordered)];
  return a.every((w, i) => w === b[i]) ? ordered : read;
}

/** The same words (at least two), in any order and case: "Иванова Анна Сергеевна" is "АННА ИВАНОВА СЕРГЕЕВНА". */
function sameNameWords(read: string, ordered: string): boolean {
  const words = (name: string) => name.toLowerCase().replaceAll('ё', 'е').split(/[^\p{L}]+/u).filter((w) => w.length > 0).sort();
  const [a, b] = [words(read), words(ordered)];
  return a.length >= 2 && a.length === b.length && a.every((w, i) => w === b[i]);
}
