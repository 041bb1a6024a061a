// zod schemas for the JSON columns, checked when read back: a row written by an older version, or edited by hand,
// fails here with the return it belongs to named, not somewhere deep in the review UI.
import { z } from 'zod';
import { ParsedApplicationSchema, SourceBoxSchema } from '../../domain/application.ts';
import { AppError } from '../../domain/app-error.ts';
import type { Decision } from '../../domain/decision.ts';
import type { PageText } from '../../domain/document.ts';
import { ProblemSchema } from '../../domain/problem.ts';
import type { Prisma } from '../../generated/sqlite/client.ts';
import { ReturnStateSchema } from '../../domain/return-state.ts';

// Loose: a decision also carries what it was based on (shipping instructions, refund breakdown, corrections),
// which the review UI and the scheduler read back.
export const DecisionSchema = z.looseObject({
  status: z.enum(['approved', 'rejected', 'needs_review', 'awaiting_application']),
  state: ReturnStateSchema,
  reasons: z.array(z.object({ code: z.string(), field: z.string().optional(), message: z.string() })),
}) satisfies z.ZodType<Decision>;

export const PagesSchema = z.array(
  z.object({
    page: z.number().int(),
    lines: z.array(z.object({ text: z.string(), confidence: z.number(), box: SourceBoxSchema.optional() })),
    width: z.number().optional(),
    height: z.number().optional(),
  }),
) satisfies z.ZodType<PageText[]>;

export const ValueChangesSchema = z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() }));

export const FormFieldsSchema = z.record(z.string(), z.string());
export const ProblemsSchema = z.array(ProblemSchema);
export { ParsedApplicationSchema };

/** Parses a stored JSON value; `what` names the row and column for the error. */
export function readJson<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('validation_failed', `stored ${what} is invalid: ${z.prettifyError(result.error)}`, { cause: result.error });
  }
  return result.data;
}

/** JSON columns take plain JSON; this drops `undefined` members the way JSON.stringify does. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
