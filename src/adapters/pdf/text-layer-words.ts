// The words of a PDF page's text layer with their boxes, from pdf.js's text items: what the layout reader
// needs to tell columns and table cells apart, which the joined text stream has already lost.
import type { PositionedWord } from '../../domain/document.ts';

/** The slice of pdf.js's document proxy this needs (pdf-parse's `load()` returns one). */
export interface PdfTextSource {
  getPage(n: number): Promise<{
    getViewport(options: { scale: number }): { convertToViewportPoint(x: number, y: number): number[] };
    getTextContent(): Promise<{ items: unknown[] }>;
  }>;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && typeof (item as TextItem).str === 'string' && Array.isArray((item as TextItem).transform);
}

/** Glyphs sit mostly above the baseline: the box spans this share of the font size above it and the rest below. */
const ASCENT = 0.8;
/** Runs of one word touch; cells of a table, however close, leave more than this share of the font size. */
const GLYPH_GAP = 0.05;

export async function textLayerWords(doc: PdfTextSource, pageNumber: number): Promise<PositionedWord[]> {
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const words: PositionedWord[] = [];
  let spaced = true;
  for (const item of content.items) {
    if (!isTextItem(item)) continue;
    if (item.str.trim() === '') {
      spaced = true;
      continue;
    }
    const [x, baseline] = viewport.convertToViewportPoint(item.transform[4]!, item.transform[5]!) as [number, number];
    const size = item.height > 0 ? item.height : Math.hypot(item.transform[2]!, item.transform[3]!);
    // An item may carry leading or trailing spaces; its box is trimmed to the visible text only roughly, which
    // is enough for telling cells apart.
    const word = { text: item.str.replace(/\s+/g, ' ').trim(), confidence: 1, x0: x, y0: baseline - ASCENT * size, x1: x + item.width, y1: baseline + (1 - ASCENT) * size };
    const previous = words[words.length - 1];
    // Glyph runs of one word drawn apart ("Кол" and "."): no space between them and no gap.
    if (previous && !spaced && !/^\s/.test(item.str) && Math.abs(word.y1 - previous.y1) < 0.2 * size && Math.abs(word.x0 - previous.x1) < GLYPH_GAP * size) {
      previous.text += word.text;
      previous.x1 = word.x1;
    } else words.push(word);
    spaced = /\s$/.test(item.str);
  }
  return words;
}
