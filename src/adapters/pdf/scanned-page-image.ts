// The image to OCR for a scanned PDF page: the embedded scan itself when the page is one big image (no
// resampling loss, and faster), otherwise the page rendered at ~300 dpi.
import type { PDFDocument } from 'pdf-lib';
import type { PDFParse } from 'pdf-parse';
import { embeddedPageJpeg, MIN_SCAN_SIDE_PX } from './embedded-page-jpeg.ts';
const RENDER_DPI = 300;
const PDF_POINTS_PER_INCH = 72;

export interface PageSize {
  /** In PDF points. */
  width: number;
  height: number;
}

export async function scannedPageImage(
  parser: PDFParse,
  pageNumber: number,
  size: PageSize,
  maxPixels: number,
  structure?: PDFDocument,
): Promise<Buffer | undefined> {
  const jpeg = structure && embeddedPageJpeg(structure, pageNumber);
  if (jpeg) return jpeg;
  const embedded = await parser.getImage({
    partial: [pageNumber],
    imageBuffer: true,
    imageDataUrl: false,
    imageThreshold: 50,
  });
  const images = embedded.pages.find((p) => p.pageNumber === pageNumber)?.images ?? [];
  const only = images.length === 1 ? images[0] : undefined;
  if (only && Math.max(only.width, only.height) >= MIN_SCAN_SIDE_PX && only.data.length > 0) {
    return Buffer.from(only.data);
  }
  // Bound the raster by pixels, not only dpi: a page can claim to be 200 inches long.
  const area = Math.max(1, size.width * size.height);
  const scale = Math.min(RENDER_DPI / PDF_POINTS_PER_INCH, Math.sqrt(maxPixels / area));
  const shot = await parser.getScreenshot({ partial: [pageNumber], scale, imageBuffer: true, imageDataUrl: false });
  const page = shot.pages.find((p) => p.pageNumber === pageNumber);
  return page && page.data.length > 0 ? Buffer.from(page.data) : undefined;
}
