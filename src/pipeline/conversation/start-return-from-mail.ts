// An unassigned e-mail is a return after all (an application in words or a layout the reader did not recognise as
// one, a phone call written up by the customer): the agent starts a return from it. The e-mail is read as the
// worker reads an inbound application (readMailContent: attachments extracted, OCR'd, fields parsed), so whatever
// the application holds is filled in; the sender's address fills a missing e-mail. The return begins under review
// and the decision on its review page sends the customer the usual reply.
import { reviewDueAt } from '../../domain/lifecycle/deadlines.ts';
import { generateReturnNumber } from '../../domain/return-number.ts';
import { AppError } from '../../domain/app-error.ts';
import { fillFromHeader } from '../decide/fill-from-header.ts';
import { readMailContent } from '../process/process-message.ts';
import { detectLanguage } from '../reply/detect-language.ts';
import type { AgentActor } from '../review/review-deps.ts';
import { UNASSIGNED_STATES, type ConversationDeps } from './conversation-deps.ts';

/** Return numbers are 31^7 apart; a few tries only matter against a faulty random source. */
const NUMBER_TRIES = 5;

export async function startReturnFromMail(deps: ConversationDeps, input: { inboundId: string; actor: AgentActor }): Promise<string> {
  const thread = await deps.conversations.inboundThread(input.inboundId);
  if (!thread) throw new AppError('not_found', 'No such e-mail.');
  if (thread.returnNumber) throw new AppError('conflict', `This e-mail already belongs to return ${thread.returnNumber}.`);
  // The thread holds only the first bytes of a large message; the attachments need all of it.
  const inbound = await deps.conversations.inboundMessage(input.inboundId);
  if (!inbound) throw new AppError('not_found', 'No such e-mail.');
  const mail = await deps.mime.parse(inbound.raw);
  const email = (mail.replyTo ?? mail.from)?.address?.toLowerCase();
  if (!email) throw new AppError('validation_failed', 'The e-mail has no sender address: a return needs someone to answer.');
  const read = await readMailContent(mail, { source: inbound.messageId ?? input.inboundId, receivedAt: inbound.receivedAt }, { documents: deps.documents, timeZone: deps.timeZone });
  const application = fillFromHeader(read.application, email);
  let returnNumber = generateReturnNumber(deps.random);
  for (let i = 1; i < NUMBER_TRIES && (await deps.store.returnNumberExists(returnNumber)); i++) returnNumber = generateReturnNumber(deps.random);
  const now = deps.now();
  const orderNumber = application.fields.orderNumber?.value;
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
      reasons: [{ code: 'started_by_agent', message: 'started by an agent from an e-mail: check the fields against the message' }],
    },
    documents: read.documents,
    events: [{ actor: input.actor, type: 'start_from_mail', toState: 'needs_review', reason: 'started from an unassigned e-mail', at: now }],
    ...(mail.messageId ? { customerMessageId: mail.messageId } : {}),
    customerSubject: mail.subject,
    deadlines: { reviewDueAt: reviewDueAt(now, deps.policy) },
    ...(orderNumber ? { orderNumber } : {}),
  });
  return returnNumber;
}
