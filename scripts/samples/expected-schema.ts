// Ground truth written next to every sample (`<name>.expected.json`): the `intake parse --json` shape of
// SPEC §6 with values only, plus what a correct service does with the message. Validated by the unit test.
import { z } from 'zod';
import { FieldKeySchema, ItemKeySchema } from '../../src/domain/application.ts';
import { ProblemCodeSchema } from '../../src/domain/problem.ts';
import { InboundStateSchema, ReturnStateSchema } from '../../src/domain/return-state.ts';
import type { ReplyTemplate } from '../../src/domain/reply.ts';

const REPLY_TEMPLATES = [
  'approved',
  'rejected',
  'needs_review',
  'application_missing',
  'photo_unreadable',
  'message_too_large',
  'shipping_reminder',
  'expired',
  'parcel_received',
  'refund_issued',
] as const satisfies readonly ReplyTemplate[];

/** Canonical value formats (SPEC §3); ground truth in any other form is a generator bug. */
const CANONICAL: Partial<Record<z.infer<typeof FieldKeySchema>, RegExp>> = {
  orderNumber: /^\S+$/,
  orderDate: /^\d{4}-\d{2}-\d{2}$/,
  receivedDate: /^\d{4}-\d{2}-\d{2}$/,
  applicationDate: /^\d{4}-\d{2}-\d{2}$/,
  fullName: /^\S+( \S+)*$/,
  email: /^[^A-Z\s@]+@[^A-Z\s@]+$/,
  phone: /^\+\d{10,15}$/,
  reason: /^(proper_quality|defect|wrong_item)$/,
  refundMethod: /^(bank_account|card)$/,
  bik: /^\d{9}$/,
  account: /^\d{20}$/,
  corrAccount: /^\d{20}$/,
  cardLast4: /^\d{4}$/,
};

const ITEM_CANONICAL: Partial<Record<z.infer<typeof ItemKeySchema>, RegExp>> = {
  quantity: /^[1-9]\d*$/,
  price: /^\d+\.\d{2}$/,
  reason: /^(proper_quality|defect|wrong_item)$/,
};

const ExpectedFieldsSchema = z.partialRecord(FieldKeySchema, z.string().min(1)).superRefine((fields, ctx) => {
  for (const [key, value] of Object.entries(fields)) {
    const pattern = CANONICAL[key as keyof typeof CANONICAL];
    if (pattern && value !== undefined && !pattern.test(value)) ctx.addIssue({ code: 'custom', path: [key], message: `not canonical: ${value}` });
  }
});

const ExpectedItemSchema = z.partialRecord(ItemKeySchema, z.string().min(1)).superRefine((item, ctx) => {
  for (const [key, value] of Object.entries(item)) {
    const pattern = ITEM_CANONICAL[key as keyof typeof ITEM_CANONICAL];
    if (pattern && value !== undefined && !pattern.test(value)) ctx.addIssue({ code: 'custom', path: [key], message: `not canonical: ${value}` });
  }
});

export const ExpectedSchema = z
  .object({
    /** What the sample is and why it exists. */
    description: z.string().min(1),
    /** Every value a correct parser finds; a field absent here is absent from the document. */
    fields: ExpectedFieldsSchema,
    items: z.array(ExpectedItemSchema),
    /** Problem codes a correct parser must report (it may add `low_confidence` for OCR'd sources). */
    problems: z.array(ProblemCodeSchema),
    /** What the service does with it, delivered as the only message about it at `asOf` (e-mails in name order). */
    expect: z
      .object({
        asOf: z.iso.datetime({ offset: true }),
        reply: z.enum(REPLY_TEMPLATES).nullable(),
        /** State of the return afterwards; null when no return is created or touched. */
        state: ReturnStateSchema.nullable(),
        inbound: InboundStateSchema,
        language: z.enum(['ru', 'en']),
        /** Decision reason codes a correct decision gives, e.g. `custom_made`. */
        reasons: z.array(z.string()).optional(),
        note: z.string().optional(),
      })
      .strict(),
  })
  .strict();
export type Expected = z.infer<typeof ExpectedSchema>;
export type Expectation = Expected['expect'];
