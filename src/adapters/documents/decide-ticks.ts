// Which boxes of a group of tick boxes are ticked, from the ink inside each box (never from OCR, which reads a
// tick as any letter). A tick or a cross adds ink compared with the group's emptiest box; a box inked nearly
// solid is a tick scribbled out — a customer who changed their mind — and counts as no tick.

/** A tick adds at least this share of ink to a box, compared with the group's emptiest box. */
const MIN_TICK_INK = 0.05;
const TICK_CONTRAST = 1.4;
/**
 * Past this share of its inside a box is filled in, not ticked: a pen's tick or cross over a ~2 mm box covers a
 * quarter to a half of it; crossing it out again, or scribbling over it, blackens most of it.
 */
const FILLED = 0.62;

export type TickState = 'ticked' | 'empty' | 'crossed_out';

export interface TickDecision {
  state: TickState;
  /** Neither clearly empty nor clearly ticked: the reading is a guess. */
  clear: boolean;
}

/** `shares`: the share of dark pixels inside each box of one group. */
export function decideTicks(shares: readonly number[]): TickDecision[] {
  const empty = Math.min(...shares);
  return shares.map((share) => {
    const extra = share - empty;
    if (share >= FILLED && extra >= MIN_TICK_INK) return { state: 'crossed_out', clear: share >= FILLED + 0.1 };
    const ticked = extra >= MIN_TICK_INK && share >= empty * TICK_CONTRAST;
    return { state: ticked ? 'ticked' : 'empty', clear: ticked ? extra >= 2 * MIN_TICK_INK && share < FILLED - 0.1 : extra < MIN_TICK_INK / 2 };
  });
}
