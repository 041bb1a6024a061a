// Reads an image's size from its header only, so an oversized image (a "pixel bomb") is refused before
// a single pixel is decoded.
import sharp from 'sharp';

export interface ImageSize {
  width: number;
  height: number;
  /** Frames in a multi-page TIFF (1 otherwise). */
  pages: number;
}

/** Throws when the header cannot be read; callers turn that into `unreadable_file`. */
export async function readImageSize(bytes: Buffer): Promise<ImageSize> {
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  if (!meta.width || !meta.height) throw new Error('image header has no size');
  return { width: meta.width, height: meta.height, pages: meta.pages ?? 1 };
}
