// Reads a PDF: the text layer where there is one (exact), the fillable form's values, and OCR for pages
// that are scans. Encrypted, corrupt and oversized PDFs come back as problems, never as exceptions.
import type { ExtractionMethod, PageText } from '../../domain/document.ts';
import { problem, type Problem } from '../../domain/problem.ts';
import { MIN_PDF_OBJECT_SHARE, PDF_OBJECT_CHECK_BYTES } from '../../domain/limits.ts';
import { pdfObjectCoverage } from './check-pdf-objects.ts';
import { measurePdfStreams } from './check-pdf-streams.ts';
import { loadPdfStructure, scansOnly } from './embedded-page-jpeg.ts';
import { readFormFields } from './read-form-fields.ts';
import { scannedPageImage } from './scanned-page-image.ts';
import { hasTextLayer, textLayerLines } from './text-layer-lines.ts';
import { textLayerWords, type PdfTextSource } from './text-layer-words.ts';

export interface PdfReadOptions {
  name: string;
  maxPages: number;
  maxPixels: number;
  /** Inflated bytes of the non-image streams before pdf.js is let near the file. */
  maxInflatedBytes: number;
  /** OCR of one page image; the caller owns the pool, preparation and the time limit. */
  ocrPage: (image: Buffer, pageNumber: number) => Promise<{ page?: PageText; problems: Problem[] }>;
}

export interface PdfReadResult {
  pageCount: number;
  pages: PageText[];
  method?: ExtractionMethod;
  formFields?: Record<string, string>;
  problems: Problem[];
}

export async function readPdf(bytes: Buffer, options: PdfReadOptions): Promise<PdfReadResult> {
  if (bytes.length >= PDF_OBJECT_CHECK_BYTES) {
    const share = pdfObjectCoverage(bytes);
    if (share < MIN_PDF_OBJECT_SHARE) {
      return failed(problem(options.name, 'unreadable_file', `not a readable PDF: ${Math.round(share * 100)} % of its bytes are PDF objects`));
    }
  }
  if (measurePdfStreams(bytes, options.maxInflatedBytes).over) {
    return failed(problem(options.name, 'too_complex', `the PDF's contents inflate to more than ${options.maxInflatedBytes} bytes; it is not read`));
  }
  const scans = await readScansOnly(bytes, options);
  if (scans) return scans;
  const { name } = options;
  // Loaded on first use: pdf.js costs ~150 MB of memory just to import, which a worker that only ever sees
  // scans and photos never needs.
  const { PDFParse } = await import('pdf-parse');
  // pdf.js takes ownership of (detaches) the array it is given; give it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0, maxImageSize: options.maxPixels });
  try {
    let info;
    try {
      info = await parser.getInfo({ parsePageInfo: true });
    } catch (error) {
      return failed(isPasswordError(error)
        ? problem(name, 'encrypted_pdf', 'the PDF is password-protected; please send it without a password')
        : problem(name, 'unreadable_file', `not a readable PDF (${errorMessage(error)})`));
    }
    const pageCount = info.total;
    if (pageCount > options.maxPages) {
      return {
        pageCount,
        pages: [],
        problems: [problem(name, 'too_many_pages', `the PDF has ${pageCount} pages; at most ${options.maxPages} are read`)],
      };
    }
    if (pageCount === 0) return failed(problem(name, 'unreadable_file', 'the PDF has no pages'));

    let text;
    try {
      text = await parser.getText();
    } catch (error) {
      return failed(problem(name, 'unreadable_file', `the PDF's pages could not be read (${errorMessage(error)})`));
    }

    const pages: PageText[] = [];
    const problems: Problem[] = [];
    let ocrUsed = false;
    // pdf-lib's view of the objects, loaded once when a page needs OCR: it hands out embedded JPEGs as they are.
    let structure: Promise<Awaited<ReturnType<typeof loadPdfStructure>>> | undefined;
    // One page after another: the pool already runs pages of different documents in parallel, and a
    // 10-page scan would otherwise hold ten full-resolution page images in memory at once.
    for (let n = 1; n <= pageCount; n++) {
      const layer = text.pages.find((p) => p.num === n)?.text ?? '';
      if (hasTextLayer(layer)) {
        // Positions are a help, not a need: a page whose items cannot be had still has its lines.
        const words = await textLayerWords(await loadedDocument(parser), n).catch(() => undefined);
        pages.push({ page: n, lines: textLayerLines(layer), ...(words ? { words } : {}) });
        continue;
      }
      ocrUsed = true;
      const size = info.pages.find((p) => p.pageNumber === n) ?? { width: 595, height: 842 };
      let image: Buffer | undefined;
      try {
        structure ??= loadPdfStructure(bytes);
        image = await scannedPageImage(parser, n, size, options.maxPixels, await structure);
      } catch (error) {
        problems.push(problem(name, 'unreadable_file', `page ${n} could not be rendered (${errorMessage(error)})`));
        continue;
      }
      if (!image) {
        pages.push({ page: n, lines: [] });
        continue;
      }
      const result = await options.ocrPage(image, n);
      problems.push(...result.problems);
      if (result.page) pages.push(result.page);
    }

    const formFields = await readFormFields(bytes);
    const method: ExtractionMethod = formFields ? 'pdf_form' : ocrUsed ? 'ocr' : 'pdf_text';
    return { pageCount, pages, method, ...(formFields ? { formFields } : {}), problems };
  } finally {
    await parser.destroy().catch(() => {});
  }
}

/** A PDF of page scans only (a scanner's output) is read from its JPEGs; undefined for any other PDF. */
async function readScansOnly(bytes: Buffer, options: PdfReadOptions): Promise<PdfReadResult | undefined> {
  const structure = await loadPdfStructure(bytes);
  if (!structure || structure.getPageCount() > options.maxPages || structure.getForm().getFields().length > 0) return undefined;
  const images = scansOnly(structure);
  if (!images) return undefined;
  const pages: PageText[] = [];
  const problems: Problem[] = [];
  for (const [i, image] of images.entries()) {
    const result = await options.ocrPage(image, i + 1);
    problems.push(...result.problems);
    if (result.page) pages.push(result.page);
  }
  return { pageCount: images.length, pages, method: 'ocr', problems };
}

/**
 * pdf.js's document inside pdf-parse, already loaded by getText: its text items carry the positions that
 * getText's joined string drops. `load` is private in pdf-parse's types but memoised and stable; loading the
 * PDF a second time through pdfjs-dist would double the memory for the same answer.
 */
function loadedDocument(parser: object): Promise<PdfTextSource> {
  return (parser as { load(): Promise<PdfTextSource> }).load();
}

function failed(p: Problem): PdfReadResult {
  return { pageCount: 0, pages: [], problems: [p] };
}

function isPasswordError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'PasswordException' || /password/i.test(error.message));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
