// What real mail delivery needs remembered beyond returns: which IMAP messages were marked, who may poll a
// mailbox, which recipients bounce, how many replies an address got lately, and messages a dead worker held.
import type { InboundState } from '../return-state.ts';

/** Where a message goes in the mailbox once its outcome is committed. */
export type MailboxDisposition = 'processed' | 'needs_attention' | 'parked' | 'duplicate';

export interface MailboxLedger {
  /** Of `keys`, those already stored as inbound mail or already marked in this mailbox: never fetched again. */
  knownKeys(mailboxId: string, keys: string[]): Promise<Set<string>>;
  /** Of `messageIds`, those already stored (any mailbox): a redelivery or a rebuilt mailbox, not new mail. */
  storedMessageIds(messageIds: string[]): Promise<Set<string>>;
  recordMarked(entry: { mailboxId: string; mailboxKey: string; messageId?: string; disposition: MailboxDisposition; at: Date }): Promise<void>;
  /** Inbound messages of this mailbox whose outcome is committed but whose mailbox mark did not happen (a crash or a dropped connection). */
  listUnmarked(mailboxId: string, limit: number): Promise<Array<{ mailboxKey: string; state: InboundState }>>;
}

export interface LeaseStore {
  /** Takes or renews the lease `name` for `owner` until now + ttl; false while another owner holds an unexpired lease. */
  acquireLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  releaseLease(name: string, owner: string): Promise<void>;
}

export interface BounceRecord {
  /** Message-ID of our reply the report is about. */
  originalMessageId?: string;
  recipient: string;
  /** RFC 3463 status, e.g. `5.1.1`. */
  status: string;
  hard: boolean;
  at: Date;
}

export interface DeliveryGuardStore {
  /** Marks our reply bounced (when found) and counts the bounce on the recipient; blocks it at `blockAfter` hard bounces. */
  recordBounce(bounce: BounceRecord, blockAfter: number): Promise<{ outboundFound: boolean; blocked: boolean }>;
  isBlocked(address: string): Promise<boolean>;
  /** Replies committed to `address` since `since` (sent or waiting), for the per-recipient rate limit. */
  countRepliesSince(address: string, since: Date): Promise<number>;
  /** When the first message of this mailbox was stored: mail that reached the mailbox before it is a backlog. */
  mailboxWatchedSince(mailboxId: string): Promise<Date | null>;
}

export interface WorkRecovery {
  /** Messages left in `processing` since before `olderThan` (their worker died) go back to `received`; returns their ids. */
  releaseStaleProcessing(olderThan: Date): Promise<string[]>;
  /**
   * Messages `processing` under a claimant whose `worker:<claimant>` lease has expired or is gone at `now`, or that
   * `isDead` knows to be dead (a process on this machine that no longer runs), go back to `received`; returns their ids.
   * Rows claimed without a claimant (older versions) are left to releaseStaleProcessing.
   */
  releaseOrphanedProcessing(now: Date, isDead: (claimant: string) => boolean): Promise<string[]>;
}

export interface DeliveryStore extends MailboxLedger, LeaseStore, DeliveryGuardStore, WorkRecovery {}
