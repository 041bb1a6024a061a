// Splits a page's text layer into lines. pdf-parse already joins the pieces of one visual line, so
// "Номер заказа / Order number: 4821-5567" stays one line and the parser sees label and value together.
import type { TextLine } from '../../domain/document.ts';

export function textLayerLines(text: string): TextLine[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => ({ text: line, confidence: 1 }));
}

/** Fewer visible characters than this on a page means it is a scan (at most a stamp or a page number). */
export const MIN_TEXT_LAYER_CHARS = 20;

export function hasTextLayer(text: string): boolean {
  return text.replace(/\s+/g, '').length >= MIN_TEXT_LAYER_CHARS;
}
