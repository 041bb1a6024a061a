// Converts a tesseract.js result into the domain's PageText: one TextLine per recognised line, confidence
// scaled from Tesseract's 0–100 to [0, 1], boxes in pixels of the image the OCR saw. With `words`, one
// TextLine per word instead. Every word also goes into `words` with its box, for the layout reader.
import type Tesseract from 'tesseract.js';
import type { PageText, PositionedWord, TextLine } from '../../domain/document.ts';

const clean = (raw: string) => raw.replace(/\s+/g, ' ').trim();
const unit = (confidence: number) => Math.min(1, Math.max(0, confidence / 100));

export function toPageText(result: Tesseract.Page, page: number, width: number, height: number, words = false): PageText {
  const lines: TextLine[] = [];
  const positioned: PositionedWord[] = [];
  const add = (raw: string, confidence: number, { x0, y0, x1, y1 }: Tesseract.Bbox) => {
    const text = clean(raw);
    if (text === '') return;
    lines.push({ text, confidence: unit(confidence), box: { page, x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
  };
  for (const block of result.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          const text = clean(word.text);
          if (text !== '') positioned.push({ text, confidence: unit(word.confidence), ...word.bbox });
        }
        if (words) for (const word of line.words) add(word.text, word.confidence, word.bbox);
        else add(line.text, line.confidence, line.bbox);
      }
    }
  }
  return { page, lines, words: positioned, width, height };
}
