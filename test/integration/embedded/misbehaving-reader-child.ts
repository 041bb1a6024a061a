// A stand-in for document-reader-child.ts that misbehaves on demand, chosen by the document's name: it lets the
// isolated reader's limits be tested on exactly the failure each one is for, in a real child process.
import { exitWithParent } from '../../../src/adapters/documents/exit-with-parent.ts';
import { ReaderRequestSchema, type ReaderReply } from '../../../src/adapters/documents/reader-child-protocol.ts';

const send = (reply: ReaderReply) => process.send?.(reply);
exitWithParent();

const held: unknown[] = [];
process.on('message', (message) => {
  const { id, name, bytes } = ReaderRequestSchema.parse(message);
  switch (name) {
    case 'heap-bomb.pdf':
      for (;;) held.push(Array.from({ length: 100_000 }, () => ({ n: Math.random() })));
    case 'pixel-bomb.png':
      // Native memory, outside the JavaScript heap: only the RSS watchdog sees it.
      setInterval(() => held.push(Buffer.alloc(64 * 1024 * 1024, 1)), 20);
      return;
    case 'endless.jpg':
      for (;;);
    case 'native-crash.pdf':
      process.kill(process.pid, 'SIGSEGV');
      return;
    case 'noisy.pdf':
      console.log('Warning: Invalid object ref: 12 0 R');
      console.error('Error in pixScanForForeground: invalid box');
      console.error('something unexpected');
  }
  send({ type: 'done', id, doc: { name, kind: 'text', mimeType: 'text/plain', bytes: bytes.length, sha256: '', pageCount: 1, pages: [{ page: 1, lines: [{ text: `pid ${process.pid}`, confidence: 1 }] }], problems: [] } });
});
send({ type: 'ready' });
