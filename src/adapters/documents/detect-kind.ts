// Decides what an attachment is from its bytes (magic numbers), never from its name or declared type:
// customers rename files, and mail clients send everything as application/octet-stream.
import { fileTypeFromBuffer } from 'file-type';
import type { DocumentKind } from '../../domain/document.ts';
import { decodeText } from './decode-text.ts';

export interface DetectedType {
  kind: DocumentKind;
  mimeType: string;
}

const KIND_BY_MIME: Record<string, DocumentKind> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'image/tiff': 'tiff',
  'image/webp': 'webp',
};

/** Undefined when the bytes are neither a known format nor text: empty, truncated to nothing, or noise. */
export async function detectKind(bytes: Uint8Array): Promise<DetectedType | undefined> {
  if (bytes.length === 0) return undefined;
  const type = await fileTypeFromBuffer(bytes);
  if (type) return { kind: KIND_BY_MIME[type.mime] ?? 'unsupported', mimeType: type.mime };
  if (decodeText(bytes) !== undefined) return { kind: 'text', mimeType: 'text/plain' };
  return undefined;
}
