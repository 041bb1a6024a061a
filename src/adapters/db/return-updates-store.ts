// Changes to existing returns (agent decisions, follow-ups, scheduler) as one transaction each, guarded by the
// state the change was decided from: two agents, or an agent and the scheduler, cannot both move one return.
import { AppError } from '../../domain/app-error.ts';
import type { ReturnDeadlines, ReturnRef, ReturnUpdate, ReturnUpdates } from '../../domain/ports/return-updates.ts';
import type { Language } from '../../domain/reply.ts';
import { FINAL_STATES } from '../../domain/lifecycle/transitions.ts';
import { ReturnStateSchema } from '../../domain/return-state.ts';
import { isRefundOwed, REFUNDS_OWED } from './refund-ledger.ts';
import { itemRow } from './return-store.ts';
import { withStoredBytes } from './bytes-parts.ts';
import { documentRows, eventRows } from './store-rows.ts';
import { guard, isUniqueViolation } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';
import { returnSearchText } from './search-text.ts';
import { DecisionSchema, ParsedApplicationSchema, readJson, toJson } from './stored-json.ts';

/** Returns that claim their items: a rejected, expired or sent-back return frees them again. */
const CLAIMING_STATES = ['needs_review', 'approved', 'awaiting_shipment', 'shipped', 'received_at_warehouse', 'refunded'] as const;

const REF_INCLUDE = {
  outbound: { orderBy: { createdAt: 'asc' }, select: { messageId: true } },
  inbound: { select: { messageId: true } },
  // The accepted inspection (a refund is issued only after one, src/domain/lifecycle/transitions.ts) and a receipt
  // photo that came in an e-mail of its own, before the tracking number (handle-follow-up.ts).
  // The replacement of an exchange (desk-steps.ts markReplacementSent), sent once.
  events: {
    where: { type: { in: ['inspection_passed', 'receipt_received', 'replacement_sent', 'send_replacement'] as string[] } },
    orderBy: { seq: 'desc' },
    select: { at: true, type: true },
  },
} as const;

type RefRow = NonNullable<Awaited<ReturnType<DbClient['returnRequest']['findFirst']>>> & {
  outbound: Array<{ messageId: string }>;
  inbound: { messageId: string | null } | null;
  events: Array<{ at: Date; type: string }>;
};

function toRef(row: RefRow): ReturnRef {
  const where = `return ${row.returnNumber}`;
  const deadlines: ReturnDeadlines = {
    reviewDueAt: row.reviewDueAt,
    reviewBreachedAt: row.reviewBreachedAt,
    shipBy: row.shipBy,
    reminderSentAt: row.reminderSentAt,
    warehouseAt: row.warehouseAt,
    refundDueAt: row.refundDueAt,
    refundOverdueAt: row.refundOverdueAt,
  };
  return {
    id: row.id,
    returnNumber: row.returnNumber,
    state: ReturnStateSchema.parse(row.state),
    language: row.language as Language,
    customerEmail: row.customerEmail,
    orderNumber: row.orderNumber,
    customerMessageId: row.customerMessageId ?? row.inbound?.messageId ?? null,
    customerSubject: row.customerSubject,
    replyMessageIds: row.outbound.map((o) => o.messageId),
    application: readJson(ParsedApplicationSchema, row.application, `application of ${where}`),
    decision: readJson(DecisionSchema, row.decision, `decision of ${where}`),
    deadlines,
    trackingNumber: row.trackingNumber,
    createdAt: row.createdAt,
    receivedAt: row.receivedAt,
    inspectedAt: row.events.find((e) => e.type === 'inspection_passed')?.at ?? null,
    receiptReceivedAt: row.events.find((e) => e.type === 'receipt_received')?.at ?? null,
    replacementSentAt: row.events.find((e) => e.type === 'replacement_sent' || e.type === 'send_replacement')?.at ?? null,
    returnShippingCost: row.returnShippingCost,
    refundPaid: row.refundPaid !== null && row.refundPaidOn !== null ? { amount: row.refundPaid, on: row.refundPaidOn } : null,
    refundOwed: isRefundOwed(row, row.events.some((e) => e.type === 'inspection_passed')),
  };
}

