// The reading process behind createIsolatedDocumentReader: runs the in-process DocumentReader (PDF parsing,
// image decoding, the OCR pool) on documents sent over IPC, one at a time, and sends each result back. Whatever
// a hostile file does here (heap blow-up, native crash, endless loop) costs this process, never the worker's.
import type { ExtractedDocument } from '../../domain/document.ts';
import type { OcrEngine } from '../ocr/ocr-engine.ts';
import { createLazyOcr } from '../ocr/lazy-ocr.ts';
import { createDocumentReader } from './create-document-reader.ts';
import { exitWithParent } from './exit-with-parent.ts';
import { ReaderChildInitSchema, ReaderRequestSchema, type ReaderReply } from './reader-child-protocol.ts';

// tsx turns source maps on; kept parsed they cost ~50 MB of this process's heap (see bin/intake.js).
process.setSourceMapsEnabled(false);

const init = ReaderChildInitSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const send = (reply: ReaderReply) => process.send?.(reply);

exitWithParent();
// tesseract.js can reject a job on a worker the pool has just terminated (after a page's time limit) with nobody
// listening; by default that would end this process and fail the document being read as a crash.
process.on('unhandledRejection', (reason) => {
  console.error(`document reader: unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
});

const lazy = createLazyOcr({ langPath: init.ocrDataDir, size: init.ocrWorkers, engine: init.ocrEngine });
// OCR time per page goes back to the parent for its metrics (the histogram lives there).
const ocr: OcrEngine = {
  async recognize(job) {
    const started = performance.now();
    const outcome = await lazy.recognize(job);
    send({ type: 'ocr', status: outcome.status, seconds: (performance.now() - started) / 1000 });
    return outcome;
  },
  wordList: (language) => lazy.wordList(language),
  prepare: (kind, count) => lazy.prepare?.(kind, count),
};
// One page is cut into as many strips as there are OCR workers, as in the worker before the reader moved here.
const reader = createDocumentReader({ ocr, stripsPerPage: init.ocrWorkers ?? 1 });

process.on('message', (message) => {
  const request = ReaderRequestSchema.parse(message);
  void reader.read(request.name, Buffer.from(request.bytes)).then((doc: ExtractedDocument) => send({ type: 'done', id: request.id, doc }));
});
send({ type: 'ready' });
