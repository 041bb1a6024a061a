// Erases isolated specks from a crop before OCR: a rule's stub left behind by removeRuleLines, a dust dot on
// a scan. Tesseract widens the next word's box to take one in (a quantity's "1" then lands in the size
// column) or reads it as a stray "i" or "|" after the value. A speck is a small blob with no other ink near
// it, so the dots of ё and й, which sit right above their letter, stay.

export interface SpeckOptions {
  /** Pixels darker than this are ink. */
  ink: number;
  /** Blobs of at most this many pixels can be specks. */
  maxArea: number;
  /** ...when no other ink lies within this many pixels of the blob's box. */
  clearance: number;
}

export function removeSpecks(grey: Uint8Array, width: number, height: number, options: SpeckOptions): Uint8Array {
  const { ink, maxArea, clearance } = options;
  const label = new Int32Array(width * height);
  const out = Uint8Array.from(grey);
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < grey.length; start++) {
    if (grey[start]! >= ink || label[start] !== 0) continue;
    next++;
    const pixels: number[] = [];
    let minX = width;
    let maxX = -1;
    let minY = height;
    let maxY = -1;
    stack.push(start);
    label[start] = next;
    while (stack.length > 0) {
      const i = stack.pop()!;
      pixels.push(i);
      const x = i % width;
      const y = (i - x) / width;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (grey[j]! < ink && label[j] === 0) {
            label[j] = next;
            stack.push(j);
          }
        }
      }
    }
    if (pixels.length > maxArea) continue;
    if (inkNear(grey, label, next, width, height, { minX, maxX, minY, maxY }, ink, clearance)) continue;
    for (const i of pixels) out[i] = 255;
  }
  return out;
}

function inkNear(
  grey: Uint8Array,
  label: Int32Array,
  own: number,
  width: number,
  height: number,
  box: { minX: number; maxX: number; minY: number; maxY: number },
  ink: number,
  clearance: number,
): boolean {
  for (let y = Math.max(0, box.minY - clearance); y <= Math.min(height - 1, box.maxY + clearance); y++) {
    for (let x = Math.max(0, box.minX - clearance); x <= Math.min(width - 1, box.maxX + clearance); x++) {
      const i = y * width + x;
      if (grey[i]! < ink && label[i] !== own) return true;
    }
  }
  return false;
}