export function createReturnUpdatesStore(db: DbClient): ReturnUpdates {
  return {
    getReturnRef: (returnNumber) =>
      guard('getReturnRef', async () => {
        const row = await db.returnRequest.findUnique({ where: { returnNumber }, include: REF_INCLUDE });
        return row ? toRef(row) : null;
      }),

    findReturnForFollowUp: ({ messageIds, returnNumbers }) =>
      guard('findReturnForFollowUp', async () => {
        if (messageIds.length > 0) {
          // Our replies carry our Message-IDs; the customer's reply names them in In-Reply-To / References.
          const byReply = await db.outboundMessage.findFirst({
            where: { messageId: { in: messageIds }, returnId: { not: null } },
            orderBy: { createdAt: 'desc' },
            select: { returnId: true },
          });
          const byOriginal =
            byReply ??
            (await db.returnRequest.findFirst({ where: { customerMessageId: { in: messageIds } }, select: { id: true } }).then((r) =>
              r ? { returnId: r.id } : null,
            ));
          if (byOriginal?.returnId) {
            const row = await db.returnRequest.findUnique({ where: { id: byOriginal.returnId }, include: REF_INCLUDE });
            if (row) return toRef(row);
          }
        }
        if (returnNumbers.length > 0) {
          const row = await db.returnRequest.findFirst({ where: { returnNumber: { in: returnNumbers } }, include: REF_INCLUDE });
          if (row) return toRef(row);
        }
        return null;
      }),

    openReturnsOf: (customerEmails) =>
      guard('openReturnsOf', async () => {
        if (customerEmails.length === 0) return [];
        const rows = await db.returnRequest.findMany({
          where: { customerEmail: { in: customerEmails }, state: { notIn: [...FINAL_STATES] } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          // A customer has a handful of open returns; more than this is not a person writing to us.
          take: 20,
          include: REF_INCLUDE,
        });
        return rows.map(toRef);
      }),

    updateReturn: (update: ReturnUpdate) =>
      guard('updateReturn', async () => {
        try {
          // The follow-up's documents' bytes are written first, in parts (bytes-parts.ts), and dropped again if this fails.
          await withStoredBytes(db, (update.inbound?.documents ?? []).map((d) => d.content), (documentIds) =>
            db.$transaction(async (tx) => {
              const current = await tx.returnRequest.findUnique({
                where: { returnNumber: update.returnNumber },
                select: { id: true, state: true, customerEmail: true, _count: { select: { events: true } } },
              });
              if (!current) throw new AppError('not_found', `return ${update.returnNumber} does not exist`);
              // The conditional update is the guard: if another actor moved the return since `fromState` was read,
              // no row matches and nothing of this change is written.
              const { count } = await tx.returnRequest.updateMany({
                where: { id: current.id, state: update.fromState },
                data: {
                  state: update.toState,
                  ...(update.application ? { application: toJson(update.application) } : {}),
                  ...(update.decision ? { decision: toJson(update.decision) } : {}),
                  ...(update.trackingNumber ? { trackingNumber: update.trackingNumber } : {}),
                  ...(update.returnShippingCost !== undefined ? { returnShippingCost: update.returnShippingCost } : {}),
                  ...(update.refund?.due !== undefined ? { refundDue: update.refund.due } : {}),
                  ...(update.refund?.paid !== undefined ? { refundPaid: update.refund.paid, refundPaidOn: update.refund.paidOn ?? null } : {}),
                  ...update.deadlines,
                  // Precomputed for the dashboard and the queue search (dashboard-queries.ts).
                  ...(update.application
                    ? { searchText: returnSearchText(update.application.fields.fullName?.value, current.customerEmail ?? update.application.fields.email?.value) }
                    : {}),
                  ...(update.decision ? { reasonCode: update.decision.reasons[0]?.code ?? null } : {}),
                  ...(update.events.some((e) => e.type === 'approve') ? { approvedBy: update.events.filter((e) => e.type === 'approve').pop()!.actor } : {}),
                },
              });
              if (count === 0) {
                throw new AppError('conflict', `return ${update.returnNumber} is ${current.state}, not ${update.fromState}; reload and try again`);
              }
              if (update.application) {
                // The item rows are what other returns of the order count as claimed (orderReturns): they follow the
                // application, so an item an agent corrected or left out is claimed as it now stands.
                await tx.returnItem.deleteMany({ where: { returnId: current.id } });
                await tx.returnItem.createMany({ data: update.application.items.map((item, i) => ({ ...itemRow(item, i), returnId: current.id })) });
              }
              if (update.events.length > 0) {
                await tx.returnEvent.createMany({
                  data: eventRows(update.events, current._count.events).map((row) => ({ ...row, returnId: current.id })),
                });
              }
              if (update.reply) {
                await tx.outboundMessage.create({
                  data: {
                    messageId: update.reply.messageId,
                    to: update.reply.to,
                    subject: update.reply.subject,
                    template: update.reply.template,
                    language: update.reply.language,
                    raw: new Uint8Array(update.reply.raw),
                    author: update.reply.author ?? null,
                    returnId: current.id,
                  },
                });
                await tx.returnRequest.updateMany({ where: { id: current.id, firstReplyAt: null }, data: { firstReplyAt: new Date() } });
              }
              if (update.inbound) {
                const inboundId = update.inbound.id;
                await tx.document.createMany({ data: documentRows(update.inbound.documents, documentIds, inboundId, current.id) });
                await tx.inboundMessage.update({
                  where: { id: inboundId },
                  // The e-mail joins the return's conversation (conversation-store.ts).
                  data: { state: 'processed', stateReason: `follow-up to return ${update.returnNumber}`, lastError: null, threadReturnId: current.id },
                  // Not the raw message back (see finishInbound in inbound-store.ts).
                  select: { id: true },
                });
              }
            }),
          );
        } catch (error) {
          if (isUniqueViolation(error)) throw new AppError('conflict', `reply ${update.reply?.messageId ?? ''} already exists`, { cause: error });
          throw error;
        }
      }),

    orderReturns: (orderNumber) =>
      guard('orderReturns', async () => {
        const rows = await db.returnRequest.findMany({
          where: { orderNumber, state: { in: [...CLAIMING_STATES] } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { returnNumber: true, createdAt: true, application: true, items: { orderBy: { position: 'asc' } } },
        });
        return rows.map((row) => ({
          returnNumber: row.returnNumber,
          createdAt: row.createdAt,
          reason: readJson(ParsedApplicationSchema, row.application, `application of return ${row.returnNumber}`).fields.reason?.value ?? null,
          items: row.items
            .filter((i) => i.sku !== null && i.quantity !== null)
            .map((i) => ({ sku: i.sku!, size: i.size, quantity: i.quantity!, reason: i.reason })),
        }));
      }),

    listDueReturns: (now, limit, { reminderHorizon }) =>
      guard('listDueReturns', async () => {
        const rows = await db.returnRequest.findMany({
          where: {
            OR: [
              {
                state: 'awaiting_shipment',
                // Past the deadline (the last millisecond of the named day) expires; at it, not yet.
                OR: [{ shipBy: { lt: now } }, { shipBy: { lte: reminderHorizon }, reminderSentAt: null }],
              },
              { state: { in: ['received', 'parsed', 'needs_review'] }, reviewDueAt: { lte: now }, reviewBreachedAt: null },
              // The refunds to pay (refund-ledger.ts), an exchange's unpaid return postage among them.
              { ...REFUNDS_OWED, refundDueAt: { lte: now }, refundOverdueAt: null },
            ],
          },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take: limit,
          include: REF_INCLUDE,
        });
        return rows.map(toRef);
      }),

    listWaitingApprovals: (limit, after) =>
      guard('listWaitingApprovals', async () => {
        const rows = await db.returnRequest.findMany({
          where: { state: 'approved' },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          ...(after ? { cursor: { id: after }, skip: 1 } : {}),
          take: limit,
          include: REF_INCLUDE,
        });
        return rows.map(toRef);
      }),
  };
}
