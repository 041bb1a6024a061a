// The manager's numbers (issue #7 §5), each one bounded query so the dashboard stays fast at 100,000 returns.
import type { InboundState, ReturnState } from '../return-state.ts';

/** Inbound states a person must look at: not an application, failing, or parked after failing too often. */
export const ATTENTION_STATES = ['needs_attention', 'failed', 'parked'] as const satisfies readonly InboundState[];
export type AttentionState = (typeof ATTENTION_STATES)[number];

export interface AttentionRow {
  id: string;
  state: AttentionState;
  /** Why it is in this state (`not_an_application`, the last error of a failed one). */
  reason: string | null;
  attempts: number;
  receivedAt: Date;
  /** The first bytes of the raw message: enough for its headers (From, Subject) without loading a 30 MB message. */
  head: Buffer;
}

export interface QueueFilter {
  /** undefined: every state. */
  state?: ReturnState;
  /** Return number, order number, customer name or e-mail (substring, case-insensitive for Latin letters). */
  search?: string;
  limit: number;
  offset: number;
}

export interface QueueRow {
  returnNumber: string;
  state: ReturnState;
  orderNumber: string | null;
  customerEmail: string | null;
  customerName: string | null;
  createdAt: Date;
  reviewDueAt: Date | null;
  /** Lowest field confidence of the application, for a hint in the queue. */
  minConfidence: number | null;
}

export interface DashboardStats {
  windowDays: number;
  byState: Partial<Record<ReturnState, number>>;
  intakePerDay: Array<{ day: string; count: number }>;
  firstReplySeconds: { p50: number | null; p90: number | null; samples: number };
  review: { open: number; overdueNow: number; breachedInWindow: number };
  shipping: { awaiting: number; expiringWithin24h: number };
  refunds: { due: number; overdue: number };
  autoApproval: { auto: number; total: number; rate: number | null };
  topRejectionReasons: Array<{ code: string; count: number }>;
  /** Field confidences of recent applications in tenths: bucket 9 is [0.9, 1.0]. */
  confidenceBuckets: Array<{ bucket: number; count: number }>;
  /** How many recent applications the confidence histogram covers. */
  confidenceSample: number;
}

export interface Dashboard {
  listQueue(filter: QueueFilter, now: Date): Promise<{ rows: QueueRow[]; total: number }>;
  /** The next application under review after this one (oldest first), for the "next" shortcut. */
  nextForReview(afterReturnNumber: string | null): Promise<string | null>;
  stats(now: Date, windowDays: number): Promise<DashboardStats>;
  /** Inbound messages not in a final state (received, processing, failed), for /health and /metrics. */
  queueDepth(): Promise<number>;
  /** Inbound mail a person must read, newest first. */
  listAttention(filter: { state?: AttentionState; limit: number; offset: number }): Promise<{ rows: AttentionRow[]; total: number }>;
  /** One inbound message in an attention state, with its whole raw message; null for any other message. */
  getAttention(id: string): Promise<(AttentionRow & { raw: Buffer }) | null>;
  /** Outbound replies by state and inbound messages by final failure state, for /metrics. */
  deliveryCounts(): Promise<{ repliesSent: number; repliesPending: number; repliesFailed: number; inboundFailed: number; inboundParked: number }>;
}
