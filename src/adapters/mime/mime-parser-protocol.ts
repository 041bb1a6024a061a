// The messages between the worker and its MIME-decoding process (IPC with structured clone). Checked with zod on the
// way in: the other end may be a process in trouble.
import { z } from 'zod';
import type { ParsedMailMessage } from './create-mime-parser.ts';

export const MimeRequestSchema = z.object({
  id: z.number().int(),
  raw: z.instanceof(Uint8Array),
});
export type MimeRequest = z.infer<typeof MimeRequestSchema>;

// The message itself is produced by our own parser; only its outline is checked here.
const MailOutline = z.custom<ParsedMailMessage>(
  (value) => typeof value === 'object' && value !== null && Array.isArray((value as { attachments?: unknown }).attachments) && typeof (value as { text?: unknown }).text === 'string',
);

export const MimeReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('done'), id: z.number().int(), mail: MailOutline }),
  z.object({ type: z.literal('failed'), id: z.number().int(), message: z.string() }),
]);
export type MimeReply = z.infer<typeof MimeReplySchema>;

/** Structured cloning turns Buffers into plain Uint8Arrays; the pipeline expects Buffers again. */
export function reviveBuffers(mail: ParsedMailMessage): ParsedMailMessage {
  return {
    ...mail,
    attachments: mail.attachments.map((attachment) => ({
      ...attachment,
      content: Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength),
    })),
  };
}
