// A PDF's first page as a PNG at the given resolution (pdf.js through pdf-parse, offline).
import { PDFParse } from 'pdf-parse';

export async function rasterizeFirstPage(pdf: Uint8Array, dpi: number): Promise<Buffer> {
  const parser = new PDFParse({ data: new Uint8Array(pdf), verbosity: 0 });
  try {
    const shot = await parser.getScreenshot({ scale: dpi / 72, partial: [1], imageDataUrl: false, imageBuffer: true });
    const png = shot.pages[0]?.data;
    if (!png) throw new Error('page 1 did not render');
    return Buffer.from(png);
  } finally {
    await parser.destroy();
  }
}
