// Mail to the returns desk itself (issue #14): an alert when a review SLA is about to break or a refund becomes
// overdue, and a daily digest. Each alert goes out once per return and each digest once per day, however many
// workers run: the flags and the outbox row are committed together, guarded by the flags.
import type { OutboundDraft } from './store.ts';

export type AlertKind = 'review_sla_soon' | 'refund_overdue';

export interface AlertDue {
  kind: AlertKind;
  returnNumber: string;
  dueAt: Date;
  /** The refund owed, kopecks (refund alerts), when known. */
  amount: number | null;
}

export interface DigestFacts {
  underReview: number;
  reviewOverdue: number;
  awaitingShipment: number;
  expiringWithin24h: number;
  refundsDue: number;
  refundsDueAmount: number;
  refundsOverdue: number;
  refundsOverdueAmount: number;
  unassignedMail: number;
  /** Approved returns whose shipping instructions wait for the shop's return address in the policy. */
  waitingForAddress: number;
}

export interface DeskAlerts {
  /** Returns under review due within `reviewLeadMs` and refunds past due, not yet alerted, the earliest first. */
  listAlertsDue(now: Date, reviewLeadMs: number, limit: number): Promise<AlertDue[]>;
  /** Marks these alerted and commits the mail in one transaction; 'conflict' when another worker alerted one first. */
  commitAlerts(alerts: readonly AlertDue[], mail: OutboundDraft, at: Date): Promise<void>;
  digestFacts(now: Date): Promise<DigestFacts>;
  /** Commits the digest unless one with its Message-ID is already in the outbox; false then. */
  queueDigest(mail: OutboundDraft): Promise<boolean>;
}
