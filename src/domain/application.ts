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

export const FieldValueSchema = z.object({
  value: z.string(),
  confidence: z.number().min(0).max(1),
  /** Which document of the message the value came from (file name, or "body"). */
  source: z.string().optional(),
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
