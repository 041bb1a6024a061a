// Limits on untrusted input, in one place. Each exists so that one hostile or broken message cannot
// exhaust memory, CPU or disk, or hold the queue: over a limit, the input gets a problem code, not a crash.

/** A whole raw message. Mail servers commonly cap at 25–50 MB; a phone photo application fits well inside. */
export const MAX_MESSAGE_BYTES = 30 * 1024 * 1024;

/** Attachments we look at per message; more than this is a mass mailing or an attack, not an application. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/** One attachment. A 12 MP phone JPEG is 3–8 MB; a 10-page 300 dpi scanned PDF about 10 MB. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** PDF pages we read. The application is one or two pages; a long PDF is a catalogue or a contract. */
export const MAX_PDF_PAGES = 10;

/**
 * Bytes a PDF's compressed streams (other than images) may inflate to, all together. The content streams, fonts
 * and object streams of a ten-page application are a few MB; a "PDF bomb" inflates a small file to gigabytes.
 */
export const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;

/**
 * Share of a PDF's bytes that must lie inside its objects (`12 0 obj … endobj`) before the PDF libraries parse it.
 * Every PDF we have seen, text, form, scan or truncated, is over 99 % objects; 18 MB of junk behind a `%PDF-` header
 * is 0 %, and repairing it kept pdf-lib and pdf.js busy 70–150 s (until DOCUMENT_READ_SECONDS). Half leaves room
 * for odd producers (padding, trailing bytes). Checked from PDF_OBJECT_CHECK_BYTES up: smaller junk is repaired
 * (or refused) in well under a second, so the check would only change answers, not save time.
 */
export const MIN_PDF_OBJECT_SHARE = 0.5;
export const PDF_OBJECT_CHECK_BYTES = 1024 * 1024;

/** Pixels of one decoded image: 50 MP covers every phone camera; a 20,000 × 20,000 bomb (400 MP) would need 1.2 GB. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** Seconds of OCR for one document page before it is abandoned with `ocr_timeout`. Full-page OCR takes ~3 s here. */
export const OCR_TIMEOUT_SECONDS = 60;

/** Characters of text we parse from one document; an application is ~2,000. Protects the regexes. */
export const MAX_TEXT_CHARS = 200_000;

/**
 * JavaScript heap (MB) of the separate process that reads documents (PDF parsing, image decoding, OCR run there,
 * never in the worker). Reading an application needs well under 100 MB of heap; a PDF of millions of drawing
 * operators grows it without bound. Over it V8 stops that process and the document gets `too_complex`.
 */
export const DOCUMENT_READER_HEAP_MB = 512;

/**
 * Resident memory (MB) of the reading process, sampled a few times a second. Decoded images and the OCR
 * engines' WASM memory live outside the JavaScript heap: two OCR workers (~450 MB) plus one decoded 50 MP photo
 * fit; a pixel or decompression bomb does not. Over it the process is killed and the document gets `too_complex`.
 */
export const DOCUMENT_READER_RSS_MB = 1_200;

/**
 * Wall-clock seconds for reading one document. Ten OCR'd pages take about 30 s here; a document still being read
 * after three times that is stuck, not slow (an 18 MB junk "PDF" keeps the parsers busy for 95 s). Its reading
 * process is killed and the document gets `ocr_timeout`. Messages are read one at a time, so this also bounds
 * how long one message can hold up the queue.
 */
export const DOCUMENT_READ_SECONDS = 90;

/**
 * MIME parts (at any depth) of one message. An application has two to five; hundreds of nested parts are an attack
 * on the parsers. Over it the message is stored and answered with its headers only (see scrub-raw-message.ts).
 */
export const MAX_MIME_PARTS = 500;

/**
 * JavaScript heap (MB) of the process that decodes a message's MIME structure (mailparser), off the event loop that
 * serves /health and the UI. Decoding the chaos run's 24 MB message (an 18 MB attachment) needs 32–64 MB; a 28 MB
 * text body becomes one string of twice that. Over it V8 stops that process and the message is answered from its
 * headers alone (`too_complex`). A worker thread's heap cap was no such bound: one allocation past it ended the whole
 * worker ("FATAL ERROR: Reached heap limit"). Bytes need no limit of their own here: over MAX_MESSAGE_BYTES only
 * the header block is decoded.
 */
export const MIME_PARSER_HEAP_MB = 256;

/**
 * Wall-clock seconds for decoding one message's MIME. A 24 MB message takes under 1 s here; one still being decoded
 * after this is stuck in a parser, not slow. The process is killed and the message answered from its headers alone.
 */
export const MIME_PARSE_SECONDS = 20;
