// A pen's thin stroke made a pixel bolder: every pixel as dark as the darkest of its 3 × 3 neighbourhood. A scan
// breaks such a stroke into specks that OCR reads as nothing; thickened, they join again.
import type { GreyImage } from './warp-region.ts';

export function thickenInk(img: GreyImage): GreyImage {
  const { width, height } = img;
  const data = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 255;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx, ny = y + dy;
        if (nx >= 0 && ny >= 0 && nx < width && ny < height) v = Math.min(v, img.data[ny * width + nx]!);
      }
      data[y * width + x] = v;
    }
  }
  return { width, height, data };
}
