// The messages between the worker and its document-reading process (IPC with structured clone). Checked with
// zod on both sides: the other end is another process, possibly one in trouble.
import { z } from 'zod';
import type { ExtractedDocument } from '../../domain/document.ts';

export const ReaderChildInitSchema = z.object({
  ocrDataDir: z.string(),
  ocrWorkers: z.number().int().positive().optional(),
  ocrEngine: z.enum(['auto', 'wasm']).optional(),
});
export type ReaderChildInit = z.infer<typeof ReaderChildInitSchema>;

export const ReaderRequestSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  bytes: z.instanceof(Uint8Array),
});
export type ReaderRequest = z.infer<typeof ReaderRequestSchema>;

// The document itself is produced by our own reader; only its outline is checked here.
const DocumentOutline = z.custom<ExtractedDocument>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' && Array.isArray((value as { problems?: unknown }).problems),
);

export const ReaderReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('done'), id: z.number().int(), doc: DocumentOutline }),
  z.object({ type: z.literal('ocr'), status: z.string(), seconds: z.number() }),
]);
export type ReaderReply = z.infer<typeof ReaderReplySchema>;
