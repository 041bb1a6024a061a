// Makes a clean page render look scanned or photographed: skew, paper tone, specks, perspective, uneven
// light, a shadow, blur, and a sideways-stored JPEG with an EXIF orientation tag. All noise is seeded.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { Random } from './random.ts';

export interface ScanOptions {
  dpi: number;
  /** Degrees, clockwise; a sheet fed slightly crooked is 0.3–1.5°. */
  skewDeg: number;
  /** Standard deviation of per-pixel grey noise; 0 keeps PNG output small. */
  noise: number;
  /** Dust specks per page. */
  specks: number;
}

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel. */
  data: Buffer;
}

function gaussian(rng: Random): number {
  // Box–Muller; enough for visual noise.
  const u = Math.max(rng.next(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** A flatbed scan: greyscale, rotated by `skewDeg` on the same canvas, slightly grey paper, specks. */
export async function scanLook(pagePng: Buffer, opts: ScanOptions, rng: Random): Promise<GreyImage> {
  const { width = 0, height = 0 } = await sharp(pagePng).metadata();
  const rotated = await sharp(pagePng)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .rotate(opts.skewDeg, { background: '#ffffff' })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const left = Math.floor((rotated.info.width - width) / 2);
  const top = Math.floor((rotated.info.height - height) / 2);
  const cropped = await sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: 1 } })
    .extract({ left, top, width, height })
    .extractChannel(0)
    .raw()
    .toBuffer();

  const data = Buffer.alloc(width * height);
  for (let i = 0; i < data.length; i++) {
    // Paper is never pure white under a scanner lamp; ink is never pure black.
    let v = 18 + (cropped[i]! * 222) / 255;
    if (opts.noise > 0) v += gaussian(rng) * opts.noise;
    data[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  for (let s = 0; s < opts.specks; s++) {
    const cx = rng.int(0, width - 1);
    const cy = rng.int(0, height - 1);
    const r = rng.between(0.6, 2.2) * (opts.dpi / 300);
    const shade = rng.int(40, 150);
    for (let dy = -Math.ceil(r); dy <= Math.ceil(r); dy++) {
      for (let dx = -Math.ceil(r); dx <= Math.ceil(r); dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x >= 0 && y >= 0 && x < width && y < height && dx * dx + dy * dy <= r * r) data[y * width + x] = shade;
      }
    }
  }
  return { width, height, data };
}

/** Inserts a pHYs chunk after IHDR. sharp's withMetadata({ density }) would also convert to 3-channel sRGB. */
function withPngDensity(png: Buffer, dpi: number): Buffer {
  const IHDR_END = 8 + 8 + 13 + 4;
  const pixelsPerMetre = Math.round(dpi / 0.0254);
  const body = Buffer.alloc(4 + 9);
  body.write('pHYs', 0, 'ascii');
  body.writeUInt32BE(pixelsPerMetre, 4);
  body.writeUInt32BE(pixelsPerMetre, 8);
  body.writeUInt8(1, 12); // unit: metre
  const length = Buffer.alloc(4);
  length.writeUInt32BE(9);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([png.subarray(0, IHDR_END), length, body, crc, png.subarray(IHDR_END)]);
}

export async function greyToPng(img: GreyImage, dpi: number): Promise<Buffer> {
  const png = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
    .toColourspace('b-w')
    .png({ compressionLevel: 9, adaptiveFiltering: true })
    .toBuffer();
  return withPngDensity(png, dpi);
}

export async function greyToJpeg(img: GreyImage, quality: number): Promise<Buffer> {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
    .toColourspace('b-w')
    .jpeg({ quality })
    .toBuffer();
}

type Point = readonly [number, number];

export interface PhotoOptions {
  /** Output frame in pixels, portrait (as the phone held it). */
  width: number;
  height: number;
  /** Where the page's corners land, as fractions of the frame: top-left, top-right, bottom-right, bottom-left. */
  corners: readonly [Point, Point, Point, Point];
  /** 0..1: how much darker the far corner is than the near one. */
  lightFalloff: number;
  /** A soft shadow (of the phone and hand) across part of the page: a line (point, direction) darkening one side. */
  shadow?: { through: Point; angleDeg: number; strength: number; softness: number };
  blurSigma: number;
  noise: number;
  jpegQuality: number;
  /** EXIF orientation; 6 = pixels stored rotated, viewers turn them 90° clockwise. */
  exifOrientation: 1 | 6 | 8 | 3;
}

/** Solves the 3×3 homography mapping `from[i]` to `to[i]` (4 point pairs), Gaussian elimination on 8 unknowns. */
function homography(from: readonly Point[], to: readonly Point[]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c < 9; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return [...Array.from({ length: 8 }, (_, i) => a[i]![8]! / a[i]![i]!), 1];
}

const ROTATION_FOR_ORIENTATION = { 1: 0, 3: 180, 6: 270, 8: 90 } as const;

/** A phone photo of the page lying on a desk. */
export async function photoLook(pagePng: Buffer, opts: PhotoOptions, rng: Random): Promise<Buffer> {
  const src = await sharp(pagePng).flatten({ background: '#ffffff' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const sw = src.info.width;
  const sh = src.info.height;
  const { width: W, height: H } = opts;
  const dst = opts.corners.map(([fx, fy]) => [fx * W, fy * H] as const);
  const h = homography(dst, [
    [0, 0],
    [sw - 1, 0],
    [sw - 1, sh - 1],
    [0, sh - 1],
  ]);
  const out = Buffer.alloc(W * H * 3);
  const shadow = opts.shadow;
  const shadowNormal = shadow ? [Math.cos((shadow.angleDeg * Math.PI) / 180), Math.sin((shadow.angleDeg * Math.PI) / 180)] : [0, 0];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const w = h[6]! * x + h[7]! * y + h[8]!;
      const u = (h[0]! * x + h[1]! * y + h[2]!) / w;
      const v = (h[3]! * x + h[4]! * y + h[5]!) / w;
      let r: number;
      let g: number;
      let b: number;
      if (u >= 0 && v >= 0 && u < sw - 1 && v < sh - 1) {
        // Bilinear sample of the page, tinted warm like paper under indoor light.
        const x0 = Math.floor(u);
        const y0 = Math.floor(v);
        const fx = u - x0;
        const fy = v - y0;
        const px = (c: number): number => {
          const i00 = (y0 * sw + x0) * 3 + c;
          const i10 = i00 + 3;
          const i01 = i00 + sw * 3;
          const i11 = i01 + 3;
          return (src.data[i00]! * (1 - fx) + src.data[i10]! * fx) * (1 - fy) + (src.data[i01]! * (1 - fx) + src.data[i11]! * fx) * fy;
        };
        r = px(0) * 0.98;
        g = px(1) * 0.95;
        b = px(2) * 0.88;
      } else {
        // Wooden desk: brown with a slow wave of grain.
        const grain = 12 * Math.sin(y / 23 + Math.sin(x / 140) * 3);
        r = 120 + grain;
        g = 86 + grain * 0.8;
        b = 58 + grain * 0.6;
      }
      // Light from the top-left window, falling off towards the bottom-right.
      let light = 1 - opts.lightFalloff * ((x / W) * 0.4 + (y / H) * 0.6);
      if (shadow) {
        const d = (x / W - shadow.through[0]) * shadowNormal[0]! + (y / H - shadow.through[1]) * shadowNormal[1]!;
        const t = Math.min(1, Math.max(0, d / shadow.softness + 0.5));
        light *= 1 - shadow.strength * t;
      }
      const n = opts.noise > 0 ? gaussian(rng) * opts.noise : 0;
      const i = (y * W + x) * 3;
      out[i] = Math.max(0, Math.min(255, r * light + n));
      out[i + 1] = Math.max(0, Math.min(255, g * light + n));
      out[i + 2] = Math.max(0, Math.min(255, b * light + n));
    }
  }
  return sharp(out, { raw: { width: W, height: H, channels: 3 } })
    .blur(opts.blurSigma)
    .rotate(ROTATION_FOR_ORIENTATION[opts.exifOrientation])
    .jpeg({ quality: opts.jpegQuality })
    .withMetadata({ orientation: opts.exifOrientation, density: 72 })
    .withExif({ IFD0: { Make: 'Apple', Model: 'iPhone 12', Software: '17.3.1' } })
    .toBuffer();
}
