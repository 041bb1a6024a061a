import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, PositionedWord } from '../../../../src/domain/document.ts';
import { scrubDocumentText } from '../../../../src/pipeline/extract/scrub-document-text.ts';

const word = (text: string, x0: number): PositionedWord => ({ text, confidence: 1, x0, y0: 0, x1: x0 + 10, y1: 10 });
const doc = (words: PositionedWord[]): ExtractedDocument => ({
  name: 'a.pdf',
  kind: 'pdf',
  mimeType: 'application/pdf',
  bytes: 1,
  sha256: '',
  pageCount: 1,
  pages: [{ page: 1, lines: [{ text: words.map((w) => w.text).join(' '), confidence: 1 }], words }],
  problems: [],
});

describe('scrubDocumentText', () => {
  it('masks a card number in the positioned words too (regression: the text layer words kept 378282246310005)', () => {
    const scrubbed = scrubDocumentText(doc([word('Карта', 0), word('378282246310005', 20), word('заказ', 40), word('4821-5567', 60)]));
    const words = scrubbed.pages[0]!.words!.map((w) => w.text);
    expect(words.join(' ')).not.toContain('378282246310005');
    expect(words[1]).toMatch(/0005$/);
    expect(words[3]).toBe('4821-5567');
    expect(scrubbed.pages[0]!.words![1]!.x0).toBe(20);
  });

  it('masks a number split over neighbouring words, keeping its last four', () => {
    const scrubbed = scrubDocumentText(doc([word('card', 0), word('4111', 10), word('1111', 20), word('1111', 30), word('1111', 40), word('ok', 50)]));
    expect(scrubbed.pages[0]!.words!.map((w) => w.text)).toEqual(['card', '****', '****', '****', '1111', 'ok']);
  });
});
