// iPhone photos arrive as HEIC. The prebuilt sharp reads HEIC headers but cannot decode the pixels
// (no HEVC decoder), so heic-convert turns the first image into a PNG that sharp can handle.
import convert from 'heic-convert';

export async function decodeHeic(bytes: Buffer): Promise<Buffer> {
  return Buffer.from(await convert({ buffer: bytes, format: 'PNG' }));
}
