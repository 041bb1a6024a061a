// Erases long straight dark runs — table borders, underlines, form rules — from a greyscale page.
// Tesseract reads lines as characters or drops whole table rows around them; removing them was the single
// biggest accuracy gain measured here, and made OCR about a third faster.
//
// On a whole page a run is a rule only when it is also thin. On a blurred phone photo the letters of a bold or
// small label run together into a dark band as long as a rule; erasing it drew a white stroke through the
// label's middle. A rule is dark for a few pixels across its run; a line of text for its whole letter height.
// Solid bands (a heading printed white on black) are no rule either, and stay: Tesseract reads white-on-black
// lines itself, and every way of taking bands out tried here lost more fields than it won (docs/ocr.md).

/** Printed rules are often grey (the form draws them at 60% black); text is far darker but never in long runs. */
const DEFAULT_DARK = 190;

/** A run this long is a rule, not a letter stroke: ~8 mm at 300 dpi, longer than any glyph of body text. */
function minRun(size: number): number {
  return Math.max(60, Math.round(size / 26));
}

/**
 * Thickest dark run across a rule, in pixels: ~1 mm at 300 dpi. A 0.75 pt rule is 3 px, a blurred one up to
 * ~8; the x-height of even 7 pt text is ~15 px.
 */
function maxThickness(size: number): number {
  return Math.max(6, Math.round(size / 210));
}

export interface RuleOptions {
  /**
   * Minimum rule length, for a crop, whose own size says nothing about the page's scale. A crop is one
   * field's box: every long run in it is a rule, whatever its thickness, and it holds no bands.
   */
  runPx?: number;
  /** Pixels darker than this can be part of a rule. */
  dark?: number;
}

export function removeRuleLines(grey: Uint8Array, width: number, height: number, options: RuleOptions = {}): Buffer {
  const crop = options.runPx !== undefined;
  const size = Math.min(width, height);
  const minLength = options.runPx ?? minRun(size);
  const DARK = options.dark ?? DEFAULT_DARK;
  const thick = crop ? Infinity : maxThickness(size);
  // How far the dark reaches across a run at `at` (a column of a horizontal run, a row of a vertical one). No
  // closures inside: this runs for every sample of every long run, on every page.
  const across = (horizontal: boolean, at: number, line: number): number => {
    const step = horizontal ? width : 1;
    const limit = horizontal ? height : width;
    const origin = horizontal ? at : at * width;
    let n = 1;
    for (let k = line - 1; k >= 0 && n <= thick && grey[origin + k * step]! < DARK; k--) n++;
    for (let k = line + 1; k < limit && n <= thick && grey[origin + k * step]! < DARK; k++) n++;
    return n;
  };
  // Thin where most of it is thin: text touching a rule, or a rule crossing another, thickens it locally.
  const isThin = (horizontal: boolean, line: number, start: number, end: number): boolean => {
    if (thick === Infinity) return true;
    const step = Math.max(1, Math.floor((end - start) / 24));
    let samples = 0;
    let thin = 0;
    for (let at = start; at < end; at += step) {
      samples++;
      if (across(horizontal, at, line) <= thick) thin++;
    }
    return thin * 2 > samples;
  };

  const erase = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const dark = x < width && grey[row + x]! < DARK;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= minLength && isThin(true, y, start, x)) {
          // The anti-aliased rows either side would otherwise stay behind as a faint grey rule.
          for (let r = row - width; r <= row + width; r += width) if (r >= 0 && r < erase.length) erase.fill(1, r + start, r + x);
        }
        start = -1;
      }
    }
  }
  // Vertical runs, found row by row (each column's run so far in `runFrom`): the page is read in memory order.
  const runFrom = new Int32Array(width).fill(-1);
  for (let y = 0; y <= height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const start = runFrom[x]!;
      if (y < height && grey[row + x]! < DARK) {
        if (start < 0) runFrom[x] = y;
        continue;
      }
      if (start < 0) continue;
      runFrom[x] = -1;
      if (y - start >= minLength && isThin(false, x, start, y)) {
        for (let k = start; k < y; k++) {
          erase[k * width + x] = 1;
          if (x > 0) erase[k * width + x - 1] = 1;
          if (x + 1 < width) erase[k * width + x + 1] = 1;
        }
      }
    }
  }
  const out = Buffer.from(grey);
  for (let i = 0; i < out.length; i++) if (erase[i]) out[i] = 255;
  return out;
}
