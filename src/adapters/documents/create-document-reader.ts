// The DocumentReader port's implementation: detect the type from the bytes, enforce the limits, then read
// the text layer, form fields or OCR. Every bad input ends as a problem on the returned document.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { ExtractedDocument } from '../../domain/document.ts';
import type { DocumentReader } from '../../domain/ports/document-reader.ts';
import { problem } from '../../domain/problem.ts';
import type { OcrEngine } from '../ocr/ocr-engine.ts';
import { readPdf } from '../pdf/read-pdf.ts';
import { capText } from './cap-text.ts';
import { detectKind } from './detect-kind.ts';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './document-limits.ts';
import { limitConcurrency } from './limit-concurrency.ts';
import { ocrPage, type OcrPageInput } from './ocr-page.ts';
import { readImageDocument } from './read-image-document.ts';
import { readTextDocument } from './read-text-document.ts';

export interface DocumentReaderOptions {
  ocr: OcrEngine;
  limits?: Partial<DocumentLimits>;
  /**
   * libvips threads for image preparation (default: as many as a page has strips). A page's decoding, resampling
   * and levelling come before its OCR, while the cores its strips will take are idle: with two threads they take
   * about half the time (~120 ms less on a turned 300 dpi scan, the same pixels). Note: sharp's setting is
   * process-wide.
   */
  imageThreads?: number;
  /**
   * Pages being prepared or OCR'd at once, across all documents read by this reader. A little above the
   * OCR pool's size keeps the workers busy while bounding memory. Default 3.
   */
  pagesInFlight?: number;
  /** Read our own form by its zones when a page is recognised as it (default true); false forces full-page OCR. */
  zones?: boolean;
  /**
   * Strips a page of another layout is cut into and read at once by the OCR pool's workers (default 1): with
   * one strip per worker, one scanned page takes about 1/N of the time.
   */
  stripsPerPage?: number;
}

export function createDocumentReader(options: DocumentReaderOptions): DocumentReader {
  const limits: DocumentLimits = { ...DEFAULT_DOCUMENT_LIMITS, ...options.limits };
  const { ocr } = options;
  sharp.concurrency(options.imageThreads ?? options.stripsPerPage ?? 1);
  // Every image is decoded once and never again, so libvips' operation cache (up to 50 MB and 100 operations
  // by default) only holds memory: ~50 MB of the worker's peak on the bench. Process-wide, like concurrency.
  sharp.cache(false);
  const inFlight = limitConcurrency(options.pagesInFlight ?? 3);
  const readPage = (input: OcrPageInput) => inFlight(() => ocrPage(ocr, limits, input, { zones: options.zones ?? true, strips: options.stripsPerPage ?? 1 }));

  async function read(name: string, bytes: Buffer): Promise<ExtractedDocument> {
    const base = {
      name,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    const detected = await detectKind(bytes).catch(() => undefined);
    if (!detected) {
      return {
        ...base,
        kind: 'unsupported',
        mimeType: 'application/octet-stream',
        pageCount: 0,
        pages: [],
        problems: [problem(name, 'unreadable_file', bytes.length === 0 ? 'the file is empty' : 'the file is not a document we can read (unknown or damaged format)')],
      };
    }
    const doc: ExtractedDocument = { ...base, ...detected, pageCount: 0, pages: [], problems: [] };
    if (bytes.length > limits.maxBytes) {
      doc.problems.push(problem(name, 'too_large', `the file is ${bytes.length} bytes; at most ${limits.maxBytes} are read`));
      return doc;
    }

    switch (detected.kind) {
      case 'unsupported':
        doc.problems.push(problem(name, 'unsupported_type', `files of type ${detected.mimeType} are not read; please send a PDF or a photo`));
        return doc;
      case 'text': {
        const page = readTextDocument(bytes);
        if (page) Object.assign(doc, { pageCount: 1, pages: [page] });
        break;
      }
      case 'pdf': {
        const result = await readPdf(bytes, {
          name,
          maxPages: limits.maxPages,
          maxPixels: limits.maxPixels,
          maxInflatedBytes: limits.maxPdfInflatedBytes,
          ocrPage: (image, pageNumber) => readPage({ name, image, pageNumber }),
        });
        Object.assign(doc, result);
        break;
      }
      default: {
        const result = await readImageDocument(name, detected.kind, bytes, limits, readPage);
        Object.assign(doc, result, { method: 'ocr' });
      }
    }
    return finish(doc, limits);
  }

  return {
    async read(name, bytes) {
      try {
        return await read(name, bytes);
      } catch (error) {
        // A bug or a library failing in a way we did not foresee must still not lose the message.
        return {
          name,
          kind: 'unsupported',
          mimeType: 'application/octet-stream',
          bytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          pageCount: 0,
          pages: [],
          problems: [problem(name, 'unreadable_file', `the file could not be read (${error instanceof Error ? error.message : String(error)})`)],
        };
      }
    },
  };
}

function finish(doc: ExtractedDocument, limits: DocumentLimits): ExtractedDocument {
  const { pages, cut } = capText(doc.pages, limits.maxTextChars);
  doc.pages = pages;
  if (cut) doc.problems.push(problem(doc.name, 'too_large', `only the first ${limits.maxTextChars} characters of text are read`));
  const anyText = pages.some((p) => p.lines.length > 0) || doc.formFields !== undefined;
  if (!anyText && doc.problems.length === 0 && doc.pageCount > 0) {
    doc.problems.push(problem(doc.name, 'no_text', 'no text could be read from the document (blank page or unreadable scan)'));
  }
  return doc;
}
