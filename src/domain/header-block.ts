// The header block of a raw message: what a message can still be answered from when its body must not be read
// (a MIME decode over its limits, a message that stopped its worker every time it was processed).

/** Header blocks are a few KB; 256 KB covers pathological Received chains without reading a 30 MB body. */
const MAX_HEADER_BYTES = 256 * 1024;

export function headerBlock(raw: Buffer): string {
  const head = raw.subarray(0, MAX_HEADER_BYTES).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  return end === -1 ? head : head.slice(0, end);
}

/** The message cut to its headers, as a message of its own with an empty body, for a MIME parser. */
export function headersOnly(raw: Buffer): Buffer {
  return Buffer.from(`${headerBlock(raw)}\r\n\r\n`, 'latin1');
}
