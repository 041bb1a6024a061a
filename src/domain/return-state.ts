// Lifecycle states (SPEC §4). Transitions and their rules live in the decide stage; this is the vocabulary.
import { z } from 'zod';

export const RETURN_STATES = [
  'received',
  'parsed',
  'needs_review',
  'approved',
  'rejected',
  'awaiting_application',
  'awaiting_shipment',
  'shipped',
  'received_at_warehouse',
  'refunded',
  'returned_to_customer',
  'expired',
  // An agent called the return off (the customer withdrew it, a duplicate); an agent may reopen it.
  'cancelled',
  // Every item kept was exchanged, and the replacement has been sent: done, with no refund.
  'exchanged',
] as const;
export const ReturnStateSchema = z.enum(RETURN_STATES);
export type ReturnState = z.infer<typeof ReturnStateSchema>;

/** States of an inbound e-mail; every message ends in one of the final ones, visibly. */
export const INBOUND_STATES = [
  'received', // stored, not yet processed
  'processing',
  'processed', // created or updated a return
  'ignored', // auto-reply, bounce, mailing list, duplicate: recorded, deliberately not answered
  'needs_attention', // not an application and not a follow-up: an agent should read it
  'failed', // a fault; will be retried
  'parked', // failed too often; kept for an operator, never dropped
] as const;
export const InboundStateSchema = z.enum(INBOUND_STATES);
export type InboundState = z.infer<typeof InboundStateSchema>;
