// Where inbound mail comes from: a Maildir by default, an IMAP folder in production.
import type { MailboxDisposition } from './delivery-store.ts';

export type { MailboxDisposition };

export interface MailboxEntry {
  /** Stable key of the message inside this mailbox (Maildir unique name, or `uidvalidity:uid` for IMAP). */
  key: string;
  /** When the message reached the mailbox (Maildir file time, IMAP INTERNALDATE); backlog age counts from it. */
  arrivedAt?: Date;
}

export interface Mailbox {
  /** Identifies the mailbox itself (e.g. `maildir:/abs/path` or `imap://user@host/INBOX`); stored with every message. */
  readonly id: string;
  /** Messages not yet marked processed, oldest first, at most `limit`. */
  listUnprocessed(limit: number): Promise<MailboxEntry[]>;
  read(key: string): Promise<Buffer>;
  /**
   * Called only after the outcome is committed to the database. Must be idempotent. `disposition` lets a
   * mailbox file the message by outcome (e.g. an IMAP folder for messages that need a person); default `processed`.
   */
  markProcessed(key: string, disposition?: MailboxDisposition): Promise<void>;
  /**
   * Resolves when new mail may have arrived (IMAP IDLE), after `timeoutMs` at the latest (the polling fallback),
   * or when `signal` aborts. Mailboxes without push leave it out and the worker simply sleeps.
   */
  waitForNew?(signal: AbortSignal, timeoutMs: number): Promise<void>;
  close?(): Promise<void>;
}
