// Turns a scan or phone photo into the image Tesseract reads best: upright (EXIF), greyscale, an A4 page
// about 2480 px wide (300 dpi), lighting evened out, table rules removed. Two steps, so zone OCR can work on
// the decoded page (it needs the rules as anchors) and only a full-page fallback pays for the rest.
import sharp from 'sharp';
import { evenOutLighting } from './even-out-lighting.ts';
import { faintInkTable } from './deepen-faint-ink.ts';
import { removeRuleLines } from './remove-rule-lines.ts';
import type { GreyImage } from './warp-region.ts';

/** A4 at 300 dpi: Tesseract's LSTM models were trained on text of about this size. */
const A4_SHORT_SIDE_PX = 2480;
const A4_LONG_SIDE_PX = 3508;
/** Never blow a small image up more than this; past it we only invent blur. */
const MAX_UPSCALE = 3;

export interface PreparedImage {
  image: Buffer;
  width: number;
  height: number;
}

export interface PrepareOptions {
  /** Refuse to decode more pixels than this (checked by libvips from the header). */
  maxPixels: number;
  /** Page of a multi-page TIFF, 0-based. */
  page?: number;
}

export async function prepareForOcr(bytes: Buffer, options: PrepareOptions): Promise<PreparedImage> {
  return encodeForOcr(await decodePage(bytes, options));
}

/** Decoded, upright, greyscale, ~300 dpi and evenly lit; rules still in place. */
export async function decodePage(bytes: Buffer, options: PrepareOptions): Promise<GreyImage> {
  const input = () =>
    sharp(bytes, {
      limitInputPixels: options.maxPixels,
      page: options.page ?? 0,
      // A phone upload cut short still holds most of the page; decode what is there.
      failOn: 'error',
    });
  const meta = await input().metadata();
  if (!meta.width || !meta.height) throw new Error('image has no size');
  // EXIF orientations 5–8 swap width and height.
  const swapped = (meta.orientation ?? 1) >= 5;
  const width = swapped ? meta.height : meta.width;
  const height = swapped ? meta.width : meta.height;
  const scale = pageScale(width, height, options.maxPixels);

  const { data, info } = await input()
    .autoOrient()
    // Transparent PNGs: without a white background the transparent paper would turn black.
    .flatten({ background: '#ffffff' })
    .resize(Math.round(width * scale), Math.round(height * scale), { fit: 'fill' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });

  const even = await evenOutLighting(data, info.width, info.height);
  return { data: even, width: info.width, height: info.height };
}

/** Rules removed and encoded as the one-channel PNG a full-page OCR job takes. */
export async function encodeForOcr(page: GreyImage): Promise<PreparedImage> {
  return encodePrepared(cleanForOcr(page));
}

/** The page as full-page OCR sees it: rules removed, faint print deepened. */
export function cleanForOcr(page: GreyImage): GreyImage {
  return { data: removeRuleLines(page.data, page.width, page.height, { tone: faintInkTable() }), width: page.width, height: page.height };
}

export async function encodePrepared(clean: GreyImage): Promise<PreparedImage> {
  return { image: await encodeGrey(clean), width: clean.width, height: clean.height };
}

export function encodeGrey(img: GreyImage): Promise<Buffer> {
  return (
    sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
      // Without this sharp takes one-channel raw input as sRGB and writes a three-channel PNG.
      .toColourspace('b-w')
      // Tesseract decodes the PNG again; fast compression saves ~0.3 s per page for a slightly larger buffer.
      .png({ compressionLevel: 1 })
      .toBuffer()
  );
}

/** Scale so a page-shaped image comes out at 300 dpi A4; other shapes are only shrunk when huge. */
function pageScale(width: number, height: number, maxPixels: number): number {
  const ratio = height / width;
  let scale: number;
  if (ratio >= 1.2 && ratio <= 1.6) scale = A4_SHORT_SIDE_PX / width;
  else if (1 / ratio >= 1.2 && 1 / ratio <= 1.6) scale = A4_SHORT_SIDE_PX / height;
  else scale = Math.min(1, A4_LONG_SIDE_PX / Math.max(width, height));
  scale = Math.min(scale, MAX_UPSCALE);
  const pixels = width * height * scale * scale;
  if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
  return scale;
}
