// Where inbound mail comes from: a Maildir by default, an IMAP folder in production.
export interface MailboxEntry {
  /** Stable key of the message inside this mailbox (Maildir unique name, or `uidvalidity:uid` for IMAP). */
  key: string;
}

export interface Mailbox {
  /** Identifies the mailbox itself (e.g. `maildir:/abs/path` or `imap://user@host/INBOX`); stored with every message. */
  readonly id: string;
  /** Messages not yet marked processed, oldest first, at most `limit`. */
  listUnprocessed(limit: number): Promise<MailboxEntry[]>;
  read(key: string): Promise<Buffer>;
  /** Called only after the outcome is committed to the database. Must be idempotent. */
  markProcessed(key: string): Promise<void>;
}
