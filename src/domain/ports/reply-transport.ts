// Where a composed reply goes: a folder of .eml files by default, an SMTP server in production.

export interface ReplyEnvelope {
  /** SMTP MAIL FROM; bounces of our replies come back here. */
  from: string;
  to: string;
  /**
   * Our own mailbox, as an extra envelope recipient only (never a header): the same SMTP transaction that reaches
   * the customer drops a copy of the reply, same Message-ID, into the mailbox we read. That copy arriving proves
   * the send happened when a crash left it unrecorded (src/pipeline/send/send-outbox.ts).
   */
  copyTo?: string;
}

export interface ReplyTransport {
  /**
   * Delivers the RFC 5322 bytes as they are. Idempotent per `messageId` where the transport can be
   * (the file outbox is); faults throw AppError('transport_failed') so the worker retries.
   */
  send(raw: Buffer, envelope: ReplyEnvelope, messageId: string): Promise<void>;
  /** True when sending one Message-ID twice delivers it once (the file outbox): an unconfirmed send is simply repeated. */
  readonly idempotent?: boolean;
}
