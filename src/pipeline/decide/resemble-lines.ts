// Item lines that match-lines.ts could not place because nothing was read exactly (handwriting: "S-12-05" for
// SV-UG-112-05, "KypTka утеплённая"), placed among the order's remaining lines by how much each value read
// resembles each line's. The order holds only a few lines, so a reading that is clearly nearer one of them than
// any other is that line — but only clearly: a close second, or two items wanting one line, leaves it unplaced.
import type { Item } from '../../domain/application.ts';
import type { OrderLine } from '../../domain/order.ts';
import { codeShape } from '../../domain/validation/code-shape.ts';
import { containedResemblance, foldLetters, wholeResemblance } from './resemblance.ts';

/** A line is placed only with at least this much resemblance summed over the values read… */
const MIN_SCORE = 1.2;
/** …and this much more than the next-best line (the values of one line summed, each worth at most 1). */
const MARGIN = 0.6;
/** A value this near its line's counts as one agreement of the kind that makes the placing certain. */
const AGREES = 0.75;
/** Agreements needed before the values the order fills in for a placed line may be confident. */
const STRONG_AGREEMENTS = 2;

export interface Resembled {
  item: number;
  line: number;
  /** What resembled ("SKU", "name", "size", "price"), for the decision's message. */
  agreed: string[];
  /** Two or more values agree with the line, not just lean towards it. */
  strong: boolean;
}

/** Places `items` (indices into `all`) among the order lines not in `taken`. */
export function resembleLines(all: readonly Item[], items: readonly number[], lines: readonly OrderLine[], taken: ReadonlySet<number>): Resembled[] {
  const free = lines.map((_, l) => l).filter((l) => !taken.has(l));
  const placed: Resembled[] = [];
  for (const index of items) {
    const ranked = free.map((l) => ({ line: l, ...fit(all[index]!, lines[l]!) })).sort((a, b) => b.score - a.score);
    const [best, second] = ranked;
    if (!best || best.score < MIN_SCORE || (second && best.score - second.score < MARGIN)) continue;
    placed.push({ item: index, line: best.line, agreed: best.agreed, strong: best.agreed.length >= STRONG_AGREEMENTS });
  }
  // Two items that both look most like one line: neither is clear.
  return placed.filter((p) => placed.filter((o) => o.line === p.line).length === 1);
}

function fit(item: Item, line: OrderLine): { score: number; agreed: string[] } {
  let score = 0;
  const agreed: string[] = [];
  const count = (what: string, resemblance: number) => {
    score += resemblance;
    if (resemblance >= AGREES) agreed.push(what);
  };
  if (item.sku) count('SKU', wholeResemblance(codeShape(item.sku.value), codeShape(line.sku)));
  if (item.name && line.name !== '') count('name', containedResemblance(foldLetters(item.name.value), foldLetters(line.name)));
  // A size or a price is a few digits: one misread digit makes another size, so only the same value counts.
  if (item.size && line.size !== undefined) count('size', sameText(item.size.value, line.size) ? 1 : 0);
  if (item.price) count('price', Math.round(Number(item.price.value) * 100) === line.unitPrice ? 1 : 0);
  return { score, agreed };
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toUpperCase().replace(/\s+/g, '').replaceAll(',', '.').replace(/[–—]/g, '-');
  return norm(a) === norm(b);
}
