// The parsed return application: SPEC §3 canonical fields, each with a confidence and, for OCR, its source box.
// This is the shape `intake parse --json` prints and the shape stored on a return record.
import { z } from 'zod';
import { ProblemSchema } from './problem.ts';

export const FIELD_KEYS = [
  'orderNumber',
  'orderDate',
  'receivedDate',
  'fullName',
  'email',
  'phone',
  'reason',
  'reasonText',
  'refundMethod',
  'bik',
  'account',
  'corrAccount',
  'accountHolder',
  'cardLast4',
  'applicationDate',
] as const;
export const FieldKeySchema = z.enum(FIELD_KEYS);
export type FieldKey = z.infer<typeof FieldKeySchema>;

export const ITEM_KEYS = ['sku', 'name', 'size', 'quantity', 'price', 'reason'] as const;
export const ItemKeySchema = z.enum(ITEM_KEYS);
export type ItemKey = z.infer<typeof ItemKeySchema>;

export const ReasonSchema = z.enum(['proper_quality', 'defect', 'wrong_item']);
export type Reason = z.infer<typeof ReasonSchema>;

export const RefundMethodSchema = z.enum(['bank_account', 'card']);
export type RefundMethod = z.infer<typeof RefundMethodSchema>;

/** Where on a page a value was read; coordinates in pixels of the page image the OCR saw. */
export const SourceBoxSchema = z.object({
  page: z.number().int().min(1),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});
export type SourceBox = z.infer<typeof SourceBoxSchema>;

/**
 * Where a value came from (SPEC §6): read from the paper (`document`), the e-mail's own headers (`header`),
 * supplied or confirmed by the shop's order (`order`), or typed by an agent (`agent`). Returns stored before
 * this was recorded hold the document's file name here instead; they count as `document`.
 */
export const VALUE_SOURCES = ['document', 'header', 'order', 'agent'] as const;
export type ValueSource = (typeof VALUE_SOURCES)[number];

export const FieldValueSchema = z.object({
  value: z.string(),
  confidence: z.number().min(0).max(1),
  /** A ValueSource; older rows and the reader's own output hold the document's file name. */
  source: z.string().optional(),
  /** Which document of the message the value was read from (file name, or "body"), when it was read at all. */
  document: z.string().optional(),
  /** What the reading alone was worth, kept when the order confirmed the value and raised its confidence. */
  readConfidence: z.number().min(0).max(1).optional(),
  /** What the paper said, kept when the order or the sender's address corrected a doubtful reading of it. */
  readValue: z.string().optional(),
  box: SourceBoxSchema.optional(),
});
export type FieldValue = z.infer<typeof FieldValueSchema>;

export const FieldsSchema = z.partialRecord(FieldKeySchema, FieldValueSchema);
export type Fields = z.infer<typeof FieldsSchema>;

export const ItemSchema = z.partialRecord(ItemKeySchema, FieldValueSchema);
export type Item = z.infer<typeof ItemSchema>;

/** The `intake parse --json` object for one input (SPEC §6). A field that was not found is absent. */
export const ParsedApplicationSchema = z.object({
  source: z.string(),
  fields: FieldsSchema,
  items: z.array(ItemSchema),
  problems: z.array(ProblemSchema),
});
export type ParsedApplication = z.infer<typeof ParsedApplicationSchema>;
