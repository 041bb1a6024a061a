// Reads a scan or photo (PNG, JPEG, TIFF, WebP, HEIC) by OCR. The pixel limit is checked from the header
// before anything is decoded, so a 20,000 × 20,000 "image bomb" costs microseconds, not gigabytes.
import type { DocumentKind, PageText } from '../../domain/document.ts';
import { problem, type Problem } from '../../domain/problem.ts';
import { decodeHeic } from '../images/decode-heic.ts';
import { readImageSize, type ImageSize } from '../images/read-image-size.ts';
import type { DocumentLimits } from './document-limits.ts';
import type { OcrPageInput, OcrPageResult } from './ocr-page.ts';

export interface ImageReadResult {
  pageCount: number;
  pages: PageText[];
  problems: Problem[];
}

export async function readImageDocument(
  name: string,
  kind: DocumentKind,
  bytes: Buffer,
  limits: DocumentLimits,
  readPage: (input: OcrPageInput) => Promise<OcrPageResult>,
): Promise<ImageReadResult> {
  let size: ImageSize;
  try {
    size = await readImageSize(bytes);
  } catch (error) {
    return refused(problem(name, 'unreadable_file', `the image header could not be read (${String(error)})`));
  }
  const pixels = size.width * size.height;
  if (pixels > limits.maxPixels) {
    return refused(
      problem(name, 'too_large', `the image is ${size.width} × ${size.height} px; at most ${limits.maxPixels} pixels are read`),
    );
  }
  // Only TIFF holds several pages of one document (fax and scanner output); other formats' extra frames
  // are animation or thumbnails.
  const frames = kind === 'tiff' ? size.pages : 1;
  if (frames > limits.maxPages) {
    return {
      pageCount: frames,
      pages: [],
      problems: [problem(name, 'too_many_pages', `the image has ${frames} pages; at most ${limits.maxPages} are read`)],
    };
  }

  let decodable = bytes;
  if (kind === 'heic') {
    try {
      decodable = await decodeHeic(bytes);
    } catch (error) {
      return refused(problem(name, 'unreadable_file', `the HEIC photo could not be decoded (${String(error)})`));
    }
  }

  const pages: PageText[] = [];
  const problems: Problem[] = [];
  for (let frame = 0; frame < frames; frame++) {
    const result = await readPage({ name, image: decodable, pageNumber: frame + 1, frame });
    problems.push(...result.problems);
    if (result.page) pages.push(result.page);
  }
  return { pageCount: frames, pages, problems };
}

function refused(p: Problem): ImageReadResult {
  return { pageCount: 0, pages: [], problems: [p] };
}
