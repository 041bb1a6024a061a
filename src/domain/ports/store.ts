// Persistence the pipeline needs, as one narrow port. Implemented with Prisma for SQLite and PostgreSQL
// (src/adapters/db). Every method that changes several rows does so in one transaction.
import type { ParsedApplication } from '../application.ts';
import type { Decision } from '../decision.ts';
import type { ExtractedDocument } from '../document.ts';
import type { InboundState, ReturnState } from '../return-state.ts';
import type { Language, ReplyTemplate } from '../reply.ts';
import type { ReturnDeadlines } from './return-updates.ts';

export interface NewInbound {
  mailboxId: string;
  mailboxKey: string;
  messageId?: string;
  /** Of the message's content: its author's headers and body, not the headers relays add (pipeline/ingest/content-hash.ts). */
  sha256: string;
  raw: Buffer;
  receivedAt: Date;
}

export interface SaveInboundResult {
  id: string;
  /**
   * True when this message was already stored: the same Message-ID with the same content, or, without a
   * Message-ID, the same content. A reused Message-ID with other content is a message of its own.
   */
  duplicate: boolean;
  state: InboundState;
}

export interface InboundRecord {
  id: string;
  mailboxId: string;
  mailboxKey: string;
  messageId: string | null;
  sha256: string;
  raw: Buffer;
  state: InboundState;
  attempts: number;
  lastError: string | null;
  deliveryCount: number;
  receivedAt: Date;
}

/** One value an event changed: a field an agent corrected, a deadline moved. null: the value was (or is now) absent. */
export interface ValueChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface ReturnEvent {
  /** `system`, `customer`, or `agent:<email>`. */
  actor: string;
  type: string;
  fromState?: ReturnState;
  toState?: ReturnState;
  reason?: string;
  /** Old and new value of what the event changed (issue #14: an edit kept only the field's name). */
  changes?: ValueChange[];
  at: Date;
}

/** A reply composed to RFC 5322 bytes, committed together with the decision that caused it. */
export interface OutboundDraft {
  messageId: string;
  to: string;
  subject: string;
  template: ReplyTemplate;
  language: Language;
  raw: Buffer;
  /** The agent who wrote the reply or whose action sends it (`agent:<email>`); absent for the machine's own replies. */
  author?: string;
}

export interface StoredDocument extends ExtractedDocument {
  content: Buffer;
}

export interface RecordReturnInput {
  inboundId: string;
  returnNumber: string;
  state: ReturnState;
  customerEmail?: string;
  orderNumber?: string;
  language: Language;
  application: ParsedApplication;
  decision: Decision;
  documents: StoredDocument[];
  events: ReturnEvent[];
  reply?: OutboundDraft;
  /** The customer's Message-ID and subject, so later replies thread into their conversation. */
  customerMessageId?: string;
  customerSubject?: string;
  deadlines?: Partial<ReturnDeadlines>;
  /** An agent starting a return from an unassigned e-mail: only while the e-mail is still in one of these states. */
  fromInboundStates?: readonly InboundState[];
}

export interface RecordedReturn {
  returnId: string;
  returnNumber: string;
}

export interface OutboundRecord {
  id: string;
  messageId: string;
  to: string;
  raw: Buffer;
  attempts: number;
  /** When the current send attempt began; set while the reply is `sending`. */
  sendingAt?: Date | null;
}

export interface ReturnSummary {
  id: string;
  returnNumber: string;
  state: ReturnState;
  customerEmail: string | null;
  orderNumber: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReturnDetail extends ReturnSummary {
  language: Language;
  application: ParsedApplication;
  decision: Decision;
  events: ReturnEvent[];
  documents: Array<Omit<StoredDocument, 'content'> & { id: string }>;
  outbound: Array<{ messageId: string; template: ReplyTemplate; to: string; state: string; createdAt: Date }>;
}

export interface Store {
  saveInbound(input: NewInbound): Promise<SaveInboundResult>;
  /** Ids in `states`, oldest first; with `dueBy`, only those whose retry time (if any) has come by then. */
  listInboundIds(states: InboundState[], limit: number, options?: { dueBy?: Date }): Promise<string[]>;
  /**
   * Atomically moves a `received` or `failed` message to `processing` and counts the attempt (`attempts` + 1, before
   * anything reads it: a message that crashes its worker runs out of attempts too); null when another worker has it.
   * `claimant`: the worker's id (its `worker:<id>` lease), so the row is handed out again as soon as that lease is gone.
   */
  claimInbound(id: string, claimant?: string): Promise<InboundRecord | null>;
  /**
   * Ends processing without a return: ignored, needs_attention, failed or parked. A `failed`
   * message with `retryAt` is not offered again (listInboundIds with dueBy) before then. A `reply` (parked only: the
   * sender told their message could not be processed) is written to the outbox in the same transaction.
   */
  finishInbound(id: string, state: InboundState, reason: string, options?: { retryAt?: Date; reply?: OutboundDraft }): Promise<void>;
  /** One transaction: documents, return, items, events, outbound reply, and the inbound message → processed. */
  recordReturn(input: RecordReturnInput): Promise<RecordedReturn>;
  returnNumberExists(returnNumber: string): Promise<boolean>;

  listPendingOutbound(limit: number): Promise<OutboundRecord[]>;
  /**
   * Records that a send begins, before the SMTP transaction: `pending` → `sending` stamped `at`, or, with
   * `previous`, a new attempt on a reply still `sending` since `previous`. False when another sender took it.
   */
  beginOutboundSend(id: string, at: Date, previous?: Date): Promise<boolean>;
  /** Replies left `sending` (by a crash, or in flight in another worker), oldest attempt first, with sendingAt. */
  listSendingOutbound(limit: number): Promise<OutboundRecord[]>;
  markOutboundSent(id: string, at: Date): Promise<void>;
  /** A pending or sending reply whose transport failed: back to `pending` with attempts + 1; `failed` when they run out. */
  markOutboundFailed(id: string, error: string): Promise<void>;

  listReturns(filter: { state?: ReturnState; limit: number }): Promise<ReturnSummary[]>;
  getReturn(returnNumber: string): Promise<ReturnDetail | null>;
  countInboundByState(): Promise<Partial<Record<InboundState, number>>>;
  countReturnsByState(): Promise<Partial<Record<ReturnState, number>>>;

  close(): Promise<void>;
}
