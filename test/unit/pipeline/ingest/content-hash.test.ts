import { describe, expect, it } from 'vitest';
import { contentHash, contentHashInSlices } from '../../../../src/pipeline/ingest/content-hash.ts';

const message = (head: string[], body = 'Hello,\r\nmy application is attached.\r\n') => Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`, 'latin1');
const AUTHOR = ['From: anna@example.ru', 'To: info@shop.example', 'Subject: Return', 'Date: Sun, 09 Mar 2025 09:30:00 +0000'];

describe('contentHash', () => {
  it('ignores what relays add: Received lines, Return-Path, DKIM, Delivered-To, spam scores', () => {
    const direct = contentHash(message(AUTHOR));
    const relayed = contentHash(
      message([
        'Return-Path: <anna@example.ru>',
        'Received: from mx2.example.ru (mx2.example.ru [10.0.0.2])\r\n\tby mx.shop.example; Sun, 09 Mar 2025 09:30:05 +0000',
        'Received: from [10.0.0.9] by mx2.example.ru',
        'DKIM-Signature: v=1; a=rsa-sha256; b=abc',
        'Delivered-To: info@shop.example',
        'X-Spam-Score: 0.1',
        ...AUTHOR,
      ]),
    );
    expect(relayed).toBe(direct);
    // Line endings and a folded header as a relay may rewrite them.
    expect(contentHash(Buffer.from(message(AUTHOR).toString('latin1').replace(/\r\n/g, '\n'), 'latin1'))).toBe(direct);
    expect(contentHash(message([...AUTHOR.slice(0, 2), 'Subject:\r\n Return', AUTHOR[3]!]))).toBe(direct);
  });

  it('tells different messages apart: another sender, subject or body', () => {
    const base = contentHash(message(AUTHOR));
    expect(contentHash(message(['From: boris@example.ru', ...AUTHOR.slice(1)]))).not.toBe(base);
    expect(contentHash(message([...AUTHOR.slice(0, 2), 'Subject: Return 2', AUTHOR[3]!]))).not.toBe(base);
    expect(contentHash(message(AUTHOR, 'Hello,\r\nanother text.\r\n'))).not.toBe(base);
  });

  // Stored hashes must stay comparable with the ones the one-piece version wrote; the slices' edges fall on CRs of
  // a CRLF, inside runs of trailing whitespace and inside the header block's end.
  it('gives the same hash slice by slice as in one piece, wherever the slices break', async () => {
    const alphabet = ['\r', '\n', '\r\n', ' ', '\t', 'a', 'Я', ':', '\r\n\r\n', '\n\n'];
    let seed = 12;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const samples: Buffer[] = [
      message(AUTHOR),
      message(AUTHOR, 'body\r\n \t\r\n\n  \r\n'),
      message(AUTHOR, ' \r\n\t\n'),
      message(AUTHOR, 'ends with a lone CR\r'),
      Buffer.from('no blank line at all\r\nFrom: x@y.z\r\n', 'latin1'),
      Buffer.from('\n\nbody straight away', 'latin1'),
    ];
    for (let n = 0; n < 300; n++) {
      const length = Math.floor(next() * 60);
      const text = [...AUTHOR.slice(0, 1 + Math.floor(next() * 3)), ''].join('\r\n') + Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      samples.push(Buffer.from(text, 'utf8'));
    }
    for (const raw of samples) {
      for (const slice of [1, 2, 3, 7, 1024]) expect(await contentHashInSlices(raw, slice), JSON.stringify(raw.toString('latin1'))).toBe(contentHash(raw));
    }
  });

  it('lets the event loop turn while it hashes a large body', async () => {
    const raw = message(AUTHOR, 'x'.repeat(64 * 1024));
    // Queued before the hash starts: it runs at the hash's first yield, or only after the hash if there is none.
    let finished = false;
    let ranDuringHash = false;
    setImmediate(() => (ranDuringHash = !finished));
    await contentHashInSlices(raw, 1024);
    finished = true;
    expect(ranDuringHash).toBe(true);
  });
});
