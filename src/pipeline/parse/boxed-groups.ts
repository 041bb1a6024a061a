// A number written in boxes: a card's four groups of four, or comb cells of one digit each. Each box becomes its
// own cell of the row (the gap between boxes is wider than a space), so the value is the row's run of digit
// groups, not its first cell — taken alone, a card's first group reads as "the last four digits".

/** A box holds a few symbols, most of them digits (handwriting misreads some as letters or brackets). */
const GROUP = /^\S{1,5}$/;
const MIN_GROUPS = 2;
/** A card number on a form: four boxes of four digits. */
const CARD_BOXES = 4;

/** Three or more boxes of a card number: only its last box can be its last four digits, whatever the others read. */
export function isBoxedCardNumber(raw: string): boolean {
  const groups = raw.trim().split(/\s+/);
  return groups.length >= 3 && groups.length <= CARD_BOXES && joinBoxedGroups(groups) !== undefined;
}

/** The cells joined with single spaces when they are two or more boxes of digits; undefined otherwise. */
export function joinBoxedGroups(cells: readonly string[]): string | undefined {
  // A box's own edge is often read as a bar or a bracket beside the digits ("2204 |").
  const texts = cells.map((c) => c.replace(/^[\s|[\]]+|[\s|[\]]+$/g, ''));
  if (texts.length < MIN_GROUPS || !texts.every((t) => GROUP.test(t))) return undefined;
  const digits = texts.filter((t) => (t.match(/\d/g)?.length ?? 0) * 2 > t.length);
  // Most boxes must read as digits: a row of words ("1 шт") is no number in boxes.
  if (digits.length * 3 < texts.length * 2) return undefined;
  return texts.join(' ');
}

/**
 * The last group of a card number written in four boxes ("2200 7083 Zan\" 3623" → "3623"), when that group reads
 * as four digits; the groups before it may be misread. With a box lost (three groups read) which one is the last
 * is unknown.
 */
export function lastBoxedGroup(raw: string): string | undefined {
  const groups = raw.trim().split(/\s+/);
  if (groups.length !== CARD_BOXES) return undefined;
  const last = groups[groups.length - 1]!;
  return /^\d{4}$/.test(last) ? last : undefined;
}
