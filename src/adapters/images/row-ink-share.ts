// How much of a stretch of one row of a greyscale page is ink: what lies above and below a dashed rule
// (remove-rule-lines.ts), the rows of a band printed white on black (documents/stack-word-cuts.ts).

/** The share of row `y`'s pixels from `x0` up to `x1` (exclusive) darker than `dark`. */
export function rowInkShare(grey: Uint8Array, width: number, y: number, x0: number, x1: number, dark: number): number {
  let ink = 0;
  for (let i = y * width + x0; i < y * width + x1; i++) if (grey[i]! < dark) ink++;
  return ink / (x1 - x0);
}
