// Text read out of an attachment (PDF text layer, form fields, OCR) is stored with the document and shown in
// the review UI; a card number in it is masked to its last four like the message itself was at the door.
// The parser reads the unmasked text in memory (so a full number still proves its Luhn check) and masks its
// own results; this is what is kept (without the page's positioned words).
import type { ExtractedDocument } from '../../domain/document.ts';
import { maskCardNumbers } from '../../domain/validation/mask-card-numbers.ts';

const mask = (text: string) => maskCardNumbers(text).text;

export function scrubDocumentText<T extends ExtractedDocument>(doc: T): T {
  return {
    ...doc,
    name: mask(doc.name),
    // Positioned words serve the reader in memory only: a card number spread over several of them would slip
    // past a mask applied word by word, and nothing downstream needs them, so they are not kept.
    pages: doc.pages.map(({ words: _words, ...page }) => ({ ...page, lines: page.lines.map((line) => ({ ...line, text: mask(line.text) })) })),
    ...(doc.formFields ? { formFields: Object.fromEntries(Object.entries(doc.formFields).map(([k, v]) => [k, mask(v)])) } : {}),
    problems: doc.problems.map((p) => ({ ...p, message: mask(p.message) })),
  };
}
