// A return's conversation and the unassigned inbox (issue #14): every customer e-mail and every reply of ours, in
// order, and the desk's hand in them: answering mail that belongs to no return, attaching it to a return.
import type { InboundState } from '../return-state.ts';
import type { OutboundDraft, ReturnEvent } from './store.ts';

export type ThreadMessage =
  | {
      direction: 'in';
      id: string;
      at: Date;
      state: InboundState;
      /** The stored message, or its first bytes when it is large (enough for its headers and its text). */
      raw: Buffer;
      bytes: number;
    }
  | {
      direction: 'out';
      id: string;
      at: Date;
      messageId: string;
      to: string;
      template: string;
      /** pending, sending, sent, failed */
      state: string;
      raw: Buffer;
      bytes: number;
      /** The agent who wrote it or whose action sent it (`agent:<email>`); null for the machine's own replies. */
      author: string | null;
    };

export interface Conversations {
  /** The conversation of a return, oldest first: its e-mails (InboundMessage.threadReturnId) and its replies. */
  returnThread(returnNumber: string): Promise<ThreadMessage[]>;
  /** One inbound e-mail and our replies to it when it belongs to no return; null when there is no such message. */
  inboundThread(inboundId: string): Promise<{ returnNumber: string | null; messages: ThreadMessage[] } | null>;
  /**
   * An agent's answer to an e-mail that belongs to no return: the reply is committed to the outbox and the message
   * leaves the unassigned inbox, in one transaction, only while it is still in one of `fromStates` (else 'conflict').
   */
  answerInbound(input: { inboundId: string; fromStates: readonly InboundState[]; reply: OutboundDraft; reason: string }): Promise<void>;
  /** One inbound e-mail whole (its attachments too, unlike a thread's first bytes); null when there is no such message. */
  inboundMessage(inboundId: string): Promise<{ raw: Buffer; messageId: string | null; receivedAt: Date } | null>;
  /** The e-mail joins the return's conversation (with an audit event on the return), if still in one of `fromStates`. */
  attachInbound(input: { inboundId: string; fromStates: readonly InboundState[]; returnNumber: string; event: ReturnEvent }): Promise<void>;
}
