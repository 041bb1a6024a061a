// Evens out uneven lighting (shadows, vignetting, a phone's flash spot) by dividing each pixel by the local
// paper brightness. On photos this beats a global normalise or an Otsu threshold, which both turn a shadowed
// half of the page into black (measured, see ENVIRONMENT.md).
import sharp from 'sharp';

/**
 * `grey` is one byte per pixel. The paper brightness of each block is its brightest pixel (text is darker
 * than paper, so the maximum ignores it); the block map is blurred and scaled back up to full size.
 */
export async function evenOutLighting(grey: Buffer, width: number, height: number): Promise<Buffer> {
  const block = Math.max(8, Math.round(Math.max(width, height) / 110));
  const bw = Math.ceil(width / block);
  const bh = Math.ceil(height / block);
  const maxima = Buffer.alloc(bw * bh);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const brow = Math.floor(y / block) * bw;
    for (let x = 0; x < width; x++) {
      const v = grey[row + x]!;
      const b = brow + Math.floor(x / block);
      if (v > maxima[b]!) maxima[b] = v;
    }
  }
  const background = await sharp(maxima, { raw: { width: bw, height: bh, channels: 1 } })
    .blur(1.5)
    .resize(width, height, { kernel: 'cubic' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  const out = Buffer.alloc(width * height);
  for (let i = 0; i < out.length; i++) {
    const paper = Math.max(background[i]!, 1);
    out[i] = Math.min(255, Math.round((grey[i]! * 255) / paper));
  }
  return out;
}
