// Whether a file that starts like a PDF is made of PDF objects at all, looked at before pdf-lib and pdf.js parse it.
// Both repair a damaged file by scanning it for objects, and on bytes that are not objects that scan is slow: 18 MB
// of random bytes behind a `%PDF-` header kept them busy for 70–150 s, ended only by DOCUMENT_READ_SECONDS. A real
// PDF, a scanner's 15 MB of page images or a truncated file alike, is objects (`12 0 obj … endobj`) from end to end:
// its image streams sit inside them, and only the header, the cross-reference table and the trailer lie outside.

const OBJECT_HEADER = /\d+[ \t\r\n]+\d+[ \t\r\n]+obj\b/g;

/** Share of the file's bytes (0–1) that lie inside `N G obj … endobj`; an unfinished last object runs to the end. */
export function pdfObjectCoverage(bytes: Buffer): number {
  if (bytes.length === 0) return 0;
  // latin1 keeps one character per byte, so string offsets are byte offsets.
  const text = bytes.toString('latin1');
  let covered = 0;
  let coveredUntil = 0;
  for (const match of text.matchAll(OBJECT_HEADER)) {
    // A header-like run inside an object already counted (a stream's data) is not an object of its own.
    if (match.index < coveredUntil) continue;
    const close = text.indexOf('endobj', match.index + match[0].length);
    const end = close < 0 ? text.length : close + 'endobj'.length;
    covered += end - match.index;
    coveredUntil = end;
  }
  return covered / bytes.length;
}
