// A document taken from a message (attachment or the body) and the text read from it.
import type { SourceBox } from './application.ts';
import type { Problem } from './problem.ts';

/** Detected from the bytes (magic numbers), not from the declared type or the file name. */
export type DocumentKind = 'pdf' | 'png' | 'jpeg' | 'heic' | 'tiff' | 'webp' | 'text' | 'unsupported';

/** One line of text; from a PDF text layer confidence is 1 and there is no box. */
export interface TextLine {
  text: string;
  confidence: number;
  box?: SourceBox;
}

/**
 * One word, or a run of glyphs a PDF draws in one go, and where it sits on its page. The layout reader decides
 * rows, columns and table cells from these boxes, not from a text stream's order. Units are the page's as it
 * was read (PDF points, or pixels of the image the OCR saw), y growing downwards; only relative positions
 * matter.
 */
export interface PositionedWord {
  text: string;
  /** 0–1; 1 for a text layer. */
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /**
   * Read twice, each time on its own, alike: inside its box by two models (documents/reread-character-boxes.ts), or,
   * for a number of four digits or more, by the page's models and again by English alone (reread-digit-words.ts).
   */
  readTwice?: boolean;
}

export interface PageText {
  page: number;
  lines: TextLine[];
  /** The page's words with their boxes, when the source has positions (a PDF text layer, full-page OCR). */
  words?: PositionedWord[];
  /** Size of the page image the OCR saw, in pixels, so boxes can be drawn over the scan. */
  width?: number;
  height?: number;
}

export type ExtractionMethod = 'pdf_text' | 'pdf_form' | 'ocr' | 'body';

export interface ExtractedDocument {
  /** File name, or "body" for the e-mail text. */
  name: string;
  kind: DocumentKind;
  /** The detected MIME type, e.g. application/pdf. */
  mimeType: string;
  bytes: number;
  sha256: string;
  method?: ExtractionMethod;
  pageCount: number;
  pages: PageText[];
  /** Values of a fillable PDF's form fields by field name; read exactly, so they beat the text layer. */
  formFields?: Record<string, string>;
  /** Problems reading the document: a document with a problem and no pages could not be read at all. */
  problems: Problem[];
}
