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
/** Whether `text` up to `at` ends a clause: a line break, or a colon, semicolon or full stop, then only spaces. */
function endsClause(text: string, at: number): boolean {
  let k = at - 1;
  // Walked back over the spaces: a regular expression anchored at the end tried every position of the prefix.
  for (; k >= 0 && /\s/.test(text[k]!); k--) if (text[k] === '\n') return true;
  return k >= 0 && ':;.'.includes(text[k]!);
}
/**
 * The labels' skeletons by their first letter, each group in the lexicon's order. A label matches at a position,
 * exactly or within edits, only where its first letter is: a line's word is compared with a few dozen labels, not
 * with all of them (this was half of parsing a page).
 */
const LABELS_BY_FIRST = new Map<string, Array<{ def: LabelDef; skel: string }>>();
for (const def of FIELD_LABELS) {
  const skel = skeleton(def.text).text;
  if (skel === '') continue;
  const group = LABELS_BY_FIRST.get(skel[0]!) ?? [];
  group.push({ def, skel });
  LABELS_BY_FIRST.set(skel[0]!, group);
}

function allowedEdits(length: number): number {
  if (length >= 12) return 2;
  if (length >= 6) return 1;
  return 0;
}

/** Prefixes of `text` from `from` within `maxEdits` of `label`: their end (exclusive) and edit count. */
function fuzzyPrefixes(label: string, text: string, from: number, maxEdits: number): Array<{ edits: number; end: number }> {
  const n = Math.min(text.length - from, label.length + maxEdits);
  let prev = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Int32Array(n + 1);
  for (let i = 1; i <= label.length; i += 1) {
    cur[0] = i;
    let least = i;
    for (let j = 1; j <= n; j += 1) {
      const cost = label[i - 1] === text[from + j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < least) least = cur[j]!;
    }
    // No row gets cheaper than the one before it: past the limit here, every prefix is.
    if (least > maxEdits) return [];
    [prev, cur] = [cur, prev];
  }
  const out: Array<{ edits: number; end: number }> = [];
  for (let j = Math.max(1, label.length - maxEdits); j <= n; j += 1) if (prev[j]! <= maxEdits) out.push({ edits: prev[j]!, end: from + j });
  // Fewest edits first; among equals the longest, so a label is not cut inside its last word.
  return out.sort((a, b) => a.edits - b.edits || b.end - a.end);
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
    // A common word counts mid-line only as "…, получатель: …" — a colon right after it — or where a clause
    // begins ("…по реквизитам: Получатель Киселёв …", a new line of a paragraph).
    const opensClause = origStart === firstContent || endsClause(text, origStart);
    for (const { def, skel: label } of LABELS_BY_FIRST.get(skel.text[s]!) ?? []) {
      const midLine = def.lineStart && !opensClause;
      const ends: Array<{ edits: number; end: number }> = [];
      if (skel.text.startsWith(label, s)) ends.push({ edits: 0, end: s + label.length });
      else if (options.fuzzy && allowedEdits(label.length) > 0) {
        ends.push(...fuzzyPrefixes(label, skel.text, s, allowedEdits(label.length)));
      }
      const hit = ends
        .map((e) => ({ edits: e.edits, end: skel.map[e.end - 1]! + 1 }))
        .find((e) => wordEnd(e.end) && (!midLine || (e.edits === 0 && /^\s*[:：]/.test(text.slice(e.end)))));
      if (hit) found.push({ def, start: origStart, end: hit.end, edits: hit.edits });
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
