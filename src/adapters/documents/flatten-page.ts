// A photographed page that zone OCR could not place through its table: find the sheet by its colour, map A4
// onto its corners and cut it out flat at 300 dpi, so a second zone pass or the full-page fallback reads a
// page without perspective. Boxes read on the flat page are mapped back onto the photo for the review UI.
import sharp from 'sharp';
import { A4_MM } from '../../domain/application-form.ts';
import type { PageText } from '../../domain/document.ts';
import { findPageQuad } from '../images/find-page-quad.ts';
import { applyHomography, solveHomography, type Homography } from '../images/homography.ts';
import { warpRegion, type GreyImage } from '../images/warp-region.ts';
import { PX_PER_MM } from './form-zones.ts';

/** Wide enough to place the corners within ~0.7 mm on A4, small enough to cost a few milliseconds. */
const PREVIEW_WIDTH = 320;

export interface FlatPage {
  image: GreyImage;
  /** Flat-page pixels → photo pixels. */
  toPhoto: Homography;
}

/** Undefined when no sheet stands out from its background (a scan, a close-up, a page running off the photo). */
export async function flattenPage(bytes: Buffer, page: GreyImage, frame = 0): Promise<FlatPage | undefined> {
  const { data, info } = await sharp(bytes, { page: frame, failOn: 'error' })
    .autoOrient()
    .resize(PREVIEW_WIDTH)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const quad = findPageQuad({ data, width: info.width, height: info.height });
  if (!quad) return undefined;
  const scale = page.width / info.width;
  const corners = [quad.topLeft, quad.topRight, quad.bottomRight, quad.bottomLeft].map((p) => ({ x: (p.x + 0.5) * scale, y: (p.y + 0.5) * scale }));
  const a4 = [
    { x: 0, y: 0 },
    { x: A4_MM.width, y: 0 },
    { x: A4_MM.width, y: A4_MM.height },
    { x: 0, y: A4_MM.height },
  ];
  const mmToPhoto = solveHomography(a4, corners);
  const flatToPhoto = solveHomography(
    a4.map((p) => ({ x: p.x * PX_PER_MM, y: p.y * PX_PER_MM })),
    corners,
  );
  if (!mmToPhoto || !flatToPhoto) return undefined;
  return { image: warpRegion(page, mmToPhoto, { x: 0, y: 0, width: A4_MM.width, height: A4_MM.height }, PX_PER_MM), toPhoto: flatToPhoto };
}

/** The page's lines with their boxes moved from the flat page onto the photo (as upright boxes around them). */
export function boxesOnPhoto(text: PageText, flat: FlatPage, photo: GreyImage): PageText {
  return {
    ...text,
    width: photo.width,
    height: photo.height,
    lines: text.lines.map((line) => {
      if (!line.box) return line;
      const { x, y, width, height } = line.box;
      const pts = [
        { x, y },
        { x: x + width, y },
        { x: x + width, y: y + height },
        { x, y: y + height },
      ].map((p) => applyHomography(flat.toPhoto, p));
      const clampX = (v: number) => Math.min(photo.width, Math.max(0, v));
      const clampY = (v: number) => Math.min(photo.height, Math.max(0, v));
      const x0 = clampX(Math.min(...pts.map((p) => p.x)));
      const x1 = clampX(Math.max(...pts.map((p) => p.x)));
      const y0 = clampY(Math.min(...pts.map((p) => p.y)));
      const y1 = clampY(Math.max(...pts.map((p) => p.y)));
      return { ...line, box: { ...line.box, x: Math.round(x0), y: Math.round(y0), width: Math.round(x1 - x0), height: Math.round(y1 - y0) } };
    }),
  };
}
