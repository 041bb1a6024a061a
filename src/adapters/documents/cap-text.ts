// Cuts a document's text at the character limit, so a huge text layer cannot feed the field parser's
// regular expressions megabytes of input.
import type { PageText } from '../../domain/document.ts';

export function capText(pages: PageText[], maxChars: number): { pages: PageText[]; cut: boolean } {
  let left = maxChars;
  let cut = false;
  const capped: PageText[] = [];
  for (const page of pages) {
    const lines = [];
    for (const line of page.lines) {
      if (left <= 0) {
        cut = true;
        break;
      }
      if (line.text.length > left) {
        lines.push({ ...line, text: line.text.slice(0, left) });
        left = 0;
        cut = true;
        break;
      }
      lines.push(line);
      left -= line.text.length;
    }
    capped.push({ ...page, lines });
  }
  return { pages: capped, cut };
}
