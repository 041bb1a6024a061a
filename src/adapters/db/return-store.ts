// Returns: recorded in one transaction with everything that caused them, read back validated.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/app-error.ts';
import type { Item } from '../../domain/application.ts';
import type { DocumentKind, ExtractionMethod } from '../../domain/document.ts';
import type { Language, ReplyTemplate } from '../../domain/reply.ts';
import { ReturnStateSchema, type ReturnState } from '../../domain/return-state.ts';
import type { RecordedReturn, RecordReturnInput, ReturnDetail, ReturnSummary, Store } from '../../domain/ports/store.ts';
import { withStoredBytes } from './bytes-parts.ts';
import { documentRows, eventRows } from './store-rows.ts';
import { guard, isForeignKeyViolation, isRecordNotFound, isUniqueViolation } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';
import { returnSearchText } from './search-text.ts';
import { DecisionSchema, FormFieldsSchema, PagesSchema, ParsedApplicationSchema, ProblemsSchema, readJson, toJson, ValueChangesSchema } from './stored-json.ts';

type ReturnStore = Pick<Store, 'recordReturn' | 'returnNumberExists' | 'listReturns' | 'getReturn' | 'countReturnsByState'>;

const SUMMARY_SELECT = {
  id: true,
  returnNumber: true,
  state: true,
  customerEmail: true,
  orderNumber: true,
  createdAt: true,
  updatedAt: true,
} as const;

function toSummary(row: {
  id: string;
  returnNumber: string;
  state: string;
  customerEmail: string | null;
  orderNumber: string | null;
  createdAt: Date;
  updatedAt: Date;
}): ReturnSummary {
  return { ...row, state: ReturnStateSchema.parse(row.state) };
}

/** The customer's item rows as written; `quantity` kept only when it reads as a whole number. */
/** One ReturnItem row of an application item: the columns the order-quantity claims are counted from. */
export function itemRow(item: Item, position: number) {
  const quantity = item.quantity && /^\d{1,6}$/.test(item.quantity.value.trim()) ? Number(item.quantity.value.trim()) : null;
  return {
    position,
    sku: item.sku?.value ?? null,
    name: item.name?.value ?? null,
    size: item.size?.value ?? null,
    quantity,
    price: item.price?.value ?? null,
    reason: item.reason?.value ?? null,
  };
}

const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

