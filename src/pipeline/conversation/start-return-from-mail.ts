// An unassigned e-mail is a return after all (an application in words the reader did not recognise, a phone call
// written up by the customer): the agent starts a return from it. The return begins under review with the sender's
// address and nothing else filled in; the agent types the fields on its review page, and the decision there sends
// the customer the usual reply. Attachments stay in the conversation; they are not read again.
import { reviewDueAt } from '../../domain/lifecycle/deadlines.ts';
import type { ParsedApplication } from '../../domain/application.ts';
import { generateReturnNumber } from '../../domain/return-number.ts';
import { AppError } from '../../domain/app-error.ts';
import { detectLanguage } from '../reply/detect-language.ts';
import type { AgentActor } from '../review/review-deps.ts';
import { UNASSIGNED_STATES, type ConversationDeps } from './conversation-deps.ts';

/** Return numbers are 31^7 apart; a few tries only matter against a faulty random source. */
const NUMBER_TRIES = 5;

export async function startReturnFromMail(deps: ConversationDeps, input: { inboundId: string; actor: AgentActor }): Promise<string> {
  const thread = await deps.conversations.inboundThread(input.inboundId);
  if (!thread) throw new AppError('not_found', 'No such e-mail.');
  if (thread.returnNumber) throw new AppError('conflict', `This e-mail already belongs to return ${thread.returnNumber}.`);
  const original = thread.messages.find((m) => m.direction === 'in')!;
  const mail = await deps.mime.parse(original.raw);
  const email = (mail.replyTo ?? mail.from)?.address?.toLowerCase();
  if (!email) throw new AppError('validation_failed', 'The e-mail has no sender address: a return needs someone to answer.');
  let returnNumber = generateReturnNumber(deps.random);
  for (let i = 1; i < NUMBER_TRIES && (await deps.store.returnNumberExists(returnNumber)); i++) returnNumber = generateReturnNumber(deps.random);
  const now = deps.now();
  const application: ParsedApplication = {
    source: 'message.eml',
    fields: { email: { value: email, confidence: 1, source: 'header' } },
    items: [],
    problems: [],
  };
  await deps.store.recordReturn({
    inboundId: input.inboundId,
    fromInboundStates: UNASSIGNED_STATES,
    returnNumber,
    state: 'needs_review',
    customerEmail: email,
    language: detectLanguage(`${mail.subject}\n${mail.text}`),
    application,
    decision: {
      status: 'needs_review',
      state: 'needs_review',
      reasons: [{ code: 'started_by_agent', message: 'started by an agent from an e-mail: fill in the fields from the message' }],
    },
    documents: [],
    events: [{ actor: input.actor, type: 'start_from_mail', toState: 'needs_review', reason: 'started from an unassigned e-mail', at: now }],
    ...(mail.messageId ? { customerMessageId: mail.messageId } : {}),
    customerSubject: mail.subject,
    deadlines: { reviewDueAt: reviewDueAt(now, deps.policy) },
  });
  return returnNumber;
}
