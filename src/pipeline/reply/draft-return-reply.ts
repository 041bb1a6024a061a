// A reply about an existing return (reminder, expiry, re-parse result, agent decision), threaded into the
// customer's conversation and composed to bytes, ready to commit with the change that causes it.
import type { RenderedReply, ReplyTemplate } from '../../domain/reply.ts';
import type { ReplyTemplates } from '../../domain/ports/reply-renderer.ts';
import type { ReturnRef } from '../../domain/ports/return-updates.ts';
import type { OutboundDraft } from '../../domain/ports/store.ts';
import { renderReply } from './render-reply.ts';
import type { ReplyDataInput } from './reply-data.ts';

export interface ReturnReplyDeps {
  templates: ReplyTemplates;
  composeMessage: (reply: RenderedReply) => Promise<Buffer>;
  /** Our address, `Returns <info@shop.example>`. */
  from: string;
}

export async function draftReturnReply(
  deps: ReturnReplyDeps,
  ref: Pick<ReturnRef, 'returnNumber' | 'language' | 'customerEmail' | 'customerMessageId' | 'customerSubject' | 'replyMessageIds'>,
  template: ReplyTemplate,
  data: ReplyDataInput<ReplyTemplate>,
  to = ref.customerEmail,
  options: {
    /** Answer this message of the customer's (an agent answering their latest e-mail); default their first one. */
    inReplyTo?: string;
    /** Fixes the Message-ID: the same agent form sent twice drafts the same reply, which the outbox takes once. */
    randomId?: () => string;
  } = {},
): Promise<OutboundDraft | undefined> {
  // A return without a known customer address (created by hand, say) gets no e-mail; the event still records why.
  if (!to) return undefined;
  const inReplyTo = options.inReplyTo ?? ref.customerMessageId;
  const reply = renderReply(
    deps.templates,
    {
      template,
      language: ref.language,
      to,
      from: deps.from,
      ...(inReplyTo ? { inReplyTo } : {}),
      // The customer's first message, then our replies: mail clients thread on References.
      references: [...(ref.customerMessageId ? [ref.customerMessageId] : []), ...ref.replyMessageIds],
      originalSubject: ref.customerSubject ?? '',
      returnNumber: ref.returnNumber,
      data,
    },
    options.randomId ? { randomId: options.randomId } : {},
  );
  return { messageId: reply.messageId, to: reply.to, subject: reply.subject, template, language: ref.language, raw: await deps.composeMessage(reply) };
}
