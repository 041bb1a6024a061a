// Finds label occurrences in one line. Matching happens on the skeleton (skeleton.ts) so OCR's mixed
// alphabets and lost punctuation do not matter; on OCR text a long label may also differ by an edit or
// two ("Номер заказэ"). Matches never start or end inside a word.
import { FIELD_LABELS, type LabelDef } from './field-labels.ts';
import { skeleton } from './skeleton.ts';

export interface LabelMatch {
  def: LabelDef;
  /** Original-text indices: the label occupies [start, end). */
  start: number;
  end: number;
  /** Edits needed to match (0 = exact). */
  edits: number;
}

const LETTER = /[A-Za-zА-Яа-яЁё]/;
const LABEL_SKELETONS = FIELD_LABELS.map((def) => ({ def, skel: skeleton(def.text).text }));

function allowedEdits(length: number): number {
  if (length >= 12) return 2;
  if (length >= 6) return 1;
  return 0;
}

/** Smallest edit distance of `label` against any prefix of `text` starting at `from`, and that prefix's end. */
function fuzzyPrefix(label: string, text: string, from: number, maxEdits: number): { edits: number; end: number } | undefined {
  const n = Math.min(text.length - from, label.length + maxEdits);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= label.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= n; j += 1) {
      const cost = label[i - 1] === text[from + j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  let best: { edits: number; end: number } | undefined;
  for (let j = Math.max(1, label.length - maxEdits); j <= n; j += 1) {
    if (prev[j]! <= maxEdits && (!best || prev[j]! < best.edits)) best = { edits: prev[j]!, end: from + j };
  }
  return best;
}

export function findLabels(text: string, options: { fuzzy: boolean }): LabelMatch[] {
  const skel = skeleton(text);
  const firstContent = text.search(/[A-Za-zА-Яа-яЁё0-9№]/);
  const wordStart = (orig: number) => orig === 0 || !LETTER.test(text[orig - 1]!);
  const wordEnd = (origEnd: number) => origEnd >= text.length || !LETTER.test(text[origEnd]!);
  const found: LabelMatch[] = [];
  for (let s = 0; s < skel.text.length; s += 1) {
    const origStart = skel.map[s]!;
    if (!wordStart(origStart)) continue;
    for (const { def, skel: label } of LABEL_SKELETONS) {
      if (def.lineStart && origStart !== firstContent) continue;
      let endSkel: number | undefined;
      let edits = 0;
      if (skel.text.startsWith(label, s)) endSkel = s + label.length;
      else if (options.fuzzy && allowedEdits(label.length) > 0 && skel.text[s] === label[0]) {
        const m = fuzzyPrefix(label, skel.text, s, allowedEdits(label.length));
        if (m) {
          endSkel = m.end;
          edits = m.edits;
        }
      }
      if (endSkel === undefined) continue;
      const end = skel.map[endSkel - 1]! + 1;
      if (!wordEnd(end)) continue;
      found.push({ def, start: origStart, end, edits });
    }
  }
  // Earliest first; at one start the longest, exact before fuzzy; then drop overlaps.
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.edits - b.edits);
  const chosen: LabelMatch[] = [];
  for (const m of found) {
    const last = chosen[chosen.length - 1];
    if (last && m.start < last.end) continue;
    chosen.push(m);
  }
  return chosen;
}
