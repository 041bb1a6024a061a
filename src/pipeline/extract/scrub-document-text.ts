// Text read out of an attachment (PDF text layer, form fields, OCR) is stored with the document and shown in
// the review UI; a card number in it is masked to its last four like the message itself was at the door.
// The parser reads the unmasked text in memory (so a full number still proves its Luhn check) and masks its
// own results; this is what is kept.
import type { ExtractedDocument, PositionedWord } from '../../domain/document.ts';
import { maskCardNumbers } from '../../domain/validation/mask-card-numbers.ts';

const mask = (text: string) => maskCardNumbers(text).text;

export function scrubDocumentText<T extends ExtractedDocument>(doc: T): T {
  return {
    ...doc,
    name: mask(doc.name),
    pages: doc.pages.map((page) => ({
      ...page,
      lines: page.lines.map((line) => ({ ...line, text: mask(line.text) })),
      ...(page.words ? { words: maskWords(page.words) } : {}),
    })),
    ...(doc.formFields ? { formFields: Object.fromEntries(Object.entries(doc.formFields).map(([k, v]) => [k, mask(v)])) } : {}),
    problems: doc.problems.map((p) => ({ ...p, message: mask(p.message) })),
  };
}

const NUMERIC = /^[\d-]+$/;

/**
 * A page's positioned words, masked: a card number may be one word ("4111111111111111") or a run of neighbouring
 * ones ("4111" "1111" "1111" "1111"). In a run that holds a number every digit but the run's last four becomes
 * `*`, so no word keeps a full number and the boxes stay where they were.
 */
function maskWords(words: PositionedWord[]): PositionedWord[] {
  const out = words.map((word) => ({ ...word, text: mask(word.text) }));
  for (let start = 0; start < out.length; ) {
    let end = start;
    while (end < out.length && NUMERIC.test(out[end]!.text)) end++;
    if (end - start > 1) {
      const joined = out.slice(start, end).map((w) => w.text).join(' ');
      if (mask(joined) !== joined) {
        let keep = 4;
        for (let i = end - 1; i >= start; i--) {
          out[i] = { ...out[i]!, text: [...out[i]!.text].reverse().map((c) => (/\d/.test(c) && keep-- <= 0 ? '*' : c)).reverse().join('') };
        }
      }
    }
    start = Math.max(end, start + 1);
  }
  return out;
}
