import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measurePdfStreams } from '../../../../src/adapters/pdf/check-pdf-streams.ts';

const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >> stream\n`, 'latin1'), data, Buffer.from('\nendstream\n', 'latin1')]);

describe('measurePdfStreams', () => {
  it('counts the inflated bytes of content and object streams, stopping at the budget', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), stream('/Filter /FlateDecode', deflateSync(Buffer.alloc(3000, 'a'))), stream('/Type /ObjStm /Filter /FlateDecode', deflateSync(Buffer.alloc(2000, 'b')))]);
    expect(measurePdfStreams(pdf, 10_000)).toEqual({ inflated: 5000, over: false });
    expect(measurePdfStreams(pdf, 4000).over).toBe(true);
    // zlib stops at the cap: a 1 GB bomb costs no more than the budget.
    expect(measurePdfStreams(Buffer.concat([Buffer.from('%PDF-1.7\n'), stream('/Filter /FlateDecode', deflateSync(Buffer.alloc(50_000_000)))]), 1000)).toEqual({ inflated: 1001, over: true });
  });

  it('leaves images (pdf.js bounds their pixels), uncompressed and damaged streams alone', () => {
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      stream('/Type /XObject /Subtype /Image /Width 3000 /Height 3000 /Filter /FlateDecode', deflateSync(Buffer.alloc(9_000_000))),
      stream('', Buffer.alloc(5000, 'c')),
      stream('/Filter /FlateDecode', Buffer.from('not zlib at all')),
    ]);
    expect(measurePdfStreams(pdf, 1000)).toEqual({ inflated: 0, over: false });
  });
});
