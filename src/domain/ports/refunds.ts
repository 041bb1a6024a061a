// Refunds the desk owes and has paid (issue #14): the list to pay from, and the money figures on the dashboard.
// Amounts are integer kopecks; a refund is owed once the inspection accepted the goods (its amount fixed then).
import type { RefundMethod } from '../application.ts';

export interface RefundDue {
  returnNumber: string;
  customerName: string | null;
  customerEmail: string | null;
  orderNumber: string | null;
  /** Kopecks, as computed when the inspection accepted the goods; null for a return inspected before this was kept. */
  amount: number | null;
  dueAt: Date | null;
  refundMethod: RefundMethod | null;
  /** Bank details from the application (checked by the parser and the agent); absent for a card refund. */
  bik: string | null;
  account: string | null;
  corrAccount: string | null;
  accountHolder: string | null;
  /** Only the last four digits of a card are ever known. */
  cardLast4: string | null;
}

export interface RefundTotals {
  /** Owed now, by the rule of the refunds to pay (listRefundsDue), kopecks and count. */
  dueAmount: number;
  dueCount: number;
  overdueAmount: number;
  overdueCount: number;
  /** Paid on a shop day at or after `sinceDay`. */
  paidAmount: number;
  paidCount: number;
}

export interface RefundLedger {
  /** Refunds owed: returns at the warehouse whose inspection accepted the goods, the earliest due first. */
  listRefundsDue(): Promise<RefundDue[]>;
  refundTotals(now: Date, sinceDay: string): Promise<RefundTotals>;
}
