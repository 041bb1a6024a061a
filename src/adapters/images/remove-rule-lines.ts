// Erases long straight dark runs — table borders, underlines, form rules — from a greyscale page.
// Tesseract reads lines as characters or drops whole table rows around them; removing them was the single
// biggest accuracy gain measured here, and made OCR about a third faster.

/** Printed rules are often grey (the form draws them at 60% black); text is far darker but never in long runs. */
const DEFAULT_DARK = 190;

/** A run this long is a rule, not a letter stroke: ~8 mm at 300 dpi, longer than any glyph of body text. */
function minRun(size: number): number {
  return Math.max(60, Math.round(size / 26));
}

export interface RuleOptions {
  /** Minimum rule length; for crops, whose own size says nothing about the page's scale. */
  runPx?: number;
  /** Pixels darker than this can be part of a rule. */
  dark?: number;
}

export function removeRuleLines(grey: Uint8Array, width: number, height: number, options: RuleOptions = {}): Buffer {
  const erase = new Uint8Array(width * height);
  const minH = options.runPx ?? minRun(Math.min(width, height));
  const DARK = options.dark ?? DEFAULT_DARK;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const dark = x < width && grey[row + x]! < DARK;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= minH) {
          // The anti-aliased rows either side would otherwise stay behind as a faint grey rule.
          for (const r of [row - width, row, row + width]) if (r >= 0 && r < erase.length) erase.fill(1, r + start, r + x);
        }
        start = -1;
      }
    }
  }
  const minV = minH;
  for (let x = 0; x < width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      const dark = y < height && grey[y * width + x]! < DARK;
      if (dark && start < 0) start = y;
      if (!dark && start >= 0) {
        if (y - start >= minV) {
          for (let k = start; k < y; k++) {
            erase[k * width + x] = 1;
            if (x > 0) erase[k * width + x - 1] = 1;
            if (x + 1 < width) erase[k * width + x + 1] = 1;
          }
        }
        start = -1;
      }
    }
  }
  const out = Buffer.from(grey);
  for (let i = 0; i < out.length; i++) if (erase[i]) out[i] = 255;
  return out;
}
