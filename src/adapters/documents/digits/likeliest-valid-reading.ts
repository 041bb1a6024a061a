// A comb value that fails its field's own check (a date with month 17, a phone no operator issues) read again
// from its digits' alternatives: the likeliest value that passes, one or two digits away from the first reading.
// The check chooses among what the readers saw; it never makes a digit up, and the value stays unsure.

/** An alternative this much less likely than the digit read is no candidate (the readers saw no such digit). */
const MIN_ALTERNATIVE_RATIO = 0.01;

/** A position of the value: a fixed character (printed, or not a digit), or a digit with its alternatives. */
export type ValuePosition = string | Array<{ digit: string; probability: number }>;

/**
 * The likeliest text that passes `valid` with at most two digits changed (further from what was read, a passing
 * value is a guess, not a reading); undefined when none does.
 */
export function likeliestValidReading(positions: readonly ValuePosition[], valid: (text: string) => boolean): string | undefined {
  const first = positions.map((p) => (typeof p === 'string' ? p : p[0]!.digit));
  if (valid(first.join(''))) return first.join('');
  // Every single change, as (position, digit, how much less likely than the first reading).
  const changes = positions.flatMap((p, i) =>
    typeof p === 'string' ? [] : p.slice(1).map((a) => ({ i, digit: a.digit, ratio: a.probability / p[0]!.probability })).filter((c) => c.ratio >= MIN_ALTERNATIVE_RATIO),
  );
  let best: { text: string; ratio: number } | undefined;
  const consider = (picked: typeof changes) => {
    const text = first.slice();
    for (const c of picked) text[c.i] = c.digit;
    const ratio = picked.reduce((r, c) => r * c.ratio, 1);
    if ((!best || ratio > best.ratio) && valid(text.join(''))) best = { text: text.join(''), ratio };
  };
  for (const a of changes) consider([a]);
  for (let x = 0; x < changes.length; x++) for (let y = x + 1; y < changes.length; y++) if (changes[x]!.i !== changes[y]!.i) consider([changes[x]!, changes[y]!]);
  return best?.text;
}