export function createReturnStore(db: DbClient): ReturnStore {
  return {
    recordReturn: (input: RecordReturnInput) =>
      guard('recordReturn', async (): Promise<RecordedReturn> => {
        const returnId = randomUUID();
        try {
          // The documents' bytes are written first, in parts (bytes-parts.ts), and dropped again if this fails.
          await withStoredBytes(db, input.documents.map((d) => d.content), (documentIds) =>
            // A batch transaction: every row or none. The inbound update fails (and rolls back the rest) when the
            // message does not exist; a second return with the same number fails on the unique index.
            db.$transaction([
              db.returnRequest.create({
                data: {
                  id: returnId,
                  returnNumber: input.returnNumber,
                  state: input.state,
                  customerEmail: input.customerEmail ?? null,
                  orderNumber: input.orderNumber ?? null,
                  language: input.language,
                  application: toJson(input.application),
                  decision: toJson(input.decision),
                  inboundId: input.inboundId,
                  customerMessageId: input.customerMessageId ?? null,
                  customerSubject: input.customerSubject ?? null,
                  ...input.deadlines,
                  // Precomputed for the dashboard and the queue search (dashboard-queries.ts); receivedAt is copied below.
                  firstReplyAt: input.reply ? new Date() : null,
                  approvedBy: input.events.filter((e) => e.type === 'approve').pop()?.actor ?? null,
                  reasonCode: input.decision.reasons[0]?.code ?? null,
                  searchText: returnSearchText(input.application.fields.fullName?.value, input.customerEmail ?? input.application.fields.email?.value),
                  items: { create: input.application.items.map(itemRow) },
                  events: { create: eventRows(input.events, 0) },
                },
              }),
              db.document.createMany({ data: documentRows(input.documents, documentIds, input.inboundId, returnId) }),
              ...(input.reply
                ? [
                    db.outboundMessage.create({
                      data: {
                        messageId: input.reply.messageId,
                        to: input.reply.to,
                        subject: input.reply.subject,
                        template: input.reply.template,
                        language: input.reply.language,
                        raw: new Uint8Array(input.reply.raw),
                        author: input.reply.author ?? null,
                        returnId,
                      },
                    }),
                  ]
                : []),
              db.inboundMessage.update({
                where: { id: input.inboundId, ...(input.fromInboundStates ? { state: { in: [...input.fromInboundStates] } } : {}) },
                data: { state: 'processed', stateReason: `return ${input.returnNumber}`, lastError: null, threadReturnId: returnId },
                // Not the raw message back (see finishInbound).
                select: { id: true },
              }),
              // When the customer's message arrived: the start of the dashboard's time to first reply.
              db.$executeRaw`UPDATE "ReturnRequest" SET "receivedAt" = (SELECT i."receivedAt" FROM "InboundMessage" i WHERE i."id" = ${input.inboundId}) WHERE "id" = ${returnId}`,
            ]),
          );
        } catch (error) {
          if (isUniqueViolation(error)) {
            const taken = await db.returnRequest.count({ where: { returnNumber: input.returnNumber } });
            throw new AppError(
              'conflict',
              taken > 0
                ? `return number ${input.returnNumber} already exists`
                : `reply ${input.reply?.messageId ?? ''} of return ${input.returnNumber} already exists`,
              { cause: error },
            );
          }
          // P2003: the documents' or the return's foreign key to the inbound message; P2025: its update found no row.
          if (isRecordNotFound(error) && input.fromInboundStates) {
            throw new AppError('conflict', `the e-mail of return ${input.returnNumber} was answered, attached or moved meanwhile; reload and try again`, { cause: error });
          }
          if (isRecordNotFound(error) || isForeignKeyViolation(error)) {
            throw new AppError('not_found', `inbound message ${input.inboundId} does not exist`, { cause: error });
          }
          throw error;
        }
        return { returnId, returnNumber: input.returnNumber };
      }),

    returnNumberExists: (returnNumber) =>
      guard('returnNumberExists', async () => (await db.returnRequest.count({ where: { returnNumber } })) > 0),

    listReturns: ({ state, limit }) =>
      guard('listReturns', async () => {
        // Newest first; served by the (state, createdAt) and (createdAt) indexes.
        const rows = await db.returnRequest.findMany({
          where: state ? { state } : {},
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: limit,
          select: SUMMARY_SELECT,
        });
        return rows.map(toSummary);
      }),

    getReturn: (returnNumber) =>
      guard('getReturn', async (): Promise<ReturnDetail | null> => {
        const row = await db.returnRequest.findUnique({
          where: { returnNumber },
          include: {
            events: { orderBy: { seq: 'asc' } },
            documents: { orderBy: { position: 'asc' } },
            outbound: {
              orderBy: { createdAt: 'asc' },
              select: { messageId: true, template: true, to: true, state: true, createdAt: true },
            },
          },
        });
        if (!row) return null;
        const where = `return ${returnNumber}`;
        return {
          ...toSummary(row),
          language: row.language as Language,
          application: readJson(ParsedApplicationSchema, row.application, `application of ${where}`),
          decision: readJson(DecisionSchema, row.decision, `decision of ${where}`),
          events: row.events.map((e) => ({
            actor: e.actor,
            type: e.type,
            fromState: e.fromState === null ? undefined : ReturnStateSchema.parse(e.fromState),
            toState: e.toState === null ? undefined : ReturnStateSchema.parse(e.toState),
            reason: optional(e.reason),
            ...(e.changes === null ? {} : { changes: readJson(ValueChangesSchema, e.changes, `changes of event ${e.seq} in ${where}`) }),
            at: e.at,
          })),
          documents: row.documents.map((d) => ({
            id: d.id,
            name: d.name,
            kind: d.kind as DocumentKind,
            mimeType: d.mimeType,
            bytes: d.bytes,
            sha256: d.sha256,
            method: optional(d.method) as ExtractionMethod | undefined,
            pageCount: d.pageCount,
            pages: readJson(PagesSchema, d.pages, `pages of ${d.name} in ${where}`),
            formFields:
              d.formFields === null ? undefined : readJson(FormFieldsSchema, d.formFields, `form fields of ${d.name} in ${where}`),
            problems: readJson(ProblemsSchema, d.problems, `problems of ${d.name} in ${where}`),
          })),
          outbound: row.outbound.map((o) => ({ ...o, template: o.template as ReplyTemplate })),
        };
      }),

    countReturnsByState: () =>
      guard('countReturnsByState', async () => {
        const groups = await db.returnRequest.groupBy({ by: ['state'], _count: { _all: true } });
        const counts: Partial<Record<ReturnState, number>> = {};
        for (const g of groups) counts[ReturnStateSchema.parse(g.state)] = g._count._all;
        return counts;
      }),
  };
}
