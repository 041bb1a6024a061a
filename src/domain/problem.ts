// Problems are expected outcomes of reading untrusted documents, reported as values with a stable code.
import { z } from 'zod';

export const PROBLEM_CODES = [
  'unreadable_file', // bytes are not any format we read, or the file is truncated/corrupt
  'unsupported_type', // a real file, but not a document we read (e.g. a .docx or a zip)
  'encrypted_pdf',
  'too_large', // bytes or pixels over a limit in limits.ts
  'too_many_pages',
  'too_complex', // a PDF whose streams inflate past MAX_PDF_INFLATED_BYTES: a bomb, or nothing an applicant sends
  'too_many_attachments',
  'ocr_timeout',
  'ocr_failed',
  'no_text', // a document with no readable text at all (blank page, pure noise)
  'not_an_application', // readable, but holds no return application
  'low_confidence', // a field was read but is not sure enough to use without review
  'invalid_value', // a field's value fails validation (date, phone, e-mail, enum)
  'checksum_failed', // BIK / account control key / Luhn / S10 check digit
  'inconsistent', // fields contradict each other (received before ordered, totals don't add up)
  'missing_field', // a required field was not found
] as const;
export const ProblemCodeSchema = z.enum(PROBLEM_CODES);
export type ProblemCode = z.infer<typeof ProblemCodeSchema>;

/** Where on a page something was read: the shape of application.ts SourceBox (which imports this file). */
const ReadBoxSchema = z.object({ page: z.number().int().min(1), x: z.number(), y: z.number(), width: z.number(), height: z.number() });

export const ProblemSchema = z.object({
  /** A field key (SPEC §3), `items[N].key`, or the document name when the problem is the whole document. */
  field: z.string(),
  code: ProblemCodeSchema,
  message: z.string(),
  /**
   * What stood where the value belongs but could not be read as one ("8 906 427 $2 6?" beside the phone label),
   * each place it was found: shown to the agent, and still evidence for a check that chooses among known values
   * (the order's).
   */
  read: z.array(z.object({ text: z.string(), box: ReadBoxSchema.optional() })).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export function problem(field: string, code: ProblemCode, message: string): Problem {
  return { field, code, message };
}
