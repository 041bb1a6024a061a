// Outlook's winmail.dat: decoded by node-tnef (in a child process) into ordinary attachments; anything broken is
// kept as the unsupported attachment it came as, never a crash.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createMimeParser } from '../../../../src/adapters/mime/create-mime-parser.ts';
import { decodeTnef, isTnef, MAX_TNEF_BYTES } from '../../../../src/adapters/mime/decode-tnef.ts';
import { writeTnef } from './tnef-writer.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/mail/${name}`, import.meta.url));
const samplePdf = readFileSync(new URL('../../../../samples/documents/01-text-layer.pdf', import.meta.url));
const parser = createMimeParser();

describe('winmail.dat in a message', () => {
  // Made with tnef-writer.ts around samples/documents/01-text-layer.pdf, sent the way Outlook sends it.
  it('surfaces the application inside as an ordinary attachment, byte for byte', async () => {
    const message = await parser.parse(fixture('outlook-winmail-dat.eml'));
    expect(message.attachments.map((a) => a.filename)).toEqual(['Return application.pdf']);
    expect(message.attachments[0]!.content.equals(samplePdf)).toBe(true);
    expect(message.attachments[0]!.inline).toBe(false);
    expect(message.text).toContain('return application attached');
    expect(message.stats.attachmentCount).toBe(1);
  });

  it('keeps a corrupt winmail.dat as it came, for the document reader to call unsupported', async () => {
    const raw = fixture('outlook-winmail-dat-corrupt.eml');
    const message = await parser.parse(raw);
    expect(message.attachments.map((a) => [a.filename, a.declaredType])).toEqual([['winmail.dat', 'application/ms-tnef']]);
    expect(message.attachments[0]!.content.readUInt32LE(0)).toBe(0x223e9f78);
    expect(message.stats.broken).toBe(false);
  });
});

describe('decodeTnef', () => {
  it('reads a real Outlook winmail.dat (from node-tnef\'s own test files) into its two files', async () => {
    const outcome = await decodeTnef(fixture('winmail-outlook-attachments.dat'));
    expect(outcome.status).toBe('decoded');
    if (outcome.status !== 'decoded') return;
    expect(outcome.files.map((f) => [f.filename, f.content.length])).toEqual([
      ['ZAPPA_~2.JPG', 2937],
      ['bookmark.htm', 85805],
    ]);
    expect(outcome.files[0]!.content.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff])); // a JPEG
  });

  it('decodes several files with their names', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 9)]);
    const outcome = await decodeTnef(writeTnef({ files: [{ name: 'application form.pdf', content: samplePdf }, { name: 'photo.jpg', content: jpeg }] }));
    expect(outcome.status === 'decoded' && outcome.files.map((f) => [f.filename, f.content.length])).toEqual([
      ['application form.pdf', samplePdf.length],
      ['photo.jpg', jpeg.length],
    ]);
  });

  it('turns truncated, lying, empty, foreign and oversized input away as unsupported, quickly', async () => {
    const good = writeTnef({ files: [{ name: 'a.pdf', content: samplePdf }] });
    const liar = Buffer.from(good);
    liar.writeUInt32LE(0x7fffffff, 6 + 5); // first attribute claims 2 GB: the library itself would loop on it
    const started = Date.now();
    expect(await decodeTnef(good.subarray(0, good.length - 100))).toEqual({ status: 'unsupported', reason: 'corrupt' });
    expect(await decodeTnef(liar)).toEqual({ status: 'unsupported', reason: 'corrupt' });
    expect(await decodeTnef(writeTnef({ files: [] }))).toEqual({ status: 'unsupported', reason: 'no_files' });
    expect(await decodeTnef(samplePdf)).toEqual({ status: 'unsupported', reason: 'not_tnef' });
    const huge = Buffer.alloc(MAX_TNEF_BYTES + 1);
    huge.writeUInt32LE(0x223e9f78, 0);
    expect(await decodeTnef(huge)).toEqual({ status: 'unsupported', reason: 'too_large' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('leaves this process untouched: String.prototype.replaceAll stays native and nothing reaches stdout', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    try {
      await decodeTnef(fixture('winmail-outlook-attachments.dat'));
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
    expect('a.b.c'.replaceAll('.', '-')).toBe('a-b-c'); // the library's own version treats '.' as a regex
  });

  it('recognises TNEF by type, or by name when a gateway relabelled it', () => {
    expect(isTnef({ contentType: 'application/ms-tnef' })).toBe(true);
    expect(isTnef({ contentType: 'application/vnd.ms-tnef', filename: 'x' })).toBe(true);
    expect(isTnef({ contentType: 'application/octet-stream', filename: 'WINMAIL.DAT' })).toBe(true);
    expect(isTnef({ contentType: 'application/pdf', filename: 'winmail.pdf' })).toBe(false);
  });
});
