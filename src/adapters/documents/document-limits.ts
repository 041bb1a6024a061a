// The limits one DocumentReader enforces; defaults are the named constants in domain/limits.ts, where
// each limit's reason lives. Tests pass smaller ones.
import {
  MAX_ATTACHMENT_BYTES,
  MAX_IMAGE_PIXELS,
  MAX_PDF_INFLATED_BYTES,
  MAX_PDF_PAGES,
  MAX_TEXT_CHARS,
  OCR_TIMEOUT_SECONDS,
} from '../../domain/limits.ts';

export interface DocumentLimits {
  maxBytes: number;
  maxPages: number;
  /** Inflated bytes of a PDF's non-image streams (MAX_PDF_INFLATED_BYTES). */
  maxPdfInflatedBytes: number;
  maxPixels: number;
  ocrSeconds: number;
  maxTextChars: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxBytes: MAX_ATTACHMENT_BYTES,
  maxPages: MAX_PDF_PAGES,
  maxPdfInflatedBytes: MAX_PDF_INFLATED_BYTES,
  maxPixels: MAX_IMAGE_PIXELS,
  ocrSeconds: OCR_TIMEOUT_SECONDS,
  maxTextChars: MAX_TEXT_CHARS,
};
