// A handwritten phone or date that OCR could not read as one ("8 (A946) 531-а3-80", "76.10.2075") is still a
// reading of it: most of its digits are in place, the rest are letters or signs where a digit was. Once the order
// is known, the question is whether the buyer's phone or the delivery date is what stands there — every digit
// read is compared with the known value's, a symbol that is no digit matches any digit but counts as doubt, and
// only a reading with at most a couple of slips is taken. The value then comes from the order (`source: "order"`,
// the text kept as `readValue`) and stays below confident: the paper was not read, only recognised.
import type { FieldKey, FieldValue, Item, ParsedApplication } from '../../domain/application.ts';
import { toRoublesString } from '../../domain/money/money.ts';
import type { Order, OrderLine } from '../../domain/order.ts';
import { codeShape } from '../../domain/validation/code-shape.ts';
import { wholeResemblance } from './resemblance.ts';
import { emailResembles, nameResembles } from './resembles-buyer.ts';

/** A phone or date recognised in text that was not readable as one: probably right, never decisive alone. */
export const RECOGNISED = 0.85;
/** Digits read but different from the known value's (misread, dropped or added ones)… */
const MAX_SLIPS = 2;
/** …and slips plus places where no digit could be read at all. */
const MAX_DOUBTS = 3;

/** A symbol of the reading that is no digit: a handwritten digit OCR took for a letter or a sign. */
const UNKNOWN = '?';
/** What separates digit groups in a phone or a date, never a misread digit. */
const SEPARATORS = /[\s()+\-–—.,/:_]/u;

export interface Recognised {
  field: FieldKey;
  value: FieldValue;
  from: string;
}

/** Values of the order recognised in what stood beside a label but could not be read as a value. */
export function chooseFromUnread(application: ParsedApplication, order: Order, minConfidence: number): Recognised[] {
  const known: Partial<Record<FieldKey, { value: string; resembles: (text: string, value: string) => boolean }>> = {
    ...(order.customerPhone ? { phone: { value: order.customerPhone, resembles: phoneIn } } : {}),
    ...(order.deliveryDate ? { receivedDate: { value: order.deliveryDate, resembles: dateIn } } : {}),
    orderDate: { value: order.orderDate, resembles: dateIn },
    // A name or address a pen's stray mark made unreadable ("Козлова. Анна Владимировна", "diana&5@bk.ru") is the
    // buyer's when nearly all of it is in place (resembles-buyer.ts). The holder of the account is usually the buyer;
    // when it is someone else, their name does not resemble the buyer's and stays unread.
    ...(order.customerName ? { fullName: { value: order.customerName, resembles: nameResembles }, accountHolder: { value: order.customerName, resembles: nameResembles } } : {}),
    ...(order.customerEmail ? { email: { value: order.customerEmail.trim().toLowerCase(), resembles: addressIn } } : {}),
  };
  const out: Recognised[] = [];
  for (const problem of application.problems) {
    const field = problem.field as FieldKey;
    const target = known[field];
    if (problem.code !== 'invalid_value' || !problem.read || !target || out.some((r) => r.field === field)) continue;
    // A value read elsewhere stands, unless it is a doubtful reading that is not the order's (a passport number
    // taken for the phone by its shape): the text at the field's own label is then the better evidence.
    const read = application.fields[field];
    if (read && (read.confidence >= minConfidence || ['order', 'agent', 'header'].includes(read.source ?? '') || read.value === target.value)) continue;
    const hit = problem.read.find((r) => target.resembles(r.text, target.value));
    if (!hit) continue;
    out.push({
      field,
      from: hit.text,
      value: { value: target.value, confidence: RECOGNISED, source: 'order', readConfidence: 0, readValue: hit.text, ...(hit.box ? { box: hit.box } : {}) },
    });
  }
  return out;
}

/** An article code cell placed on its line needs only to look like the line's code to be that code, misread. */
const SKU_IN_CELL = 0.6;

/**
 * The SKU and price of an item line placed on an order line (match-lines.ts), where the paper's cell held text
 * that is no code or price but is recognisably the line's: "SVB 588-N" for SV-B-588-11, "$ 390" for 8390.
 */
