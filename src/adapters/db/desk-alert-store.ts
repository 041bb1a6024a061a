// The DeskAlerts port: what is due an alert, read from the deadline columns; alerts committed with their flags
// in one transaction; the digest's figures as a handful of counts and sums on indexed columns.
import { AppError } from '../../domain/app-error.ts';
import type { AlertDue, DeskAlerts } from '../../domain/ports/desk-alerts.ts';
import type { OutboundDraft } from '../../domain/ports/store.ts';
import { guard, isUniqueViolation } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';
import { owesRefund, REFUNDS_DUE_LIMIT, REFUNDS_OWED } from './refund-ledger.ts';

const UNDECIDED = ['received', 'parsed', 'needs_review'];
const DAY_MS = 86_400_000;

function outboundRow(mail: OutboundDraft) {
  return { messageId: mail.messageId, to: mail.to, subject: mail.subject, template: mail.template, language: mail.language, raw: new Uint8Array(mail.raw) };
}

export function createDeskAlertStore(db: DbClient): DeskAlerts {
  return {
    listAlertsDue: (now, reviewLeadMs, limit) =>
      guard('listAlertsDue', async () => {
        const [reviews, refunds] = await Promise.all([
          db.returnRequest.findMany({
            where: { state: { in: UNDECIDED }, reviewDueAt: { lte: new Date(now.getTime() + reviewLeadMs) }, reviewAlertedAt: null },
            orderBy: [{ reviewDueAt: 'asc' }, { returnNumber: 'asc' }],
            take: limit,
            select: { returnNumber: true, reviewDueAt: true },
          }),
          // Every refund on the refunds to pay, not only those at the warehouse: an exchange's return postage stays
          // owed after the replacement went out (state `exchanged`) and is overdue all the same.
          db.returnRequest.findMany({
            where: { ...REFUNDS_OWED, refundDueAt: { lt: now }, refundAlertedAt: null },
            orderBy: [{ refundDueAt: 'asc' }, { returnNumber: 'asc' }],
            take: limit,
            select: { returnNumber: true, refundDueAt: true, refundDue: true, application: true, decision: true },
          }),
        ]);
        return [
          ...reviews.map((r): AlertDue => ({ kind: 'review_sla_soon', returnNumber: r.returnNumber, dueAt: r.reviewDueAt!, amount: null })),
          ...refunds.filter(owesRefund).map((r): AlertDue => ({ kind: 'refund_overdue', returnNumber: r.returnNumber, dueAt: r.refundDueAt!, amount: r.refundDue })),
        ];
      }),

    commitAlerts: (alerts, mail, at) =>
      guard('commitAlerts', async () => {
        try {
          await db.$transaction(async (tx) => {
            for (const [kind, column] of [['review_sla_soon', 'reviewAlertedAt'], ['refund_overdue', 'refundAlertedAt']] as const) {
              const numbers = alerts.filter((a) => a.kind === kind).map((a) => a.returnNumber);
              if (numbers.length === 0) continue;
              const { count } = await tx.returnRequest.updateMany({ where: { returnNumber: { in: numbers }, [column]: null }, data: { [column]: at } });
              // Another worker alerted one of them first: this mail would repeat it, so none of it is committed.
              if (count !== numbers.length) throw new AppError('conflict', 'an alert was sent meanwhile');
            }
            await tx.outboundMessage.create({ data: outboundRow(mail) });
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw new AppError('conflict', `alert ${mail.messageId} already exists`, { cause: error });
          throw error;
        }
      }),

    digestFacts: (now) =>
      guard('digestFacts', async () => {
        const undecided = { state: { in: UNDECIDED } };
        const [underReview, reviewOverdue, awaiting, expiring, owedRows, unassigned, waitingForAddress] = await Promise.all([
          db.returnRequest.count({ where: undecided }),
          db.returnRequest.count({ where: { ...undecided, reviewDueAt: { lt: now } } }),
          db.returnRequest.count({ where: { state: 'awaiting_shipment' } }),
          db.returnRequest.count({ where: { state: 'awaiting_shipment', shipBy: { lte: new Date(now.getTime() + DAY_MS) } } }),
          // The same refunds as the refunds to pay (at most a page of them: more is not a desk's day).
          db.returnRequest.findMany({
            where: REFUNDS_OWED,
            take: REFUNDS_DUE_LIMIT,
            select: { returnNumber: true, refundDue: true, refundDueAt: true, application: true, decision: true },
          }),
          db.inboundMessage.count({ where: { state: { in: ['needs_attention', 'parked'] } } }),
          db.returnRequest.count({ where: { state: 'approved' } }),
        ]);
        const owed = owedRows.filter(owesRefund);
        const overdue = owed.filter((r) => r.refundDueAt !== null && r.refundDueAt < now);
        const sum = (rows: typeof owed) => rows.reduce((total, r) => total + (r.refundDue ?? 0), 0);
        return {
          underReview,
          reviewOverdue,
          awaitingShipment: awaiting,
          expiringWithin24h: expiring,
          refundsDue: owed.length,
          refundsDueAmount: sum(owed),
          refundsOverdue: overdue.length,
          refundsOverdueAmount: sum(overdue),
          unassignedMail: unassigned,
          waitingForAddress,
        };
      }),

    queueDigest: (mail) =>
      guard('queueDigest', async () => {
        try {
          await db.outboundMessage.create({ data: outboundRow(mail) });
          return true;
        } catch (error) {
          if (isUniqueViolation(error)) return false;
          throw error;
        }
      }),
  };
}
