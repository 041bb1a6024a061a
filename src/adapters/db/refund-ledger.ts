// The RefundLedger port: refunds owed, read from the columns written when the inspection accepted the goods and
// when the desk marked them paid, plus the application's bank details (validated JSON).
import type { RefundDue, RefundLedger, RefundTotals } from '../../domain/ports/refunds.ts';
import { RefundMethodSchema } from '../../domain/application.ts';
import { guard } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';
import { DecisionSchema, ParsedApplicationSchema, readJson } from './stored-json.ts';

/** More refunds than this waiting at once is not a desk's day: the page says so rather than loading thousands. */
export const REFUNDS_DUE_LIMIT = 500;

/**
 * Refunds not yet paid: every return at the warehouse (paying one moves it to `refunded`), and an exchange whose
 * replacement already went out while the return postage it owes is still unpaid (exchange-shipping-refund.ts).
 */
const UNPAID = {
  refundPaidOn: null,
  OR: [{ state: 'received_at_warehouse' }, { state: 'exchanged', refundDue: { gt: 0 } }],
};

/**
 * The refunds to pay, as the page lists them and the desk is alerted about them (desk-alert-store.ts): unpaid, and
 * owed once the inspection accepted the goods, which fixed the amount (refundDue). `owesRefund` settles the rest.
 */
export const REFUNDS_OWED = { ...UNPAID, events: { some: { type: 'inspection_passed' } } };

/** An exchange of everything owes money only when its return postage is the shop's cost (refundDue > 0). */
export function owesRefund(row: { returnNumber: string; refundDue: number | null; application: unknown; decision: unknown }): boolean {
  return (row.refundDue ?? 0) > 0 || !exchangeOnly(row.application, row.decision, row.returnNumber);
}

/**
 * REFUNDS_OWED and owesRefund asked of one row already read with its accepted inspection (or not): the scheduler's
 * ReturnRef (return-updates-store.ts) says whether the refund it flags overdue is one on the refunds to pay.
 */
export function isRefundOwed(
  row: { state: string; refundPaidOn: string | null; returnNumber: string; refundDue: number | null; application: unknown; decision: unknown },
  inspected: boolean,
): boolean {
  const unpaid = row.refundPaidOn === null && (row.state === 'received_at_warehouse' || (row.state === 'exchanged' && (row.refundDue ?? 0) > 0));
  return unpaid && inspected && owesRefund(row);
}

export function createRefundLedger(db: DbClient): RefundLedger {
  return {
    listRefundsDue: () =>
      guard('listRefundsDue', async () => {
        const rows = await db.returnRequest.findMany({
          where: REFUNDS_OWED,
          orderBy: [{ refundDueAt: 'asc' }, { returnNumber: 'asc' }],
          take: REFUNDS_DUE_LIMIT,
          select: { returnNumber: true, customerEmail: true, orderNumber: true, refundDue: true, refundDueAt: true, application: true, decision: true },
        });
        return rows.filter(owesRefund).map((row): RefundDue => {
          const fields = readJson(ParsedApplicationSchema, row.application, `application of return ${row.returnNumber}`).fields;
          const method = RefundMethodSchema.safeParse(fields.refundMethod?.value);
          const value = (key: keyof typeof fields) => fields[key]?.value ?? null;
          return {
            returnNumber: row.returnNumber,
            customerName: value('fullName'),
            customerEmail: row.customerEmail,
            orderNumber: row.orderNumber,
            amount: row.refundDue,
            dueAt: row.refundDueAt,
            refundMethod: method.success ? method.data : null,
            bik: value('bik'),
            account: value('account'),
            corrAccount: value('corrAccount'),
            accountHolder: value('accountHolder'),
            cardLast4: value('cardLast4'),
          };
        });
      }),

    refundTotals: (now, sinceDay) =>
      guard('refundTotals', async () => {
        const [owed, paid] = await Promise.all([
          owedRefundTotals(db, now),
          // Paid days are shop days as `YYYY-MM-DD`, so a string comparison is a date comparison.
          db.returnRequest.aggregate({ where: { refundPaidOn: { gte: sinceDay } }, _sum: { refundPaid: true }, _count: { _all: true } }),
        ]);
        return { ...owed, paidAmount: paid._sum.refundPaid ?? 0, paidCount: paid._count._all };
      }),
  };
}

/**
 * The refunds to pay and those past their due date, counted and summed by the rule of the list (REFUNDS_OWED and
 * owesRefund), for the dashboard's tiles (dashboard-queries.ts and refundTotals). A positive amount is always owed,
 * so those rows are summed in the database; only rows without an amount (an exchange of everything waiting for its
 * inspection, a return inspected before amounts were kept) are read to ask owesRefund, and they add no money.
 */
export async function owedRefundTotals(db: DbClient, now: Date): Promise<Pick<RefundTotals, 'dueAmount' | 'dueCount' | 'overdueAmount' | 'overdueCount'>> {
  const withAmount = { AND: [REFUNDS_OWED, { refundDue: { gt: 0 } }] };
  const [due, overdue, withoutAmount] = await Promise.all([
    db.returnRequest.aggregate({ where: withAmount, _sum: { refundDue: true }, _count: { _all: true } }),
    db.returnRequest.aggregate({ where: { AND: [withAmount, { refundDueAt: { lt: now } }] }, _sum: { refundDue: true }, _count: { _all: true } }),
    db.returnRequest.findMany({
      where: { AND: [REFUNDS_OWED, { OR: [{ refundDue: null }, { refundDue: { lte: 0 } }] }] },
      select: { returnNumber: true, refundDue: true, refundDueAt: true, application: true, decision: true },
    }),
  ]);
  const owedWithout = withoutAmount.filter(owesRefund);
  return {
    dueAmount: due._sum.refundDue ?? 0,
    dueCount: due._count._all + owedWithout.length,
    overdueAmount: overdue._sum.refundDue ?? 0,
    overdueCount: overdue._count._all + owedWithout.filter((r) => r.refundDueAt !== null && r.refundDueAt < now).length,
  };
}

/** An exchange with no item refunded owes no money (decide-review.ts keeps the exchanged items in the decision). */
function exchangeOnly(application: unknown, decision: unknown, returnNumber: string): boolean {
  const items = readJson(ParsedApplicationSchema, application, `application of return ${returnNumber}`).items;
  const exchange = readJson(DecisionSchema, decision, `decision of return ${returnNumber}`).exchange;
  return items.length === 0 && Array.isArray(exchange) && exchange.length > 0;
}
