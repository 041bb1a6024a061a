// The process behind createIsolatedMimeParser: runs the ordinary mailparser-based MimeParser on raw messages sent
// over IPC, one at a time, and sends each result back. Decoding a 24 MB message costs ~0.5 s of CPU and tens of MB
// of memory; here they cost this process, not the event loop that serves /health and the UI. A worker thread was
// tried first: a thread that hits its heap cap in one large allocation (a 28 MB text body) takes the whole process
// down with it ("FATAL ERROR: Reached heap limit"), a process only itself.
import { exitWithParent } from '../documents/exit-with-parent.ts';
import { createMimeParser } from './create-mime-parser.ts';
import { MimeRequestSchema, type MimeReply } from './mime-parser-protocol.ts';

// tsx turns source maps on; kept parsed they cost tens of MB of this process's heap (see bin/intake.js).
process.setSourceMapsEnabled(false);

const parser = createMimeParser();
const send = (reply: MimeReply) => process.send?.(reply);

exitWithParent();
process.on('message', (message) => {
  const request = MimeRequestSchema.parse(message);
  const raw = Buffer.from(request.raw.buffer, request.raw.byteOffset, request.raw.byteLength);
  parser.parse(raw).then(
    (mail) => send({ type: 'done', id: request.id, mail }),
    (error: unknown) => send({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
send({ type: 'ready' });
