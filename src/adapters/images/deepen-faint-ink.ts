// Tesseract binarises a whole page with one global (Otsu) threshold. On an evened photo whose print is faint
// and blurred (grey ~110 on paper 255) and whose headings sit in solid black bands, that threshold falls
// between the bands and the print, and the print turns white (measured on harsh phone photos: native
// tesseract found 62 % of the words, 70 % after this; photos, HEIC and scans within a point of before).
// A fixed contrast stretch of the evened page puts faint print well below any threshold Otsu can pick
// while paper grain stays white.

/** At or below this share of the paper's brightness a pixel is full ink. */
const INK_SHARE = 90 / 255;
/** At or above this share it is paper. */
const PAPER_SHARE = 230 / 255;

let table: Uint8Array | undefined;

/**
 * The stretch as a table of the 256 grey levels of a page whose paper is already at full white (evenOutLighting);
 * paper stays white. cleanForOcr applies it as the rules come out (removeRuleLines' `tone`).
 */
export function faintInkTable(): Uint8Array {
  if (table) return table;
  const lo = INK_SHARE * 255;
  const hi = PAPER_SHARE * 255;
  table = new Uint8Array(256);
  for (let v = 0; v < 256; v++) table[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  return table;
}
