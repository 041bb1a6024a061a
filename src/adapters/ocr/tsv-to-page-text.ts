// Converts the native Tesseract's TSV output into the domain's PageText, as to-page-text.ts does for tesseract.js:
// one TextLine per recognised line (or per word, with `words`), confidence scaled from 0–100 to [0, 1], boxes in
// pixels of the image the OCR saw, and every word in `words` with its box. TSV rows are
// `level page block paragraph line word left top width height confidence text`; level 4 is a line, 5 a word.
import type { PageText, PositionedWord, TextLine } from '../../domain/document.ts';

const LINE = 4;
const WORD = 5;

const clean = (raw: string) => raw.replace(/\s+/g, ' ').trim();
const unit = (confidence: number) => Math.min(1, Math.max(0, confidence / 100));

interface Row {
  level: number;
  key: string;
  left: number;
  top: number;
  width: number;
  height: number;
  confidence: number;
  text: string;
}

function rows(tsv: string): Row[] {
  const out: Row[] = [];
  for (const raw of tsv.split('\n')) {
    const cols = raw.split('\t');
    if (cols.length < 12 || !/^\d+$/.test(cols[0]!)) continue;
    const [level, , block, paragraph, line, , left, top, width, height, confidence] = cols.slice(0, 11).map(Number);
    out.push({ level: level!, key: `${block}.${paragraph}.${line}`, left: left!, top: top!, width: width!, height: height!, confidence: confidence!, text: cols.slice(11).join('\t') });
  }
  return out;
}

export function tsvToPageText(tsv: string, page: number, width: number, height: number, wordsAsLines = false): PageText {
  const lines: TextLine[] = [];
  const positioned: PositionedWord[] = [];
  const parsed = rows(tsv);
  const wordsOf = new Map<string, Row[]>();
  for (const r of parsed) if (r.level === WORD && clean(r.text) !== '') wordsOf.set(r.key, [...(wordsOf.get(r.key) ?? []), r]);
  const boxOf = (r: Row) => ({ page, x: r.left, y: r.top, width: r.width, height: r.height });
  for (const line of parsed.filter((r) => r.level === LINE)) {
    const words = wordsOf.get(line.key) ?? [];
    if (words.length === 0) continue;
    for (const w of words) positioned.push({ text: clean(w.text), confidence: unit(w.confidence), x0: w.left, y0: w.top, x1: w.left + w.width, y1: w.top + w.height });
    if (wordsAsLines) {
      for (const w of words) lines.push({ text: clean(w.text), confidence: unit(w.confidence), box: boxOf(w) });
    } else {
      // Tesseract gives a line the mean of its words' confidences.
      const confidence = words.reduce((sum, w) => sum + w.confidence, 0) / words.length;
      lines.push({ text: words.map((w) => clean(w.text)).join(' '), confidence: unit(confidence), box: boxOf(line) });
    }
  }
  return { page, lines, words: positioned, width, height };
}
