// A received e-mail after MIME decoding: what the pipeline needs of it, nothing tied to mailparser.
export interface Address {
  address: string;
  name?: string;
}

export interface MailAttachment {
  /** File name as sent (decoded from RFC 2231/2047), or a generated one such as `attachment-2.bin`. */
  filename: string;
  /** Content-Type the sender declared; never trusted for dispatch (see DocumentKind, detected from bytes). */
  declaredType: string;
  content: Buffer;
  /** Content-Disposition inline. Apple Mail sends PDFs and photos inline, so inline parts with a name still count. */
  inline: boolean;
}

export interface MailMessage {
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  from?: Address;
  replyTo?: Address;
  to: Address[];
  subject: string;
  date?: Date;
  /** Header names lower-cased; repeated headers joined with ", ". Used for RFC 3834 auto-reply checks. */
  headers: Record<string, string>;
  text: string;
  /** Content-Type of the top part, e.g. multipart/report for delivery-status bounces. */
  contentType: string;
  attachments: MailAttachment[];
  /** Set when the raw message was over MAX_MESSAGE_BYTES: only its headers were read, so it can be answered. */
  oversize?: boolean;
  /**
   * Set when decoding the message breached the MIME process's limits (MIME_PARSER_HEAP_MB, MIME_PARSE_SECONDS): only
   * its headers were read, so it can be answered. The value says which limit (`timeout: 20 s`).
   */
  tooComplex?: string;
}
