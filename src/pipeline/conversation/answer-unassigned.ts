// An agent answers an e-mail that belongs to no return (a customer's question in the unassigned inbox): the
// `agent_reply` template in the language the customer wrote in, threaded onto their e-mail (In-Reply-To,
// References, "Re:" subject), checked by the reply guard, committed to the outbox together with the e-mail
// leaving the inbox. A reply the guard refuses is not committed: the agent is told why.
import { AppError } from '../../domain/app-error.ts';
import { detectLanguage } from '../reply/detect-language.ts';
import { renderReply } from '../reply/render-reply.ts';
import type { AgentActor } from '../review/review-deps.ts';
import { agentText } from './agent-text.ts';
import { REPLY_KEY, UNASSIGNED_STATES, type ConversationDeps } from './conversation-deps.ts';

const REFUSED = {
  own_address: 'it came from our own address',
  recipient_blocked: 'replies to this address bounced too often',
  rate_limited: 'this address has had too many replies in the last hour',
} as const;

export async function answerUnassigned(deps: ConversationDeps, input: { inboundId: string; actor: AgentActor; text: string; replyKey: string }): Promise<{ to: string }> {
  if (!REPLY_KEY.test(input.replyKey)) throw new AppError('validation_failed', 'The form is incomplete; reload the page and try again.');
  const body = agentText(input.text);
  const thread = await deps.conversations.inboundThread(input.inboundId);
  if (!thread) throw new AppError('not_found', 'No such e-mail.');
  if (thread.returnNumber) throw new AppError('conflict', `This e-mail belongs to return ${thread.returnNumber}; answer it there.`);
  const original = thread.messages.find((m) => m.direction === 'in')!;
  const mail = await deps.mime.parse(original.raw);
  const to = (mail.replyTo ?? mail.from)?.address;
  if (!to) throw new AppError('validation_failed', 'The e-mail has no sender address to answer.');
  const refused = await deps.replyGuard.check(to, deps.now());
  if (refused) throw new AppError('validation_failed', `Not sent: ${REFUSED[refused]}.`);
  const reply = renderReply(
    deps.templates,
    {
      template: 'agent_reply',
      language: detectLanguage(`${mail.subject}\n${mail.text}`),
      to,
      from: deps.from,
      ...(mail.messageId ? { inReplyTo: mail.messageId } : {}),
      references: mail.references,
      originalSubject: mail.subject,
      data: { shopName: deps.shopName, customerName: mail.from?.name ?? null, body },
    },
    { randomId: () => input.replyKey },
  );
  await deps.conversations.answerInbound({
    inboundId: input.inboundId,
    fromStates: UNASSIGNED_STATES,
    reason: `answered by ${input.actor}`,
    reply: { messageId: reply.messageId, to: reply.to, subject: reply.subject, template: 'agent_reply', language: reply.language, raw: await deps.composeMessage(reply), author: input.actor },
  });
  return { to };
}
