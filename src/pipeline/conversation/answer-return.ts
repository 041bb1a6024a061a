// An agent answers a customer in their return's conversation: the answer goes out as the `agent_reply` template in
// the return's language with the shop's greeting and signature, threaded onto the customer's latest e-mail,
// through the reply guard and the outbox, with an `agent_reply` event on the timeline; the return's state stays.
import { AppError } from '../../domain/app-error.ts';
import { changeReturn, loadReturn } from '../review/change-return.ts';
import type { ActionOutcome, AgentActor } from '../review/review-deps.ts';
import { agentText, preview } from './agent-text.ts';
import { REPLY_KEY, type ConversationDeps } from './conversation-deps.ts';

export async function answerReturn(
  deps: ConversationDeps,
  input: { returnNumber: string; actor: AgentActor; text: string; replyKey: string },
): Promise<ActionOutcome> {
  if (!REPLY_KEY.test(input.replyKey)) throw new AppError('validation_failed', 'The form is incomplete; reload the page and try again.');
  const body = agentText(input.text);
  const ref = await loadReturn(deps, input.returnNumber);
  return changeReturn(deps, ref, {
    events: [],
    noteType: 'agent_reply',
    actor: input.actor,
    reason: `answered: “${preview(body)}”`,
    reply: {
      template: 'agent_reply',
      data: { shopName: deps.shopName, customerName: ref.application.fields.fullName?.value ?? null, body },
      ...(await latestCustomerMessageId(deps, input.returnNumber)),
      randomId: () => input.replyKey,
    },
  });
}

/** The Message-ID of the customer's newest e-mail in the conversation: the answer is to that one. */
async function latestCustomerMessageId(deps: ConversationDeps, returnNumber: string): Promise<{ inReplyTo?: string }> {
  const thread = await deps.conversations.returnThread(returnNumber);
  const latest = thread.filter((m) => m.direction === 'in').at(-1);
  if (!latest) return {};
  const mail = await deps.mime.parse(latest.raw).catch(() => null);
  return mail?.messageId ? { inReplyTo: mail.messageId } : {};
}
