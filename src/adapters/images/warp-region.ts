// Cuts one region of a form out of a page image as if the page had been scanned flat: every output pixel
// is mapped through the homography into the source and sampled bilinearly. Only the zones are warped, never
// the whole page, which keeps a photo's perspective correction to a few milliseconds.
import { applyHomography, type Homography } from './homography.ts';

export interface GreyImage {
  /** One byte per pixel, row-major. */
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Region {
  /** In the homography's source units (millimetres on the form). */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `scale` output pixels per source unit; pixels that fall outside the image come out as paper (white). */
export function warpRegion(src: GreyImage, h: Homography, region: Region, scale: number): GreyImage {
  const width = Math.max(1, Math.round(region.width * scale));
  const height = Math.max(1, Math.round(region.height * scale));
  const out = new Uint8Array(width * height);
  const { data, width: sw, height: sh } = src;
  for (let v = 0; v < height; v++) {
    const my = region.y + (v + 0.5) / scale;
    for (let u = 0; u < width; u++) {
      const p = applyHomography(h, { x: region.x + (u + 0.5) / scale, y: my });
      const x = p.x - 0.5;
      const y = p.y - 0.5;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= sw || y0 + 1 >= sh) {
        out[v * width + u] = 255;
        continue;
      }
      const fx = x - x0;
      const fy = y - y0;
      const i = y0 * sw + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + sw]! + (data[i + sw + 1]! - data[i + sw]!) * fx;
      out[v * width + u] = Math.round(top + (bottom - top) * fy);
    }
  }
  return { data: out, width, height };
}
