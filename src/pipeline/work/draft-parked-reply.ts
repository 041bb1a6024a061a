// A message that stopped its worker every time it was processed is parked for a person, and its sender is still told
// that it could not be processed and what to send instead (the message_too_large reply, worded for a message too
// complex to take apart). Drafted from the headers alone: the rest of the message is what must not be read again.
// The reply passes the same checks as every other: no answer to auto-replies, bounces or our own address, none over
// the hourly limit, none to old backlog mail.
import { headersOnly } from '../../domain/header-block.ts';
import type { DeliveryGuardStore } from '../../domain/ports/delivery-store.ts';
import type { InboundRecord, OutboundDraft } from '../../domain/ports/store.ts';
import { messageLimits } from '../process/build-reply-data.ts';
import type { ProcessDeps } from '../process/process-message.ts';
import { classifySender } from '../reply/classify-sender.ts';
import { detectLanguage } from '../reply/detect-language.ts';
import { isTooOldToAnswer, type ReplyGuard } from '../reply/guard-reply.ts';
import { renderReply } from '../reply/render-reply.ts';

export type ParkedReplyDeps = Pick<ProcessDeps, 'mime' | 'templates' | 'composeMessage' | 'from' | 'ourDomain' | 'ownAddresses' | 'shopName' | 'now'> & {
  replyGuard: ReplyGuard;
  backlogMaxAgeHours?: number;
  delivery?: Pick<DeliveryGuardStore, 'mailboxWatchedSince'>;
};

/** The reply to commit with the park, or undefined when this sender must not (or cannot) be answered. */
export async function draftParkedReply(inbound: InboundRecord, deps: ParkedReplyDeps): Promise<OutboundDraft | undefined> {
  const mail = await deps.mime.parse(headersOnly(inbound.raw));
  const to = (mail.replyTo ?? mail.from)?.address;
  if (!to || !classifySender(mail, deps.ourDomain, deps.ownAddresses).reply) return undefined;
  const now = deps.now();
  if (await isTooOldToAnswer({ arrivedAt: inbound.receivedAt, mailboxId: inbound.mailboxId }, now, deps)) return undefined;
  if (await deps.replyGuard.check(to, now)) return undefined;
  const language = detectLanguage(mail.subject);
  const reply = renderReply(deps.templates, {
    template: 'message_too_large',
    language,
    to,
    from: deps.from,
    ...(mail.messageId ? { inReplyTo: mail.messageId } : {}),
    references: mail.references,
    originalSubject: mail.subject,
    data: { shopName: deps.shopName, customerName: mail.from?.name || null, ...messageLimits(), tooComplex: true },
  });
  return { messageId: reply.messageId, to: reply.to, subject: reply.subject, template: 'message_too_large', language, raw: await deps.composeMessage(reply) };
}
