// Where a composed reply goes: a folder of .eml files by default, an SMTP server in production.

export interface ReplyEnvelope {
  /** SMTP MAIL FROM; bounces of our replies come back here. */
  from: string;
  to: string;
}

export interface ReplyTransport {
  /**
   * Delivers the RFC 5322 bytes as they are. Idempotent per `messageId` where the transport can be
   * (the file outbox is); faults throw AppError('transport_failed') so the worker retries.
   */
  send(raw: Buffer, envelope: ReplyEnvelope, messageId: string): Promise<void>;
}
