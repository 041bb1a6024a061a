import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../../src/pipeline/ingest/content-hash.ts';

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
});
