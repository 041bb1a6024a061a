import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectKind } from '../../../../src/adapters/documents/detect-kind.ts';

const pixel = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#ffffff' } });

describe('detectKind', () => {
  it('recognises the image formats from their bytes', async () => {
    expect(await detectKind(await pixel().png().toBuffer())).toEqual({ kind: 'png', mimeType: 'image/png' });
    expect(await detectKind(await pixel().jpeg().toBuffer())).toEqual({ kind: 'jpeg', mimeType: 'image/jpeg' });
    expect(await detectKind(await pixel().webp().toBuffer())).toEqual({ kind: 'webp', mimeType: 'image/webp' });
    expect(await detectKind(await pixel().tiff().toBuffer())).toEqual({ kind: 'tiff', mimeType: 'image/tiff' });
  });

  it('recognises a PDF whatever it is called', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    expect(await detectKind(pdf)).toEqual({ kind: 'pdf', mimeType: 'application/pdf' });
  });

  it('recognises HEIC from its ftyp box', async () => {
    const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);
    expect((await detectKind(Buffer.concat([ftyp, Buffer.alloc(64)])))?.kind).toBe('heic');
  });

  it('calls a real but unread format unsupported', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100)]);
    expect((await detectKind(zip))?.kind).toBe('unsupported');
  });

  it('takes UTF-8 and windows-1251 text as text', async () => {
    expect(await detectKind(Buffer.from('Номер заказа: 4821-5567\n'))).toEqual({ kind: 'text', mimeType: 'text/plain' });
    const cp1251 = Buffer.from([0xcd, 0xee, 0xec, 0xe5, 0xf0, 0x20, 0x34, 0x38, 0x32, 0x31, 0x0a]); // "Номер 4821"
    expect((await detectKind(cp1251))?.kind).toBe('text');
  });

  it('gives nothing for empty bytes or noise', async () => {
    expect(await detectKind(Buffer.alloc(0))).toBeUndefined();
    const noise = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
    expect(await detectKind(noise)).toBeUndefined();
  });
});
