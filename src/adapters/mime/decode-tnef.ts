// Outlook's winmail.dat (application/ms-tnef): the files inside become ordinary attachments. Decoding is the
// npm `node-tnef` library's job (the only TNEF decoder on npm); it runs in a child process because the library is
// not safe to load into this one: it replaces String.prototype.replaceAll for everyone, logs through bunyan to
// stdout (which `intake parse --json` owns), trusts every length in the file (a lying length is a multi-gigabyte
// loop that ends in a fatal out-of-memory, which in a worker thread still kills the whole process) and copies the
// rest of the file per attribute (quadratic: 5 MB takes ~5 s). The child gets a heap cap and a deadline; whatever
// goes wrong there, the outcome is `unsupported` and the winmail.dat stays as it came.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** A winmail.dat wrapping a scan or a photo; larger is not an application, and the decoder copies it many times. */
export const MAX_TNEF_BYTES = 10 * 1024 * 1024;
/** The decoder is quadratic: 28 KB takes 0.3 s (mostly start-up), 5 MB ~5 s here; past this it is hostile or broken. */
export const TNEF_DECODE_SECONDS = 30;
/** The decoder holds the file as a JS array (8 bytes a byte) plus copies; 10 MB needs a few hundred MB. */
const TNEF_DECODER_HEAP_MB = 768;
/** Files one winmail.dat may carry; the message's own attachment limit applies after this too. */
const MAX_TNEF_FILES = 20;

export type TnefOutcome =
  | { status: 'decoded'; files: Array<{ filename: string; content: Buffer }> }
  | { status: 'unsupported'; reason: 'too_large' | 'not_tnef' | 'corrupt' | 'timeout' | 'no_files' };

const TNEF_TYPES = new Set(['application/ms-tnef', 'application/vnd.ms-tnef']);

/** Outlook labels it application/ms-tnef; some gateways relabel it octet-stream but keep the name. */
export function isTnef(part: { contentType: string; filename?: string }): boolean {
  return TNEF_TYPES.has(part.contentType.toLowerCase()) || /^winmail\.dat$/i.test(part.filename?.trim() ?? '');
}

/** TNEF streams open with this signature (little-endian 0x223E9F78). */
const TNEF_SIGNATURE = 0x223e9f78;

// CommonJS, run by the child: the library and its global side effects never touch this process.
const DECODER_SOURCE = `
const answer = (message) => process.send(message, () => process.exit(0));
process.once('message', ({ modulePath, bytes }) => {
 const tnef = require(modulePath);
 tnef.parseBuffer(Buffer.from(bytes), (failed, result) => {
  if (failed || !result) return answer({ ok: false });
  const files = [];
  for (const a of result.Attachments || []) {
    if (!a || !Array.isArray(a.Data)) continue;
    // A length running past the end of the file reads undefined bytes: a truncated or corrupt stream.
    if (a.Data.some((b) => typeof b !== 'number')) return answer({ ok: false });
    files.push({ title: typeof a.Title === 'string' ? a.Title : '', data: Uint8Array.from(a.Data) });
  }
  answer({ ok: true, files });
 });
});
`;

let modulePath: string | undefined;

export async function decodeTnef(content: Buffer): Promise<TnefOutcome> {
  if (content.length > MAX_TNEF_BYTES) return { status: 'unsupported', reason: 'too_large' };
  if (content.length < 6 || content.readUInt32LE(0) !== TNEF_SIGNATURE) return { status: 'unsupported', reason: 'not_tnef' };
  // Checked here, cheaply, so a truncated or damaged file is turned away at once instead of after the decoder's
  // deadline: the library itself checks neither lengths nor checksums.
  if (!framingIsSound(content)) return { status: 'unsupported', reason: 'corrupt' };
  modulePath ??= createRequire(import.meta.url).resolve('node-tnef');
  const result = await runDecoder(content, modulePath);
  if (result === 'timeout') return { status: 'unsupported', reason: 'timeout' };
  if (!result) return { status: 'unsupported', reason: 'corrupt' };
  const files = result
    .filter((file) => file.data.length > 0)
    .slice(0, MAX_TNEF_FILES)
    .map((file) => ({ filename: file.title.replace(/\0/g, '').trim(), content: Buffer.from(file.data) }));
  return files.length > 0 ? { status: 'decoded', files } : { status: 'unsupported', reason: 'no_files' };
}

/**
 * Attributes in one TNEF stream. Outlook writes a dozen for the message and about eight per attached file; the
 * decoder's cost grows with attributes × file size, so thousands of tiny ones are an attack.
 */
const MAX_TNEF_ATTRIBUTES = 1000;
/** level (1) + attribute id (4) + length (4) before the data; a 16-bit checksum after it. */
const ATTRIBUTE_HEAD = 9;
const CHECKSUM = 2;

/** Every attribute fits inside the file and its checksum (the sum of its data bytes, mod 65536) matches. */
function framingIsSound(content: Buffer): boolean {
  let offset = 6;
  let attributes = 0;
  while (offset < content.length) {
    if (++attributes > MAX_TNEF_ATTRIBUTES || offset + ATTRIBUTE_HEAD > content.length) return false;
    const length = content.readUInt32LE(offset + 5);
    const end = offset + ATTRIBUTE_HEAD + length;
    if (end + CHECKSUM > content.length) return false;
    let sum = 0;
    for (let i = offset + ATTRIBUTE_HEAD; i < end; i++) sum = (sum + content[i]!) & 0xffff;
    if (sum !== content.readUInt16LE(end)) return false;
    offset = end + CHECKSUM;
  }
  return attributes > 0;
}

type DecodedFiles = Array<{ title: string; data: Uint8Array }>;

function runDecoder(content: Buffer, libraryPath: string): Promise<DecodedFiles | null | 'timeout'> {
  return new Promise((resolve) => {
    // stdout and stderr ignored: the library's log lines go nowhere. Bytes travel over IPC (structured clone).
    const child = spawn(process.execPath, [`--max-old-space-size=${TNEF_DECODER_HEAP_MB}`, '-e', DECODER_SOURCE], {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced',
    });
    let done = false;
    const finish = (value: DecodedFiles | null | 'timeout') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve(value);
    };
    const timer = setTimeout(() => finish('timeout'), TNEF_DECODE_SECONDS * 1000);
    child.once('message', (message: { ok: boolean; files?: DecodedFiles }) => finish(message.ok ? (message.files ?? []) : null));
    // Out of memory, a throw inside the library, or an exit without an answer: all mean "could not decode".
    child.once('error', () => finish(null));
    child.once('exit', () => finish(null));
    child.send({ modulePath: libraryPath, bytes: new Uint8Array(content) });
  });
}
