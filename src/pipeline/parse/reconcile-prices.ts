// Chooses each item's unit price among what the page says about it, so that the items add up to the printed
// total. A row may give its price twice (the unit price, and the line total over the quantity), and OCR
// misreads digits in look-alike pairs (3/5, 0/8, 1/7, a doubled digit). When the prices as read do not add up,
// the one choice of readings — preferring fewer and smaller departures from what was read — that makes them
// add up is taken; when two different choices fit equally well, nothing is changed. Domain arithmetic on
// kopecks; no layout knowledge.
import { sumMatchesTotal, toKopecks } from '../../domain/validation/sum-matches-total.ts';

export interface PriceRow {
  /** Unit price as read, "1234.50"; absent when the row has none. */
  price?: string;
  /** The row's line total as read, when the table also gives one. */
  lineTotal?: string;
  quantity: number;
  /** Look-alike readings are considered for OCR text only. */
  ocr: boolean;
}

export type PriceChoice =
  | { price: string; how: 'as_read' }
  /** The prices as read add up to the total. */
  | { price: string; how: 'confirmed' }
  /** They add up, but the total is the one row's own digits again: neither proof nor a mismatch. */
  | { price: string; how: 'unproven' }
  /** A reading other than the price cell's, chosen because it alone makes the total. */
  | { price: string; how: 'by_total' };

/** Digits Tesseract confuses in print, both ways. */
const LOOK_ALIKES: Record<string, string> = { '0': '89', '1': '7', '3': '58', '5': '36', '6': '58', '7': '1', '8': '0356', '9': '0' };
/** Partial sums kept while searching; past this the choice is left alone rather than searched for longer. */
const MAX_STATES = 100_000;
/** Rows above this are not searched (the candidates multiply); their prices stay as read. */
const MAX_ROWS = 12;

interface Candidate {
  kopecks: number;
  /** How many misread digits the row's readings need for this to be its price. */
  cost: number;
}

export function reconcilePrices(rows: PriceRow[], total: string | undefined): PriceChoice[] | undefined {
  if (rows.length === 0 || rows.some((r) => r.price === undefined)) return undefined;
  const addsUp = total !== undefined && sumMatchesTotal(rows.map((r) => ({ price: r.price!, quantity: r.quantity })), total);
  // One OCR'd row's total is the same digits in the same type as its price (and its line total), misread the
  // same way: neither proof of the price nor grounds to change it.
  const independent = rows.length > 1 || rows.some((r) => !r.ocr);
  // Only OCR'd prices are second-guessed, and only where they miss a total that more than one row makes.
  const searchable = total !== undefined && !addsUp && independent && rows.length <= MAX_ROWS && rows.every((r) => r.ocr);
  if (!searchable) return rows.map((r) => ({ price: r.price!, how: !addsUp ? 'as_read' : independent ? 'confirmed' : 'unproven' }));
  const asRead = rows.map((r) => toKopecks(r.price!));
  const candidates = rows.map((r, i) => {
    const seeds = [asRead[i]!];
    const lineTotal = r.lineTotal === undefined ? undefined : toKopecks(r.lineTotal);
    if (lineTotal !== undefined && r.quantity >= 1 && lineTotal % r.quantity === 0) seeds.push(lineTotal / r.quantity);
    const values = new Set(seeds.flatMap((k) => [k, ...lookAlikes(k)]));
    return [...values]
      .map((kopecks): Candidate => ({ kopecks, cost: rowCost(kopecks, r, asRead[i]!, lineTotal) }))
      .filter((c) => Number.isFinite(c.cost));
  });
  const best = cheapestChoices(candidates, rows, toKopecks(total));
  if (!best) return rows.map((r) => ({ price: r.price!, how: 'as_read' }));
  return best.map((k, i) =>
    k === asRead[i] ? { price: rows[i]!.price!, how: 'confirmed' } : { price: (k / 100).toFixed(2), how: 'by_total' },
  );
}

/**
 * Misread digits that turn the row's readings into `kopecks`: those of the price cell, plus those of the line
 * total — except that the same digit misread the same way in both cells (one glyph of one type, printed
 * twice on the row) counts once. Infinite when a reading cannot be a misreading of it.
 */
