// The manager's numbers (issue #7 §5), each one bounded query so the dashboard stays fast at 100,000 returns.
import type { ReturnState } from '../return-state.ts';

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
  /** Inbound messages waiting to be processed (received + failed), for /metrics. */
  queueDepth(): Promise<number>;
  /** Outbound replies by state and inbound messages by final failure state, for /metrics. */
  deliveryCounts(): Promise<{ repliesSent: number; repliesPending: number; repliesFailed: number; inboundFailed: number; inboundParked: number }>;
}
