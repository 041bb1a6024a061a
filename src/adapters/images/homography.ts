// A plane-to-plane projective map (3 × 3 homography) from four point pairs. Zone OCR maps the form's
// millimetres onto a photo's pixels with it, so a page shot at an angle is read as if it were scanned.
// Solved here (an 8 × 8 linear system) rather than pulling in OpenCV's ~10 MB of WASM for one function;
// sharp has affine transforms but no perspective.

export interface Point {
  x: number;
  y: number;
}

/** Row-major h11…h32 with h33 = 1. */
export type Homography = readonly [number, number, number, number, number, number, number, number];

/** The homography taking each `from[i]` to `to[i]`; undefined when the points are degenerate (three in a line). */
export function solveHomography(from: readonly Point[], to: readonly Point[]): Homography | undefined {
  if (from.length !== 4 || to.length !== 4) throw new Error('a homography needs exactly four point pairs');
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gaussian elimination with partial pivoting on the augmented 8 × 9 matrix.
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-10) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]!;
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const row = a[r]!;
      const f = row[col]! / p[col]!;
      if (f === 0) continue;
      for (let c = col; c < 9; c++) row[c]! -= f * p[c]!;
    }
  }
  const h = a.map((row, i) => row[8]! / row[i]!);
  return h as unknown as Homography;
}

export function applyHomography(h: Homography, p: Point): Point {
  const w = h[6] * p.x + h[7] * p.y + 1;
  return { x: (h[0] * p.x + h[1] * p.y + h[2]) / w, y: (h[3] * p.x + h[4] * p.y + h[5]) / w };
}
