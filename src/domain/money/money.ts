// Money is integer kopecks (1 ₽ = 100 kopecks) so sums and comparisons are exact; floats never hold money.
export type Kopecks = number;

/** Canonical decimal roubles: digits, optionally a dot and one or two decimals ("4000.00", "4000", "99.9"). */
const CANONICAL_ROUBLES = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

export type ParsedMoney = { ok: true; kopecks: Kopecks } | { ok: false; message: string };

/** Parses the canonical price string of SPEC §3 ("4000.00") without going through a float. */
export function parseRoubles(text: string): ParsedMoney {
  const match = CANONICAL_ROUBLES.exec(text.trim());
  if (!match) return { ok: false, message: `not a price in roubles like "4000.00": ${JSON.stringify(text)}` };
  const roubles = Number(match[1]);
  const kopecks = Number((match[2] ?? '').padEnd(2, '0'));
  return { ok: true, kopecks: roubles * 100 + kopecks };
}

/** Canonical string for storage and JSON: 400000 → "4000.00". */
export function toRoublesString(kopecks: Kopecks): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
