// A message read from its headers alone, because it broke a limit on whole messages (limits.ts): one code and one
// wording for the service's decision (new-return.ts) and for `intake parse`.
import { MAX_MESSAGE_BYTES } from '../../domain/limits.ts';
import type { MailMessage } from '../../domain/mail-message.ts';

export interface MessageLimitBreach {
  code: 'too_large' | 'too_complex';
  message: string;
}

export function messageLimitBreach(mail: Pick<MailMessage, 'oversize' | 'tooComplex'>, rawBytes: number): MessageLimitBreach | null {
  if (mail.oversize || rawBytes > MAX_MESSAGE_BYTES) {
    return { code: 'too_large', message: `The message is ${rawBytes} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit; only its headers were read.` };
  }
  if (mail.tooComplex) {
    return { code: 'too_complex', message: `The message's MIME structure could not be decoded within our limits (${mail.tooComplex}); only its headers were read.` };
  }
  return null;
}
