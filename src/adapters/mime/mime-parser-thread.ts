// The worker thread behind createThreadedMimeParser: runs the ordinary mailparser-based MimeParser on raw
// messages posted to it, one at a time, and posts each result back with its attachments' memory transferred, not
// copied. Decoding a 24 MB message costs ~0.5 s of CPU; here it costs this thread, not the event loop that serves
// /health and the UI.
import { parentPort } from 'node:worker_threads';
import { createMimeParser } from './create-mime-parser.ts';
import { MimeThreadRequestSchema, transferList, type MimeThreadReply } from './mime-thread-protocol.ts';

const port = parentPort;
if (!port) throw new Error('mime-parser-thread.ts runs as a worker thread');

const parser = createMimeParser();
const send = (reply: MimeThreadReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

port.on('message', (message) => {
  const request = MimeThreadRequestSchema.parse(message);
  const raw = Buffer.from(request.raw.buffer, request.raw.byteOffset, request.raw.byteLength);
  parser.parse(raw).then(
    (mail) => send({ type: 'done', id: request.id, mail }, transferList(mail)),
    (error: unknown) => send({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
send({ type: 'ready' });
