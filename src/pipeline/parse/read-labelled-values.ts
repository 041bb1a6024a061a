// Finds candidate raw values for each field by their labels. A value runs from its label to the end of
// the line or to the next label that clearly starts a new field; an empty value is looked for on the next
// line (forms printed with the answer underneath). Candidates are raw text: normalising and choosing
// between them happens later.
import type { FieldKey } from '../../domain/application.ts';
import type { LabelTarget } from './field-labels.ts';
import { findLabels, type LabelMatch } from './find-labels.ts';
import type { Line } from './prepare-lines.ts';

export interface Candidate {
  target: LabelTarget;
  raw: string;
  line: Line;
  lineIndex: number;
  /** The label needed edits, the value came from the next line, or was found without a label. */
  weak: boolean;
}

const LEADING_SEPARATORS = /^[\s:：\-–—_.\/|=]+/;
const TRAILING_SEPARATORS = /[\s|;,_]+$/;

/** A second label on a line counts only when it plainly starts a new field, not when it is a word in a sentence. */
function startsNewField(text: string, m: LabelMatch, previous: LabelMatch): boolean {
  if (m.def.cuts) return true;
  const before = text.slice(previous.end, m.start);
  // "Реквизиты для возврата: БИК …" — the previous label has no value of its own yet.
  if (/^[\s\/|:：\-–—]*$/.test(before)) return true;
  if (/(?:\s{2,}|\t|[|;,]\s*)$/.test(text.slice(0, m.start))) return true;
  return /^\s*[:：]/.test(text.slice(m.end));
}

export function acceptedLabels(text: string, fuzzy: boolean): LabelMatch[] {
  const accepted: LabelMatch[] = [];
  for (const m of findLabels(text, { fuzzy })) {
    const previous = accepted[accepted.length - 1];
    if (!previous || startsNewField(text, m, previous)) accepted.push(m);
  }
  return accepted;
}

export function readLabelledValues(lines: Line[], skip: Set<number>): Candidate[] {
  const candidates: Candidate[] = [];
  const labelsByLine = lines.map((line, i) => (skip.has(i) ? [] : acceptedLabels(line.text, line.ocr)));
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const labels = labelsByLine[i]!;
    for (let k = 0; k < labels.length; k += 1) {
      const m = labels[k]!;
      const next = labels[k + 1];
      // "Номер заказа / Order number:" — two labels of one field: the value follows the last one.
      if (next && next.def.target === m.def.target && /^[\s\/|:]*$/.test(line.text.slice(m.end, next.start))) continue;
      let raw = line.text.slice(m.end, next ? next.start : undefined).replace(LEADING_SEPARATORS, '').replace(TRAILING_SEPARATORS, '');
      let source = line;
      let lineIndex = i;
      let weak = m.edits > 0;
      if (raw === '' && !next && i + 1 < lines.length && !skip.has(i + 1)) {
        const below = lines[i + 1]!;
        const belowLabels = labelsByLine[i + 1]!;
        const labelAtStart = belowLabels.length > 0 && /^[\s\W]*$/.test(below.text.slice(0, belowLabels[0]!.start));
        if (!labelAtStart) {
          raw = below.text.slice(0, belowLabels[0]?.start).replace(LEADING_SEPARATORS, '').replace(TRAILING_SEPARATORS, '');
          source = below;
          lineIndex = i + 1;
          weak = true;
        }
      }
      if (raw === '' || /^[_\s.\-–—]*$/.test(raw)) continue;
      candidates.push({ target: m.def.target, raw, line: source, lineIndex, weak });
    }
    // "Я, Иванов Иван Иванович, паспорт …" — the classic opening of a Russian application.
    const iAm = /^\s*Я\s*,\s*([A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё.\-' ]+?)\s*(?:,|$|паспорт|проживающ|зарегистрир)/u.exec(line.text);
    if (iAm) candidates.push({ target: 'fullName', raw: iAm[1]!, line, lineIndex: i, weak: false });
    // "… из заказа № 12345 от 01.11.2026": the order date rides on the order number.
    const dated = /заказ\S*\s*(?:№|N|#|номер)\s*[\dOoОо][\d\s\-OoОо]*\s+от\s+(.{6,24})/iu.exec(line.text);
    if (dated) candidates.push({ target: 'orderDate' satisfies FieldKey, raw: dated[1]!, line, lineIndex: i, weak: false });
  }
  return candidates;
}
