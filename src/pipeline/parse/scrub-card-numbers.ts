// Last line of defence for the rule "a full card number is never stored or logged": masking happens on
// the text before parsing (mask-sensitive.ts), and this pass makes sure no string in the result carries a
// long Luhn-valid digit run anyway (a number OCR split oddly, a number typed in a comment). Canonical
// account numbers (20 digits) are not card numbers and are left alone.
import type { Problem } from '../../domain/problem.ts';
import { maskCardNumbers } from '../../domain/validation/mask-card-numbers.ts';

export function scrubText(text: string): string {
  return maskCardNumbers(text).text;
}

interface Parsed {
  fields: Record<string, { value: string } | undefined>;
  items: Array<Record<string, { value: string } | undefined>>;
  problems: Problem[];
}

export function scrubCardNumbers<T extends Parsed>(result: T): T {
  for (const f of Object.values(result.fields)) if (f) f.value = scrubText(f.value);
  for (const item of result.items) for (const f of Object.values(item)) if (f) f.value = scrubText(f.value);
  for (const p of result.problems) {
    p.message = scrubText(p.message);
    if (p.read) p.read = p.read.map((r) => ({ ...r, text: scrubText(r.text) }));
  }
  return result;
}