export function recogniseCells(application: ParsedApplication, index: number, item: Item, line: OrderLine): Item {
  const out: Item = {};
  const texts = (key: string) => application.problems.filter((p) => p.field === `items[${index}].${key}` && p.code === 'invalid_value').flatMap((p) => p.read ?? []);
  const take = (key: 'sku' | 'price', value: string, resembles: (text: string) => boolean) => {
    const hit = item[key] === undefined ? texts(key).find((r) => resembles(r.text)) : undefined;
    if (hit) out[key] = { value, confidence: RECOGNISED, source: 'order', readConfidence: 0, readValue: hit.text, ...(hit.box ? { box: hit.box } : {}) };
  };
  // A table rule standing alone inside the cell ("VY | 574 02") is no symbol of the code.
  const code = (text: string) => codeShape(text.replace(/(?<=^|\s)[|[\]](?=\s|$)/g, ' '));
  take('sku', line.sku, (text) => wholeResemblance(code(text), codeShape(line.sku)) >= SKU_IN_CELL);
  const price = toRoublesString(line.unitPrice);
  take('price', price, (text) => withinDoubts(digitPlaces(text.replace(/[.,]\d{2}\s*$/, '')), price.replace(/\.\d{2}$/, ''), false, 1));
  return out;
}

/** The buyer's address as the word holding the @ ("marina&83@bk.ru | 7": a table rule read after it is no part of it). */
export function addressIn(text: string, email: string): boolean {
  const word = text.split(/\s+/).find((w) => w.includes('@')) ?? text;
  return emailResembles(word, email) || emailResembles(text, email);
}

/** The text as digits and unknown places, separators dropped: "8 (A946) 531-а3-80" → "8?946531?380". */
export function digitPlaces(text: string): string {
  let out = '';
  for (const ch of text) {
    if (/\d/.test(ch)) out += ch;
    else if (!SEPARATORS.test(ch)) out += UNKNOWN;
  }
  return out;
}

/**
 * The buyer's phone in a reading: its ten national digits against what follows the country code ("+7", "+?" or a
 * leading 8 or 7 when there are more than ten places), in order, with few slips.
 */
export function phoneIn(text: string, phone: string): boolean {
  const national = phone.replace(/\D/g, '').slice(-10);
  const places = nationalPlaces(text);
  if (national.length !== 10 || Math.abs(places.length - 10) > MAX_SLIPS) return false;
  return withinDoubts(places, national);
}

/** A phone reading's places after its country code: "+7", "+?", or a leading 8 or 7 when there are more than ten. */
export function nationalPlaces(text: string): string {
  const places = digitPlaces(text);
  if (text.trim().startsWith('+')) return places.slice(1);
  return places.length > 10 && /^[78]/.test(places) ? places.slice(1) : places;
}

/** The date in a reading written day first (26.10.2025) or year first (2025-10-26), place by place. */
export function dateIn(text: string, isoDate: string): boolean {
  const places = digitPlaces(text);
  const [y, m, d] = isoDate.split('-') as [string, string, string];
  if (places.length !== 8) return false;
  return [`${d}${m}${y}`, `${y}${m}${d}`].some((digits) => withinDoubts(places, digits, false));
}

/** Edits between the reading and the digits, an unknown place matching any digit but counted as a doubt. */
function withinDoubts(places: string, digits: string, shifts = true, maxSlips = MAX_SLIPS): boolean {
  if (!shifts && places.length !== digits.length) return false;
  const unknown = [...places].filter((c) => c === UNKNOWN).length;
  const slips = shifts ? wildcardDistance(places, digits) : [...places].filter((c, i) => c !== UNKNOWN && c !== digits[i]).length;
  // Most of the number must be read as digits in place, or anything would fit.
  return slips <= maxSlips && slips + unknown <= Math.min(MAX_DOUBTS, Math.ceil(digits.length / 2));
}

/** Levenshtein distance where the reading's unknown place costs nothing against any digit. */
function wildcardDistance(read: string, digits: string): number {
  let previous = Array.from({ length: digits.length + 1 }, (_, j) => j);
  for (let i = 1; i <= read.length; i++) {
    const current = [i];
    for (let j = 1; j <= digits.length; j++) {
      const same = read[i - 1] === digits[j - 1] || read[i - 1] === UNKNOWN;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (same ? 0 : 1)));
    }
    previous = current;
  }
  return previous[digits.length]!;
}
