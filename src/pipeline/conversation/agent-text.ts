// What an agent writes to a customer, made safe to send: card numbers masked to their last four digits (a full
// card number never reaches a reply, even pasted from a customer's e-mail), trimmed, and not empty.
import { AppError } from '../../domain/app-error.ts';
import { maskCardNumbers } from '../../domain/validation/mask-card-numbers.ts';

/** A reply longer than this is not an answer to a question; it is an attachment pasted in. */
export const MAX_AGENT_TEXT_CHARS = 10_000;

export function agentText(input: string): string {
  const text = maskCardNumbers(input.replace(/\r\n?/g, '\n')).text.trim();
  if (text === '') throw new AppError('validation_failed', 'Write the answer first.');
  if (text.length > MAX_AGENT_TEXT_CHARS) throw new AppError('validation_failed', `The answer is longer than ${MAX_AGENT_TEXT_CHARS} characters.`);
  return text;
}

/** The start of the answer, for the audit trail: enough to recognise it; the whole text is in the outbox. */
export function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}
