import type { MailMessage } from '../mail-message.ts';

export interface MimeParser {
  parse(raw: Buffer): Promise<MailMessage>;
}
