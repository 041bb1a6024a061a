// Decodes a plain-text attachment. Russian mail clients still send windows-1251, so bytes that are not
// valid UTF-8 are tried as windows-1251; bytes that decode to control characters are not text at all.

/** Share of control characters above which "text" is really binary; real text has only tabs and newlines. */
const MAX_CONTROL_SHARE = 0.01;

export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0 || bytes.includes(0)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1251').decode(bytes);
  }
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\u0098\ufffd]/g)?.length ?? 0;
  return controls / text.length > MAX_CONTROL_SHARE ? undefined : text;
}
