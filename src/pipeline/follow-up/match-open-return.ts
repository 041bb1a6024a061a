// A customer's e-mail that names no thread and no return number may still be about a return of theirs: the same
// application sent again (a new Message-ID, "did you get it?"), or "sent it, tracking RA…" written as a new
// message. Matched among the sender's open returns, and only when the match is unambiguous: anything else
// becomes a new return as before.
import type { ParsedApplication } from '../../domain/application.ts';
import type { ReturnRef } from '../../domain/ports/return-updates.ts';

export interface UnthreadedMessage {
  isApplication: boolean;
  application: ParsedApplication;
  trackingNumbers: readonly string[];
}

export function matchOpenReturn(open: readonly ReturnRef[], message: UnthreadedMessage): ReturnRef | null {
  if (message.isApplication) {
    const orderNumber = message.application.fields.orderNumber?.value;
    if (!orderNumber) return null;
    const skus = skusOf(message.application);
    // The same order and at least one of the same items: a re-sent application. Other items of the same order
    // are a second, legitimate return of the rest (SPEC §2: refunds across returns).
    const same = open.filter((ref) => ref.orderNumber === orderNumber && overlaps(skusOf(ref.application), skus));
    if (same[0]) return same[0]; // newest first
    // The application we asked for, sent as a new message: the one return of theirs still waiting for it.
    const waitingForIt = open.filter((ref) => ref.state === 'awaiting_application' && (ref.orderNumber === null || ref.orderNumber === orderNumber));
    return waitingForIt.length === 1 ? waitingForIt[0]! : null;
  }
  if (message.trackingNumbers.length === 0) return null;
  const waiting = open.filter((ref) => ref.state === 'awaiting_shipment');
  return waiting.length === 1 ? waiting[0]! : null;
}

function skusOf(application: ParsedApplication): Set<string> {
  return new Set(application.items.map((item) => item.sku?.value?.toUpperCase()).filter((sku): sku is string => Boolean(sku)));
}

/** With no items read on either side there is nothing to tell two returns of one order apart: treat it as the same. */
function overlaps(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  for (const sku of a) if (b.has(sku)) return true;
  return false;
}
