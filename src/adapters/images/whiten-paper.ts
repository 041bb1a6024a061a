// Sets a crop's paper to pure white: what is left of uneven lighting after evenOutLighting (faint blotches on
// a phone photo, JPEG noise) is otherwise read by Tesseract as stray characters after the value.

/** Anything lighter than this share of the crop's paper brightness is paper. */
const PAPER_SHARE = 0.8;

export function whitenPaper(grey: Uint8Array): Uint8Array {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < grey.length; i++) histogram[grey[i]!]!++;
  // Paper is the brightness most of the crop is at least as dark as: its 90th percentile.
  let seen = 0;
  let paper = 255;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen >= grey.length * 0.9) {
      paper = v;
      break;
    }
  }
  const white = Math.max(1, paper * PAPER_SHARE);
  const out = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i++) out[i] = Math.min(255, Math.round((grey[i]! * 255) / white));
  return out;
}
