// Changing a return after it was created: an agent's decision or edit, a customer's follow-up (tracking
// number, clearer photo), the scheduler's reminder or expiry. One method, one transaction: state, audit
// events, reply and deadlines change together or not at all.
import type { ParsedApplication } from '../application.ts';
import type { Decision } from '../decision.ts';
import type { Language } from '../reply.ts';
import type { ReturnState } from '../return-state.ts';
import type { OutboundDraft, ReturnEvent, StoredDocument } from './store.ts';

/** Dates the scheduler acts on (SPEC §4); kept as columns so "what is due now" is one indexed query. */
export interface ReturnDeadlines {
  /** When the application must be decided by (received + review SLA). */
  reviewDueAt: Date | null;
  /** Set once when a review SLA breach is first noticed. */
  reviewBreachedAt: Date | null;
  /** Approval + ship-within days; after it the return expires. */
  shipBy: Date | null;
  reminderSentAt: Date | null;
  /** When the parcel reached the warehouse; the refund is due refund-days later. */
  warehouseAt: Date | null;
  refundDueAt: Date | null;
  refundOverdueAt: Date | null;
}

export interface ReturnRef {
  id: string;
  returnNumber: string;
  state: ReturnState;
  language: Language;
  customerEmail: string | null;
  orderNumber: string | null;
  /** The customer's first message (for threading replies) and our replies' ids, oldest first. */
  customerMessageId: string | null;
  customerSubject: string | null;
  replyMessageIds: string[];
  application: ParsedApplication;
  decision: Decision;
  deadlines: ReturnDeadlines;
  trackingNumber: string | null;
  createdAt: Date;
  /** When the customer's application reached the mailbox: the clock of the return window. Absent in old rows. */
  receivedAt?: Date | null;
  /** When the warehouse inspection accepted the goods (its `inspection_passed` event); null or absent before. */
  inspectedAt?: Date | null;
  /** When a shipping receipt photo arrived (its latest `receipt_received` event); null or absent before. */
  receiptReceivedAt?: Date | null;
  /** Return postage an agent read off the receipt, kopecks; null or absent until entered. */
  returnShippingCost?: number | null;
  /** When the replacement of an exchange was sent (its latest `replacement_sent` or `send_replacement` event). */
  replacementSentAt?: Date | null;
  /** The refund as paid: kopecks and the shop day (`YYYY-MM-DD`) the desk recorded; null or absent before. */
  refundPaid?: { amount: number; on: string } | null;
  /**
   * The refund is on the refunds to pay: unpaid, the inspection accepted the goods, and money is owed (at the
   * warehouse, or an exchange's return postage after the replacement went out). Absent is not owed.
   */
  refundOwed?: boolean;
}

export interface OrderReturnSummary {
  returnNumber: string;
  createdAt: Date;
  /** The application's reason as stored (validated by the caller). */
  reason: string | null;
  items: Array<{ sku: string; size: string | null; quantity: number; reason: string | null }>;
}

export interface ReturnUpdate {
  returnNumber: string;
  /** The state this change was decided from; if the return moved meanwhile the update is refused (AppError 'conflict'). */
  fromState: ReturnState;
  toState: ReturnState;
  events: ReturnEvent[];
  reply?: OutboundDraft;
  application?: ParsedApplication;
  decision?: Decision;
  deadlines?: Partial<ReturnDeadlines>;
  trackingNumber?: string;
  /** Return postage from the receipt, kopecks (an agent's entry). */
  returnShippingCost?: number;
  /** The refund owed (kopecks, fixed when the inspection accepts the goods), and what was paid on which shop day. */
  refund?: { due?: number; paid?: number; paidOn?: string };
  /** A follow-up e-mail that caused this change: linked to the return and marked processed in the same transaction. */
  inbound?: { id: string; documents: StoredDocument[] };
}

export interface ReturnUpdates {
  getReturnRef(returnNumber: string): Promise<ReturnRef | null>;
  /** The return a customer's e-mail belongs to: by our reply Message-IDs in In-Reply-To/References, else by return number. */
  findReturnForFollowUp(ref: { messageIds: string[]; returnNumbers: string[] }): Promise<ReturnRef | null>;
  /**
   * Returns still open (not rejected, refunded, sent back or expired) whose customer e-mail is one of these
   * (lower case), newest first: a follow-up in a new thread is matched among them (match-open-return.ts).
   */
  openReturnsOf(customerEmails: string[]): Promise<ReturnRef[]>;
  updateReturn(update: ReturnUpdate): Promise<void>;
  /**
   * The returns of this order that claim their items (under review, approved, on the way or refunded), oldest
   * first: so the same item cannot be returned — and refunded — twice, and each refund knows what earlier
   * returns of the order were refunded.
   */
  orderReturns(orderNumber: string): Promise<OrderReturnSummary[]>;
  /**
   * Returns with a deadline at or before `now` not yet acted on, oldest first: awaiting shipment whose ship-by
   * moment is at or before `reminderHorizon` (reminder not sent) or past (expiry); under review past reviewDueAt
   * with no breach recorded; at the warehouse past refundDueAt with no overdue flag.
   */
  listDueReturns(now: Date, limit: number, options: { reminderHorizon: Date }): Promise<ReturnRef[]>;
  /**
   * Approved returns whose shipping instructions have not gone out yet (state `approved`: they wait for the shop's
   * return address), oldest first, `limit` at a time after the one with id `after`.
   */
  listWaitingApprovals(limit: number, after?: string): Promise<ReturnRef[]>;
}