function rowCost(kopecks: number, row: PriceRow, price: number, lineTotal: number | undefined): number {
  const inPrice = misreads(kopecks, price);
  if (lineTotal === undefined) return inPrice.cost;
  const inTotal = misreads(kopecks * row.quantity, lineTotal);
  if (row.quantity === 1 && inPrice.key === inTotal.key) return inPrice.cost;
  return inPrice.cost + inTotal.cost;
}

/** The look-alike misreads that turn `truth` into `read`: how many, and which (to compare two cells). */
function misreads(truth: number, read: number): { cost: number; key: string } {
  const t = String(truth);
  const r = String(read);
  if (t === r) return { cost: 0, key: '' };
  if (r.length === t.length + 1) {
    // A doubled digit: "27750" read for "2750".
    for (let i = 1; i < r.length; i++) if (r[i] === r[i - 1] && r.slice(0, i) + r.slice(i + 1) === t) return { cost: 1, key: `+${i}` };
    return { cost: Infinity, key: '∞' };
  }
  if (r.length !== t.length) return { cost: Infinity, key: '∞' };
  const diffs: string[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === r[i]) continue;
    if (!(LOOK_ALIKES[t[i]!] ?? '').includes(r[i]!)) return { cost: Infinity, key: '∞' };
    diffs.push(`${i}${t[i]}${r[i]}`);
  }
  return { cost: diffs.length, key: diffs.join(',') };
}

/**
 * The one cheapest choice of a candidate per row whose sum (× quantity) is the total, by dynamic programming
 * over partial sums; undefined when none fits or two different choices tie for cheapest.
 */
function cheapestChoices(candidates: Candidate[][], rows: PriceRow[], total: number): number[] | undefined {
  interface State {
    cost: number;
    ties: boolean;
    picks: number[];
  }
  // The total is read too, and may be the one misread: each look-alike of it is a target at the cost of its
  // own misread. When "the total is misread" explains the page as cheaply as "a price is", nothing changes.
  const targets = new Map<number, number>([[total, 0], ...lookAlikes(total).map((k): [number, number] => [k, 1])]);
  const ceiling = Math.max(...targets.keys());
  let states = new Map<number, State>([[0, { cost: 0, ties: false, picks: [] }]]);
  candidates.forEach((options, i) => {
    const next = new Map<number, State>();
    if (states.size > MAX_STATES) return;
    for (const [sum, state] of states) {
      for (const option of options) {
        const s = sum + option.kopecks * rows[i]!.quantity;
        if (s > ceiling) continue;
        const cost = state.cost + option.cost;
        const seen = next.get(s);
        if (!seen || cost < seen.cost) next.set(s, { cost, ties: state.ties, picks: [...state.picks, option.kopecks] });
        else if (cost === seen.cost) seen.ties = true;
      }
    }
    states = next;
  });
  if (states.size > MAX_STATES) return undefined;
  let best: { cost: number; ties: boolean; picks: number[]; total: number } | undefined;
  for (const [target, targetCost] of targets) {
    const end = states.get(target);
    if (!end) continue;
    const cost = end.cost + targetCost;
    if (!best || cost < best.cost) best = { cost, ties: end.ties, picks: end.picks, total: target };
    else if (cost === best.cost) best.ties = true;
  }
  // Only a choice that keeps the total as read is taken: one that needs it misread proves nothing about prices.
  return best && !best.ties && best.total === total ? best.picks : undefined;
}

/** Every amount one look-alike digit away, or one doubled digit fewer ("27750" for "2750"). */
function lookAlikes(kopecks: number): number[] {
  const digits = String(kopecks);
  const out = new Set<number>();
  for (let i = 0; i < digits.length; i++) {
    for (const other of LOOK_ALIKES[digits[i]!] ?? '') out.add(Number(digits.slice(0, i) + other + digits.slice(i + 1)));
    if (i > 0 && digits[i] === digits[i - 1]) out.add(Number(digits.slice(0, i) + digits.slice(i + 1)));
  }
  out.delete(kopecks);
  return [...out].filter((k) => k > 0);
}
