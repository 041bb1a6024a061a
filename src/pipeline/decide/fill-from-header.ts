// The e-mail's own sender is evidence for the customer's address. It fills an address the paper does not
// give, and it corrects a doubtful reading of the paper's address that only an OCR slip separates from it:
// a letter or two off ("romanl1" for "roman1"), or its start lost to a label glued on ("7@inbox.ru" for
// "nadezhda77@inbox.ru"). A confidently read address that differs is the customer's choice and stays.
import type { FieldValue, ParsedApplication } from '../../domain/application.ts';
import { withinEditDistance } from './edit-distance.ts';

/** Below this the paper's address is a doubtful reading, which the sender's address may correct. */
const DOUBTFUL = 0.9;
/** How many letters an OCR slip may change in an address. */
const SLIP_EDITS = 2;
/** The sender's address read off our own headers: sure, but as the paper's address only inferred. */
const CORRECTED_CONFIDENCE = 0.95;

export function fillFromHeader(application: ParsedApplication, sender: string | undefined): ParsedApplication {
  if (!sender) return application;
  const address = sender.trim().toLowerCase();
  const read = application.fields.email;
  if (!read) return withEmail(application, { value: address, confidence: 1, source: 'header' });
  if (read.confidence >= DOUBTFUL || read.value === address || !isSlipOf(read.value, address)) return application;
  return withEmail(application, { ...read, value: address, confidence: CORRECTED_CONFIDENCE, source: 'header', readValue: read.value });
}

/** Whether `read` is `address` as OCR may garble it: within a slip, or its tail with the whole domain. */
function isSlipOf(read: string, address: string): boolean {
  if (withinEditDistance(read, address, SLIP_EDITS)) return true;
  const at = read.indexOf('@');
  return at > 0 && address.endsWith(read) && address.slice(0, -read.length).length > 0;
}

function withEmail(application: ParsedApplication, email: FieldValue): ParsedApplication {
  return { ...application, fields: { ...application.fields, email } };
}
