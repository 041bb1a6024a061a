// Item lines that match-lines.ts could not place because nothing was read exactly (handwriting: "S-12-05" for
// SV-UG-112-05, "KypTka утеплённая"), placed among the order's remaining lines by how much each value read
// resembles each line's. The order holds only a few lines, so a reading that is clearly nearer one of them than
// any other is that line — but only clearly: a close second, or two items wanting one line, leaves it unplaced.
import type { Item } from '../../domain/application.ts';
import type { OrderLine } from '../../domain/order.ts';
import { codeShape } from '../../domain/validation/code-shape.ts';
import { editDistance } from '../../domain/edit-distance.ts';
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

/**
 * Places `items` (indices into `all`) among the order lines not in `taken`. A line placed is no longer free for the
 * others, so what is left is placed again among fewer lines, until nothing more is clear.
 */
export function resembleLines(all: readonly Item[], items: readonly number[], lines: readonly OrderLine[], taken: ReadonlySet<number>): Resembled[] {
  const placed: Resembled[] = [];
  for (;;) {
    const round = placeOnce(all, items.filter((i) => !placed.some((p) => p.item === i)), lines, new Set([...taken, ...placed.map((p) => p.line)]));
    if (round.length === 0) return placed;
    placed.push(...round);
  }
}

function placeOnce(all: readonly Item[], items: readonly number[], lines: readonly OrderLine[], taken: ReadonlySet<number>): Resembled[] {
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
  // A size or a price is a few digits: one misread digit makes another size, so only the same value agrees. Among
  // the order's few lines, though, a price or size with most of its digits in place leans towards its line (a
  // cursive 9 read as 4: "7440" for 7490), never as an agreement that would make the placing certain.
  if (item.size && line.size !== undefined) count('size', sameText(item.size.value, line.size) ? 1 : leaning(digitResemblance(item.size.value, line.size)));
  if (item.price) {
    const ordered = String(Math.round(line.unitPrice / 100));
    count('price', Math.round(Number(item.price.value) * 100) === line.unitPrice ? 1 : leaning(digitResemblance(String(Math.round(Number(item.price.value))), ordered)));
  }
  return { score, agreed };
}

/** Below this share of digits in place a number says nothing of the line; above it, it only leans (below AGREES). */
const DIGITS_LEAN = 0.5;
const leaning = (resemblance: number) => (resemblance >= DIGITS_LEAN ? Math.min(resemblance, AGREES) / 2 : 0);

/** Share of the known number's digits the reading has in place (one dropped or added digit shifts the rest). */
export function digitResemblance(read: string, known: string): number {
  if (!/^\d+$/.test(read) || !/^\d+$/.test(known) || known.length < 2) return 0;
  if (read.length === known.length) return [...read].filter((d, i) => d === known[i]).length / known.length;
  return Math.max(0, 1 - editDistance(read, known) / known.length);
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toUpperCase().replace(/\s+/g, '').replaceAll(',', '.').replace(/[–—]/g, '-');
  return norm(a) === norm(b);
}
