// PDF page → PNG at a given resolution, offline (pdf-parse renders with pdf.js on @napi-rs/canvas).
import { PDFParse } from 'pdf-parse';

export async function rasterizePdf(pdf: Uint8Array, dpi: number, page = 1): Promise<Buffer> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const shot = await parser.getScreenshot({ scale: dpi / 72, partial: [page], imageDataUrl: false, imageBuffer: true });
    const png = shot.pages[0]?.data;
    if (!png) throw new Error(`page ${page} did not render`);
    return Buffer.from(png);
  } finally {
    await parser.destroy();
  }
}
