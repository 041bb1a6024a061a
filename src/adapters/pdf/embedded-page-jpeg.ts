// The scan inside a scanned PDF page, byte for byte: when a page draws exactly one JPEG image, its stream
// IS a JPEG file. Taking it as it is skips pdf.js decoding it and re-encoding it as a PNG (≈2.4 s for an A4
// page at 300 dpi here) and loses nothing to resampling. Other encodings (Flate, CCITT, JBIG2) are left to
// the renderer.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';

/** An image smaller than this on its long side is a logo or a stamp, not a page scan. */
export const MIN_SCAN_SIDE_PX = 1000;

export async function loadPdfStructure(bytes: Uint8Array): Promise<PDFDocument | undefined> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return undefined;
  }
}

/** The page's only image as JPEG bytes, or undefined when the page is anything else. `pageNumber` is 1-based. */
export function embeddedPageJpeg(doc: PDFDocument, pageNumber: number): Buffer | undefined {
  try {
    const page = doc.getPage(pageNumber - 1);
    const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    if (!xobjects) return undefined;
    const streams = xobjects.values().map((ref) => doc.context.lookup(ref));
    if (streams.length !== 1 || !(streams[0] instanceof PDFRawStream)) return undefined;
    const { dict, contents } = streams[0];
    if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) return undefined;
    if (!isOnlyDct(dict.get(PDFName.of('Filter')))) return undefined;
    const width = dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0;
    const height = dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber() ?? 0;
    if (Math.max(width, height) < MIN_SCAN_SIDE_PX) return undefined;
    return Buffer.from(contents);
  } catch {
    return undefined;
  }
}

function isOnlyDct(filter: unknown): boolean {
  if (filter === PDFName.of('DCTDecode')) return true;
  return filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === PDFName.of('DCTDecode');
}

/**
 * Every page's scan when the PDF is nothing but scans (each page one JPEG, no fonts, so no text layer):
 * such a PDF is read without pdf.js at all, which costs ~250 MB of memory and ~0.3 s to start.
 */
export function scansOnly(doc: PDFDocument): Buffer[] | undefined {
  const pages: Buffer[] = [];
  for (let n = 1; n <= doc.getPageCount(); n++) {
    const fonts = doc.getPage(n - 1).node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    if (fonts && fonts.keys().length > 0) return undefined;
    const jpeg = embeddedPageJpeg(doc, n);
    if (!jpeg) return undefined;
    pages.push(jpeg);
  }
  return pages.length > 0 ? pages : undefined;
}
