import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMimeParser } from '../../../../src/adapters/mime/create-mime-parser.ts';
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_MESSAGE_BYTES } from '../../../../src/domain/limits.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/mail/${name}`, import.meta.url));
const parser = createMimeParser();

describe('createMimeParser on real .eml fixtures', () => {
  it('decodes a Cyrillic RFC 2231 (continued) file name and an RFC 2047 one', async () => {
    const message = await parser.parse(fixture('cyrillic-rfc2231-filename.eml'));
    expect(message.attachments.map((a) => a.filename)).toEqual(['Заявление на возврат.pdf', 'Фото чека.jpg']);
    expect(message.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(message.attachments[0]!.declaredType).toBe('application/pdf');
    expect(message.subject).toBe('Заявление на возврат');
    expect(message.from).toEqual({ address: 'ivan.petrov@example.ru', name: 'Иван Петров' });
    expect(message.to).toEqual([{ address: 'info@shop.example' }]);
    expect(message.date?.toISOString()).toBe('2025-03-03T07:14:55.000Z');
  });

  it('keeps threading headers: Message-ID, In-Reply-To and References as an array', async () => {
    const message = await parser.parse(fixture('cyrillic-rfc2231-filename.eml'));
    expect(message.messageId).toBe('<cyr2231.0001@example.ru>');
    expect(message.inReplyTo).toBe('<ri.abc123@shop.example>');
    expect(message.references).toEqual(['<orig.1@example.ru>', '<ri.abc123@shop.example>']);
  });

  it('lower-cases header names and decodes values for RFC 3834 checks', async () => {
    const message = await parser.parse(fixture('auto-reply-ooo.eml'));
    expect(message.headers['auto-submitted']).toBe('auto-replied');
    expect(message.headers['x-auto-response-suppress']).toBe('All');
    expect(message.headers['precedence']).toBe('auto_reply');
    expect(message.headers['subject']).toBe('Ответ: В отпуске');
    expect(Object.keys(message.headers).every((k) => k === k.toLowerCase())).toBe(true);
  });

  it('joins repeated headers', async () => {
    const raw = Buffer.from('Received: from a\r\nReceived: from b\r\nFrom: x@example.ru\r\nSubject: s\r\n\r\nbody\r\n');
    const message = await parser.parse(raw);
    expect(message.headers['received']).toBe('from a, from b');
  });

  it('decodes a windows-1251 body and header', async () => {
    const message = await parser.parse(fixture('windows-1251-body.eml'));
    expect(message.text).toContain('Прошу вернуть деньги за заказ № 12345, товар не подошёл по размеру.');
    expect(message.subject).toBe('Возврат');
    expect(message.from?.name).toBe('Сергей Иванов');
  });

  it('decodes a koi8-r body', async () => {
    const message = await parser.parse(fixture('koi8-r-body.eml'));
    expect(message.text).toContain('Прошу принять возврат. Ёлка, щётка, объём.');
  });

  it('counts Apple Mail inline parts that carry a file name as attachments', async () => {
    const message = await parser.parse(fixture('apple-inline-pdf.eml'));
    expect(message.attachments.map((a) => [a.filename, a.declaredType, a.inline])).toEqual([
      ['application.pdf', 'application/pdf', true],
      ['IMG_0042.jpeg', 'image/jpeg', true],
    ]);
    expect(message.text).toContain('please find my return application attached');
    expect(message.text).toContain('Sent from my Mac');
  });

  it('surfaces the attachments of a forwarded message/rfc822 attachment', async () => {
    const message = await parser.parse(fixture('forwarded-rfc822.eml'));
    expect(message.attachments.map((a) => a.filename)).toEqual(['scan.pdf']);
    expect(message.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(message.text).toContain('Пересылаю письмо с заявлением.');
    expect(message.text).toContain('Скан заявления.');
    expect(message.messageId).toBe('<fwd.0001@example.org>');
  });

  it('surfaces the attachments of a forwarded message/rfc822 part without a disposition', async () => {
    const message = await parser.parse(fixture('forwarded-rfc822-inline.eml'));
    expect(message.attachments.map((a) => a.filename)).toEqual(['photo.jpg']);
  });

  it('generates names for nameless parts', async () => {
    const message = await parser.parse(fixture('nameless-parts.eml'));
    expect(message.attachments.map((a) => a.filename)).toEqual(['attachment-1.pdf', 'attachment-2.jpg']);
  });

  it('returns what it can from a message with a broken boundary', async () => {
    const message = await parser.parse(fixture('broken-boundary.eml'));
    expect(message.subject).toBe('broken boundary');
    expect(message.from?.address).toBe('broken@example.net');
    expect(message.text).toContain('The closing boundary never comes');
    expect(message.attachments.length).toBeGreaterThanOrEqual(1);
    expect(message.attachments.at(-1)!.content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps a bounce recognisable: multipart/report and Return-Path <>', async () => {
    const message = await parser.parse(fixture('bounce-multipart-report.eml'));
    expect(message.contentType).toBe('multipart/report');
    expect(message.headers['return-path']).toBe('<>');
    expect(message.from?.address).toBe('MAILER-DAEMON@mx.example.ru');
  });

  it('strips directory parts from file names', async () => {
    const raw = Buffer.from(
      'From: a@example.ru\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="../../etc/passwd.pdf"\r\n\r\n%PDF-1.4\r\n--b--\r\n',
    );
    const message = await parser.parse(raw);
    expect(message.attachments[0]!.filename).toBe('passwd.pdf');
  });
});

describe('createMimeParser on hostile input (limits.ts)', () => {
  function manyParts(count: number): Buffer {
    const parts = Array.from(
      { length: count },
      (_, i) => `--b\r\nContent-Type: image/jpeg; name="p${i}.jpg"\r\nContent-Disposition: attachment; filename="p${i}.jpg"\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/4AAQ\r\n`,
    ).join('');
    return Buffer.from(`From: spam@example.ru\r\nSubject: many\r\nMessage-ID: <many@example.ru>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${parts}--b--\r\n`);
  }

  it('over MAX_ATTACHMENTS_PER_MESSAGE: the caller sees the count, memory holds a bounded number', async () => {
    const message = await parser.parse(manyParts(500));
    expect(message.stats.attachmentCount).toBe(500);
    expect(message.stats.attachmentsTruncated).toBe(true);
    expect(message.attachments.length).toBeGreaterThan(MAX_ATTACHMENTS_PER_MESSAGE);
    expect(message.attachments.length).toBeLessThan(500);
    expect(message.messageId).toBe('<many@example.ru>');
  });

  it('at the limit nothing is truncated', async () => {
    const message = await parser.parse(manyParts(MAX_ATTACHMENTS_PER_MESSAGE));
    expect(message.attachments).toHaveLength(MAX_ATTACHMENTS_PER_MESSAGE);
    expect(message.stats.attachmentsTruncated).toBe(false);
  });

  it('over MAX_MESSAGE_BYTES: parses the headers only, so the sender can still be told', async () => {
    const head = 'From: =?UTF-8?B?0JjQstCw0L0=?= <big@example.ru>\r\nSubject: big\r\nMessage-ID: <big@example.ru>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n';
    const body = `--b\r\nContent-Type: application/pdf; name="big.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${'QUFB'.repeat(MAX_MESSAGE_BYTES / 4 + 1000)}\r\n--b--\r\n`;
    const raw = Buffer.from(head + body);
    expect(raw.length).toBeGreaterThan(MAX_MESSAGE_BYTES);
    const message = await parser.parse(raw);
    expect(message.stats.oversize).toBe(true);
    expect(message.stats.rawBytes).toBe(raw.length);
    expect(message.from).toEqual({ address: 'big@example.ru', name: 'Иван' });
    expect(message.messageId).toBe('<big@example.ru>');
    expect(message.attachments).toEqual([]);
    expect(message.text).toBe('');
  });

  it('a forward nested deeper than it is worth is not unpacked forever', async () => {
    let inner = 'From: a@example.ru\r\nSubject: level\r\nContent-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\nContent-Type: application/pdf; name="deep.pdf"\r\nContent-Disposition: attachment; filename="deep.pdf"\r\n\r\n%PDF-1.4\r\n--z--\r\n';
    for (let level = 0; level < 8; level++) {
      inner = `From: a@example.ru\r\nSubject: fwd ${level}\r\nContent-Type: multipart/mixed; boundary=l${level}\r\n\r\n--l${level}\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename="f${level}.eml"\r\n\r\n${inner}\r\n--l${level}--\r\n`;
    }
    const message = await parser.parse(Buffer.from(inner));
    expect(message.subject).toBe('fwd 7');
    expect(message.attachments.length).toBeLessThanOrEqual(1);
  });

  it.each([
    ['empty input', Buffer.alloc(0)],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['headers only, no body', Buffer.from('From: a@example.ru\r\nSubject: x')],
    ['a declared boundary that never appears', Buffer.from('From: a@example.ru\r\nContent-Type: multipart/mixed; boundary=nope\r\n\r\njust text\r\n')],
    ['an unknown charset', Buffer.from('From: a@example.ru\r\nContent-Type: text/plain; charset=x-unknown-42\r\n\r\nhello\r\n')],
    ['broken base64', Buffer.from('From: a@example.ru\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!@@@###\r\n')],
  ])('does not throw on %s', async (_name, raw) => {
    const message = await parser.parse(raw);
    expect(Array.isArray(message.attachments)).toBe(true);
    expect(typeof message.text).toBe('string');
  });
});
