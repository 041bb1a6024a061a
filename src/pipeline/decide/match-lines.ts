// Which order line each item line of the application is. A form may give any combination of SKU, name, size,
// quantity and price, each possibly misread; every one that is given is weighed against every order line. A
// line is that order line only when the evidence points at it clearly: enough agreement, nothing that rules it
// out, and no other line nearly as good. Anything less leaves the item unmatched, for a person.
import type { Item } from '../../domain/application.ts';
import type { OrderLine } from '../../domain/order.ts';
import { boundedEditDistance, codeShape } from '../../domain/validation/code-shape.ts';
import { resembleLines } from './resemble-lines.ts';

/** Points for each kind of agreement; a match needs MATCH_SCORE, and a lead of MARGIN over the runner-up. */
const SKU_SAME = 4; // the same code up to OCR look-alikes
const SKU_NEAR = 2; // one symbol off
const NAME_SAME = 3; // (almost) every word of the shorter name in the other
const NAME_PARTLY = 1;
const SIZE_SAME = 1;
const PRICE_SAME = 1;
const MATCH_SCORE = 3;
const MARGIN = 2;
/** Below this share of shared words, a name that was read says it is some other product. */
const NAME_FOREIGN = 0.34;

export interface LineMatch {
  /** Index into the application's items. */
  item: number;
  /** Index into the order's lines, or null when no line fits clearly. */
  line: number | null;
  /** What agreed, for the decision's message and the audit trail ("SKU", "name", "size", "price"). */
  agreed: string[];
  /** When unmatched: the lines that fitted about equally well. */
  rivals: number[];
  /**
   * Placed by resemblance alone (resemble-lines.ts), nothing read exactly: `strong` when two or more values agree
   * with the line, `weak` when they only lean towards it (the values the order then fills in stay doubtful).
   */
  resembled?: 'strong' | 'weak';
}

interface Fit {
  score: number;
  agreed: string[];
  /** Some given value rules the line out (another SKU, another size, another product's name). */
  excluded: boolean;
}

/**
 * A value read confidently that disagrees with a line rules the line out; one read with doubt only fails to count
 * for it (it may be the misread the order is there to correct).
 */
export function matchLines(items: readonly Item[], lines: readonly OrderLine[], minConfidence = 0.9): LineMatch[] {
  const fits = items.map((item) => lines.map((line) => fitLine(item, line, minConfidence)));
  const matches: LineMatch[] = items.map((_, index) => {
    const ranked = fits[index]!
      .map((fit, line) => ({ fit, line }))
      .filter(({ fit }) => !fit.excluded && fit.score >= MATCH_SCORE)
      .sort((a, b) => b.fit.score - a.fit.score);
    const best = ranked[0];
    if (!best) return { item: index, line: null, agreed: [], rivals: [] };
    const rivals = ranked.filter((r) => r !== best && best.fit.score - r.fit.score < MARGIN).map((r) => r.line);
    if (rivals.length > 0) return { item: index, line: null, agreed: [], rivals: [best.line, ...rivals] };
    return { item: index, line: best.line, agreed: best.fit.agreed, rivals: [] };
  });
  // Two items of the form cannot both be the same order line: neither is then clear.
  for (const m of matches) {
    if (m.line === null) continue;
    const claimants = matches.filter((o) => o.line === m.line);
    if (claimants.length > 1) for (const c of claimants) Object.assign(c, { rivals: [c.line!], line: null, agreed: [] });
  }
  // What was read with doubt only (handwriting) may still be clearly one of the lines left: closed-vocabulary reading.
  const doubtful = matches.filter((m) => m.line === null && !readConfidently(items[m.item]!, minConfidence)).map((m) => m.item);
  const taken = new Set(matches.flatMap((m) => (m.line === null ? [] : [m.line])));
  for (const r of resembleLines(items, doubtful, lines, taken)) {
    Object.assign(matches[r.item]!, { line: r.line, agreed: r.agreed, rivals: [], resembled: r.strong ? 'strong' : 'weak' });
  }
  return matches;
}

/** An SKU or a name read with confidence says which product this is; resemblance must not overrule it. */
function readConfidently(item: Item, minConfidence: number): boolean {
  return (item.sku?.confidence ?? 0) >= minConfidence || (item.name?.confidence ?? 0) >= minConfidence;
}

function fitLine(item: Item, line: OrderLine, minConfidence: number): Fit {
  const fit: Fit = { score: 0, agreed: [], excluded: false };
  const rulesOut = (key: 'sku' | 'name' | 'size') => {
    if ((item[key]?.confidence ?? 0) >= minConfidence) fit.excluded = true;
  };
  const sku = item.sku?.value;
  if (sku !== undefined) {
    const [a, b] = [codeShape(sku), codeShape(line.sku)];
    if (a === b) add(fit, SKU_SAME, 'SKU');
    else if (a.length >= 5 && boundedEditDistance(a, b, 1) <= 1) add(fit, SKU_NEAR, 'SKU');
    else rulesOut('sku');
  }
  const name = item.name?.value;
  if (name !== undefined && line.name !== '') {
    const shared = sharedWords(name, line.name);
    if (shared >= 0.8) add(fit, NAME_SAME, 'name');
    else if (shared >= 0.5) add(fit, NAME_PARTLY, 'name');
    else if (shared < NAME_FOREIGN && sku === undefined) rulesOut('name');
  }
  const size = item.size?.value;
  if (size !== undefined && line.size !== undefined) {
    if (sameSize(size, line.size)) add(fit, SIZE_SAME, 'size');
    else rulesOut('size');
  }
  const price = item.price?.value;
  if (price !== undefined && Math.round(Number(price) * 100) === line.unitPrice) add(fit, PRICE_SAME, 'price');
  return fit;
}

function add(fit: Fit, points: number, what: string): void {
  fit.score += points;
  fit.agreed.push(what);
}

function words(name: string): string[] {
  return name
    .toLowerCase()
    .replaceAll('ё', 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
}

/**
 * Share of the shorter name's words found in the other. A name cut short where the cell ended ("для хран") still
 * counts its last word when it begins the other's word.
 */
export function sharedWords(a: string, b: string): number {
  const [shorter, longer] = [words(a), words(b)].sort((x, y) => x.length - y.length) as [string[], string[]];
  if (shorter.length === 0) return 0;
  const found = shorter.filter((w, i) => longer.includes(w) || (i === shorter.length - 1 && w.length >= 3 && longer.some((l) => l.startsWith(w))));
  return found.length / shorter.length;
}

function sameSize(a: string, b: string): boolean {
  const norm = (s: string) => s.toUpperCase().replace(/\s+/g, '').replaceAll(',', '.').replace(/[–—]/g, '-');
  return norm(a) === norm(b);
}
