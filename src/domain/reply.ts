// A reply to the customer, rendered from templates and ready to compose into an e-mail.
export type ReplyTemplate =
  | 'approved'
  // Approved while the policy's return address is still the preset's placeholder: the instructions follow.
  | 'approved_address_pending'
  // Those instructions, once the shop's return address is set (release-waiting-approvals.ts).
  | 'shipping_instructions'
  | 'rejected'
  | 'needs_review'
  | 'application_missing'
  | 'photo_unreadable'
  | 'message_too_large'
  | 'shipping_reminder'
  | 'expired'
  | 'parcel_received'
  | 'refund_issued'
  | 'shipment_received'
  | 'returned_to_customer'
  | 'ship_by_extended'
  | 'cancelled'
  | 'agent_reply'
  | 'exchange_approved'
  | 'exchange_sent'
  // Mail to the returns desk itself, never to a customer (src/pipeline/alerts).
  | 'desk_alert'
  | 'desk_digest';

export type Language = 'ru' | 'en';

export interface ReplyAttachment {
  filename: string;
  contentType: string;
  path: string;
}

export interface RenderedReply {
  template: ReplyTemplate;
  language: Language;
  /** Our Message-ID for this reply, `<...@domain>`; set before sending so a retry can't send twice. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  inReplyTo?: string;
  references: string[];
  text: string;
  html: string;
  attachments: ReplyAttachment[];
}
