// iPhone photos arrive as HEIC. The prebuilt sharp reads HEIC headers but cannot decode the pixels
// (no HEVC decoder), so heic-convert turns the first image into a PNG that sharp can handle. Imported on
// first use: its libheif build is a few MB of JavaScript and WASM that most workers never need.

export async function decodeHeic(bytes: Buffer): Promise<Buffer> {
  const { default: convert } = await import('heic-convert');
  return Buffer.from(await convert({ buffer: bytes, format: 'PNG' }));
}
