// The messages between the worker's event loop and its MIME-decoding thread. Checked with zod on the way in: the
// other end may be a thread in trouble.
import { z } from 'zod';
import type { ParsedMailMessage } from './create-mime-parser.ts';

export const MimeThreadRequestSchema = z.object({
  id: z.number().int(),
  raw: z.instanceof(Uint8Array),
});
export type MimeThreadRequest = z.infer<typeof MimeThreadRequestSchema>;

// The message itself is produced by our own parser; only its outline is checked here.
const MailOutline = z.custom<ParsedMailMessage>(
  (value) => typeof value === 'object' && value !== null && Array.isArray((value as { attachments?: unknown }).attachments) && typeof (value as { text?: unknown }).text === 'string',
);

export const MimeThreadReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('done'), id: z.number().int(), mail: MailOutline }),
  z.object({ type: z.literal('failed'), id: z.number().int(), message: z.string() }),
]);
export type MimeThreadReply = z.infer<typeof MimeThreadReplySchema>;

/**
 * The attachments' own memory, handed over instead of copied (an 18 MB scan would otherwise be copied once more on
 * the receiving event loop). Only a buffer that owns its whole ArrayBuffer: small ones share Node's pool with
 * unrelated data, and are copied.
 */
export function transferList(mail: ParsedMailMessage): ArrayBuffer[] {
  const seen = new Set<ArrayBufferLike>();
  const list: ArrayBuffer[] = [];
  for (const { content } of mail.attachments) {
    const owned = content.byteOffset === 0 && content.buffer.byteLength === content.byteLength && content.buffer instanceof ArrayBuffer;
    if (owned && !seen.has(content.buffer)) {
      seen.add(content.buffer);
      list.push(content.buffer);
    }
  }
  return list;
}

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
