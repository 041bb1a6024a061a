// Builds a document of positioned words for the layout tests: each row is a y and its cells, each cell an x and
// its text; words are laid out at a fixed advance per character, as a text layer or an OCR engine gives them.
import type { ExtractedDocument, ExtractionMethod, PositionedWord } from '../../../../src/domain/document.ts';

export type CellSpec = [x: number, text: string];
export type RowSpec = [y: number, ...cells: CellSpec[]];

/** Character advance and line height, in page units. */
const CHAR = 5;
const HEIGHT = 10;

export function positionedWords(rows: RowSpec[], slope = 0): PositionedWord[] {
  const words: PositionedWord[] = [];
  for (const [y, ...cells] of rows) {
    for (const [x, text] of cells) {
      let at = x;
      for (const word of text.split(' ')) {
        const tilt = slope * (at + (word.length * CHAR) / 2);
        words.push({ text: word, confidence: 1, x0: at, x1: at + word.length * CHAR, y0: y + tilt, y1: y + HEIGHT + tilt });
        at += (word.length + 1) * CHAR;
      }
    }
  }
  return words;
}

export function positionedDocument(rows: RowSpec[], method: ExtractionMethod = 'pdf_text', slope = 0): ExtractedDocument {
  const words = positionedWords(rows, slope).map((w) => (method === 'ocr' ? { ...w, confidence: 0.95 } : w));
  return {
    name: 'application.pdf',
    kind: method === 'ocr' ? 'png' : 'pdf',
    mimeType: method === 'ocr' ? 'image/png' : 'application/pdf',
    bytes: 1000,
    sha256: '0'.repeat(64),
    method,
    pageCount: 1,
    pages: [{ page: 1, lines: [], words }],
    problems: [],
  };
}
