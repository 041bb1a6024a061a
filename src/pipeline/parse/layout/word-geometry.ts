// Measures of a word's box that the layout steps share.

/** A box's height, at least a pixel. */
export const height = (w: { y0: number; y1: number }) => Math.max(1, w.y1 - w.y0);
export const centre = (w: { y0: number; y1: number }) => (w.y0 + w.y1) / 2;

/** The middle value (the upper of two), 1 when there are none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 1;
}
