// Evens out uneven lighting (shadows, vignetting, a phone's flash spot) by dividing each pixel by the local
// paper brightness. On photos this beats a global normalise or an Otsu threshold, which both turn a shadowed
// half of the page into black (measured, see ENVIRONMENT.md).

/**
 * `grey` is one byte per pixel. The paper brightness of each block is its brightest pixel (text is darker
 * than paper, so the maximum ignores it); the block map is scaled back up to full size bilinearly.
 */
export async function evenOutLighting(grey: Buffer, width: number, height: number): Promise<Buffer> {
  const block = Math.max(8, Math.round(Math.max(width, height) / 110));
  const bw = Math.ceil(width / block);
  const bh = Math.ceil(height / block);
  const maxima = Buffer.alloc(bw * bh);
  // Per block of columns rather than per pixel: this runs over every pixel of a 300 dpi page (~8 M).
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const brow = Math.floor(y / block) * bw;
    for (let bx = 0; bx < bw; bx++) {
      const end = row + Math.min(width, (bx + 1) * block);
      let m = maxima[brow + bx]!;
      for (let i = row + bx * block; i < end; i++) if (grey[i]! > m) m = grey[i]!;
      maxima[brow + bx] = m;
    }
  }
  // The block map is scaled up bilinearly here, row by row, as each pixel is divided: asking libvips for a
  // full-size background (cubic, then blurred by 1.5 px, which sharp applies after the resize) cost ~110 ms
  // and an 8 MB buffer per page, for a map that differs from this one by about one grey level.
  const background = maxima;
  const xs = sourceSteps(width, bw);
  const ys = sourceSteps(height, bh);
  const paperRow = new Float32Array(bw);
  const out = Buffer.alloc(width * height);
  const divided = divisionTable();
  // The columns between two block centres share their two paper values: one run each, not a lookup per pixel.
  const runEnd = new Int32Array(bw);
  for (let x = 0; x < width; x++) runEnd[xs.index[x]!] = x + 1;
  for (let y = 0; y < height; y++) {
    const r0 = ys.index[y]! * bw;
    const r1 = Math.min(ys.index[y]! + 1, bh - 1) * bw;
    const fy = ys.weight[y]!;
    for (let bx = 0; bx < bw; bx++) paperRow[bx] = background[r0 + bx]! + (background[r1 + bx]! - background[r0 + bx]!) * fy;
    const row = y * width;
    let x = 0;
    for (let c0 = 0; c0 < bw; c0++) {
      const a = paperRow[c0]!;
      const step = paperRow[Math.min(c0 + 1, bw - 1)]! - a;
      for (const end = runEnd[c0]!; x < end; x++) {
        const paper = (a + step * xs.weight[x]! + 0.5) | 0;
        out[row + x] = divided[(paper << 8) | grey[row + x]!]!;
      }
    }
  }
  return out;
}

/** For each of `size` output pixels, the source cell to its left/top and the weight of the next one (centres aligned). */
function sourceSteps(size: number, sourceSize: number): { index: Int32Array; weight: Float32Array } {
  const index = new Int32Array(size);
  const weight = new Float32Array(size);
  const scale = sourceSize / size;
  for (let i = 0; i < size; i++) {
    const s = Math.min(sourceSize - 1, Math.max(0, (i + 0.5) * scale - 0.5));
    index[i] = Math.floor(s);
    weight[i] = s - Math.floor(s);
  }
  return { index, weight };
}

let table: Uint8Array | undefined;

/** `min(255, round(grey × 255 / paper))` for every paper and grey level: a lookup beats a division per pixel. */
function divisionTable(): Uint8Array {
  if (table) return table;
  table = new Uint8Array(256 * 256);
  for (let paper = 0; paper < 256; paper++) {
    for (let grey = 0; grey < 256; grey++) table[(paper << 8) | grey] = Math.min(255, Math.round((grey * 255) / Math.max(paper, 1)));
  }
  return table;
}
