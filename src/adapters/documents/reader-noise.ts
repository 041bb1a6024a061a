// What the reading libraries print about files they cope with anyway. pdf.js and pdf-lib warn on every damaged
// object ("Warning: Invalid object ref", "Trying to parse invalid object"), Leptonica inside tesseract.js reports
// empty regions ("Error in pixScanForForeground"), Tesseract comments on each page. None of it is a fault of ours
// or news to an operator, and on stdout it would corrupt `intake parse --json`; the isolated reader drops these
// lines and passes on the rest.
const NOISE: readonly RegExp[] = [
  /Invalid object ref/, // pdf.js, damaged cross-reference table (it repairs it)
  /^\s*(Warning|Info): /, // pdf.js's verbosity prefixes (fonts, indexing objects, unsupported features)
  /^Trying to parse invalid object/, // pdf-lib, once per damaged object it skips (thousands in a junk file)
  /^\s*Error in pix\w+/, // Leptonica on empty or degenerate image regions
  /^\s*Error in (box|numa|pta|sarray)\w*/, // Leptonica, the same for its helper structures
  /^\s*(Estimating resolution as|Detected \d+ diacritics|Empty page!*|Too few characters)/, // Tesseract page comments
  /^\s*Warning: Parameter not found/, // Tesseract on settings of another engine mode
];

export function isReaderNoise(line: string): boolean {
  return NOISE.some((pattern) => pattern.test(line));
}
