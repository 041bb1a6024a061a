// Flattens a document's pages into the lines the readers work on, with everything sensitive masked and
// the total text bounded (MAX_TEXT_CHARS protects the regexes from hostile input).
import type { SourceBox } from '../../domain/application.ts';
import type { ExtractedDocument } from '../../domain/document.ts';
import { MAX_TEXT_CHARS } from '../../domain/limits.ts';
import { maskSensitive } from './mask-sensitive.ts';

export interface Line {
  text: string;
  /** 0–1; 1 for a text layer or an e-mail body. */
  confidence: number;
  box?: SourceBox;
  /** Read by OCR, so misreads are possible. */
  ocr: boolean;
}

/** A single line longer than this is not a form line; cut it so per-line matching stays cheap. */
const MAX_LINE_CHARS = 2_000;

export function prepareLines(doc: ExtractedDocument): Line[] {
  const ocr = doc.method === 'ocr' || (doc.method === undefined && doc.pages.some((p) => p.lines.some((l) => l.confidence < 1)));
  const lines: Line[] = [];
  let budget = MAX_TEXT_CHARS;
  for (const page of doc.pages) {
    for (const line of page.lines) {
      for (const part of line.text.split(/\r?\n/)) {
        if (budget <= 0) return lines;
        const text = maskSensitive(part.slice(0, Math.min(MAX_LINE_CHARS, budget)).replace(/\u00a0/g, ' '));
        budget -= part.length + 1;
        if (text.trim() === '') continue;
        const confidence = Number.isFinite(line.confidence) ? Math.min(1, Math.max(0, line.confidence)) : 0;
        lines.push({ text, confidence, ocr, ...(line.box ? { box: { ...line.box, page: line.box.page ?? page.page } } : {}) });
      }
    }
  }
  return lines;
}
