// An unassigned e-mail turns out to be about a return (the customer wrote from another address, or without the
// number): the agent attaches it, and it joins the return's conversation with an event on the timeline.
import { AppError } from '../../domain/app-error.ts';
import { parseReturnNumber } from '../../domain/return-number.ts';
import type { AgentActor } from '../review/review-deps.ts';
import { UNASSIGNED_STATES, type ConversationDeps } from './conversation-deps.ts';

export async function attachMail(deps: ConversationDeps, input: { inboundId: string; actor: AgentActor; returnNumber: string }): Promise<string> {
  const typed = input.returnNumber.trim();
  // Our numbers are read as the customer may have typed them; anything else must match as written.
  const returnNumber = parseReturnNumber(typed) ?? typed.toUpperCase();
  if (!/^[A-Z0-9-]{1,40}$/.test(returnNumber)) throw new AppError('validation_failed', `Not a return number: "${typed}".`);
  await deps.conversations.attachInbound({
    inboundId: input.inboundId,
    fromStates: UNASSIGNED_STATES,
    returnNumber,
    event: { actor: input.actor, type: 'mail_attached', reason: 'an e-mail from the unassigned inbox joined the conversation', at: deps.now() },
  });
  return returnNumber;
}
