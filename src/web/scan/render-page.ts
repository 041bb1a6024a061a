// One page of a stored document as an image a browser can show: photos as they are (turned upright, like the
// OCR saw them), TIFF and HEIC converted to PNG, PDF pages rendered. Kept in a small cache: a reviewer flips
// between fields of the same scan many times.
import sharp from 'sharp';
import { decodeHeic } from '../../adapters/images/decode-heic.ts';
import type { DocumentFile } from '../../domain/ports/document-files.ts';

/** Enough to read handwriting when zoomed in, small enough to send quickly. */
const MAX_SIDE_PX = 2000;
const CACHE_ENTRIES = 40;

export interface PageImage {
  contentType: string;
  bytes: Buffer;
}

const cache = new Map<string, PageImage>();

export async function renderPage(file: DocumentFile, page: number): Promise<PageImage | null> {
  const key = `${file.id}:${page}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const image = await render(file, page);
  if (image) {
    cache.set(key, image);
    if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  return image;
}

async function render(file: DocumentFile, page: number): Promise<PageImage | null> {
  if (file.mimeType === 'application/pdf') {
    // pdf.js is loaded only when a PDF page is first shown: the worker process, which serves this UI too,
    // does not need its ~40 MB for scans it reads by their embedded images.
    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({ data: new Uint8Array(file.content), verbosity: 0 });
    try {
      const shot = await parser.getScreenshot({ partial: [page], scale: 2, imageBuffer: true, imageDataUrl: false });
      const data = shot.pages.find((p) => p.pageNumber === page)?.data;
      return data && data.length > 0 ? toPng(Buffer.from(data)) : null;
    } finally {
      await parser.destroy();
    }
  }
  if (!file.mimeType.startsWith('image/') || page !== 1) return null;
  const source = file.mimeType === 'image/heic' || file.mimeType === 'image/heif' ? await decodeHeic(file.content) : file.content;
  return toPng(source, file.mimeType === 'image/jpeg');
}

async function toPng(bytes: Buffer, jpeg = false): Promise<PageImage> {
  const pipeline = sharp(bytes, { limitInputPixels: 100_000_000 })
    .rotate()
    .resize({ width: MAX_SIDE_PX, height: MAX_SIDE_PX, fit: 'inside', withoutEnlargement: true });
  return jpeg
    ? { contentType: 'image/jpeg', bytes: await pipeline.jpeg({ quality: 85 }).toBuffer() }
    : { contentType: 'image/png', bytes: await pipeline.png().toBuffer() };
}
