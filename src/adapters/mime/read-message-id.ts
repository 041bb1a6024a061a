// Reads the Message-ID from the header block alone, so ingest can de-duplicate before a full MIME parse.
// The value is normalised the way mailparser does it (`<id>`), so both agree on the same message.

/** Header blocks are a few KB; 256 KB covers pathological Received chains without reading a 30 MB body. */
const MAX_HEADER_BYTES = 256 * 1024;

export function headerBlock(raw: Buffer): string {
  const head = raw.subarray(0, MAX_HEADER_BYTES).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  return end === -1 ? head : head.slice(0, end);
}

export function readMessageId(raw: Buffer): string | undefined {
  const unfolded = headerBlock(raw).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id[ \t]*:(.*)$/im.exec(unfolded);
  const value = match?.[1]?.trim();
  if (!value) return undefined;
  const bracketed = /<([^<>\s]+)>/.exec(value);
  const id = bracketed ? bracketed[1] : value.split(/\s+/)[0];
  return id ? `<${id}>` : undefined;
}
