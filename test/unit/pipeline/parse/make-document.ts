// Builds ExtractedDocument fakes for the parse tests from plain text or (text, confidence) lines.
import type { ExtractedDocument, ExtractionMethod } from '../../../../src/domain/document.ts';

export function makeDocument(
  text: string | Array<[string, number]>,
  method: ExtractionMethod = 'pdf_text',
  extra: Partial<ExtractedDocument> = {},
): ExtractedDocument {
  const rows: Array<[string, number]> = typeof text === 'string' ? text.split('\n').map((t) => [t, 1]) : text;
  return {
    name: extra.name ?? (method === 'body' ? 'body' : 'application.pdf'),
    kind: method === 'body' ? 'text' : method === 'ocr' ? 'jpeg' : 'pdf',
    mimeType: method === 'body' ? 'text/plain' : method === 'ocr' ? 'image/jpeg' : 'application/pdf',
    bytes: 1000,
    sha256: '0'.repeat(64),
    method,
    pageCount: 1,
    pages: [
      {
        page: 1,
        lines: rows.map(([t, confidence], i) => ({
          text: t,
          confidence,
          ...(method === 'ocr' ? { box: { page: 1, x: 100, y: 50 + i * 40, width: 1500, height: 36 } } : {}),
        })),
      },
    ],
    problems: [],
    ...extra,
  };
}
