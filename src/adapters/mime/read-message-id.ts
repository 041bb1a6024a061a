// Reads the Message-ID from the header block alone, so ingest can de-duplicate before a full MIME parse.
// The value is normalised the way mailparser does it (`<id>`), so both agree on the same message.
import { headerBlock } from '../../domain/header-block.ts';

export function readMessageId(raw: Buffer): string | undefined {
  const unfolded = headerBlock(raw).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id[ \t]*:(.*)$/im.exec(unfolded);
  const value = match?.[1]?.trim();
  if (!value) return undefined;
  const bracketed = /<([^<>\s]+)>/.exec(value);
  const id = bracketed ? bracketed[1] : value.split(/\s+/)[0];
  return id ? `<${id}>` : undefined;
}
