// The e-mail's own headers say one thing for certain: the address the application came from. Where the paper
// gives no e-mail, that address is the customer's, recorded with source `header`.
import type { ParsedApplication } from '../../domain/application.ts';

export function fillFromHeader(application: ParsedApplication, sender: string | undefined): ParsedApplication {
  if (!sender || application.fields.email) return application;
  return { ...application, fields: { ...application.fields, email: { value: sender.trim().toLowerCase(), confidence: 1, source: 'header' } } };
}
