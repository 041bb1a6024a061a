// Whether what the paper says about the applicant looks like an order's buyer, misread: handwriting read by OCR
// rarely gives a name, address or phone exactly, but keeps most of it in place. A resemblance is evidence that
// the order is theirs, never proof of who wrote the application (match-order.ts checks that on exact values).
import type { ParsedApplication } from '../../domain/application.ts';
import type { Order } from '../../domain/order.ts';
import { containedResemblance, foldLetters, wholeResemblance } from './resemblance.ts';

/** Share of the buyer's name's letters that must be read in place (one slip in ten letters). */
const NAME_OF_BUYER = 0.85;
/** An address with about one symbol in four misread (handwritten letters, a dropped dot) is still the buyer's. */
const EMAIL_OF_BUYER = 0.75;
/** Digits of a phone that may be misread while it is still the buyer's. */
const PHONE_SLIPS = 2;

/** Nearly every letter of the buyer's name, in order, somewhere in the cell (a run-on neighbour is no matter). */
export function nameResembles(read: string, known: string): boolean {
  return containedResemblance(foldLetters(read), foldLetters(known)) >= NAME_OF_BUYER;
}

/** Most of the address's symbols in place: "mavinas3e@bk.ru" is marina83@bk.ru misread, "info@shop.ru" is not. */
export function emailResembles(read: string, known: string): boolean {
  return wholeResemblance(read.trim().toLowerCase(), known.trim().toLowerCase()) >= EMAIL_OF_BUYER;
}

/** The same number of digits, at most two of them misread. */
export function phoneResembles(read: string, known: string): boolean {
  const [a, b] = [read.replace(/\D/g, ''), known.replace(/\D/g, '')];
  return a.length === b.length && [...a].filter((d, i) => d !== b[i]).length <= PHONE_SLIPS;
}

/** The sender's address is the buyer's, or the form's name, e-mail or phone resembles the buyer's. */
export function resemblesBuyer(application: ParsedApplication, order: Order, senders: readonly string[] = []): boolean {
  const { fullName, email, phone } = application.fields;
  const orderEmail = order.customerEmail?.trim().toLowerCase();
  if (orderEmail && senders.some((s) => s.trim().toLowerCase() === orderEmail)) return true;
  return (
    (fullName !== undefined && order.customerName !== undefined && nameResembles(fullName.value, order.customerName)) ||
    (email !== undefined && orderEmail !== undefined && emailResembles(email.value, orderEmail)) ||
    (phone !== undefined && order.customerPhone !== undefined && phoneResembles(phone.value, order.customerPhone))
  );
}
