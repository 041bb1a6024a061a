// Converts a tesseract.js result into the domain's PageText: one TextLine per recognised line, confidence
// scaled from Tesseract's 0–100 to [0, 1], boxes in pixels of the image the OCR saw.
import type Tesseract from 'tesseract.js';
import type { PageText, TextLine } from '../../domain/document.ts';

export function toPageText(result: Tesseract.Page, page: number, width: number, height: number): PageText {
  const lines: TextLine[] = [];
  for (const block of result.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const text = line.text.replace(/\s+/g, ' ').trim();
        if (text === '') continue;
        const { x0, y0, x1, y1 } = line.bbox;
        lines.push({
          text,
          confidence: Math.min(1, Math.max(0, line.confidence / 100)),
          box: { page, x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
        });
      }
    }
  }
  return { page, lines, width, height };
}
