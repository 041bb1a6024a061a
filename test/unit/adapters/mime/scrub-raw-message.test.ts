import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { scrubRawMessage } from '../../../../src/adapters/mime/scrub-raw-message.ts';
import { MAX_MIME_PARTS } from '../../../../src/domain/limits.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/mail');
const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');

describe('scrubRawMessage', () => {
  it('returns a message without card numbers byte for byte (the same Buffer)', async () => {
    const raw = await readFile(path.join(FIXTURES, 'windows-1251-body.eml'));
    const scrubbed = await scrubRawMessage(raw);
    expect(scrubbed.masked).toBe(0);
    expect(scrubbed.raw).toBe(raw);
  });

  it('regression: a multipart boundary of digits that passes Luhn is kept, so the attachment after it is not lost', async () => {
    // Python's e-mail package writes boundaries like ===============7386640241469727376== (19 digits); masking
    // one as a card number cut the photo of the application off the message.
    const boundary = '===============7386640241469727376==';
    const raw = crlf([
      'From: a@example.ru',
      'Subject: x',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Card 4111 1111 1111 1111',
      `--${boundary}`,
      'Content-Type: image/jpeg',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="scan.jpg"',
      '',
      Buffer.from('not really a jpeg').toString('base64'),
      `--${boundary}--`,
      '',
    ]);
    const scrubbed = await scrubRawMessage(raw);
    expect(scrubbed.masked).toBe(1);
    const parsed = await simpleParser(scrubbed.raw);
    expect(parsed.text?.trim()).toBe('Card **** 1111');
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['scan.jpg', 'not really a jpeg']]);
  });

  it('masks a windows-1251 body without touching its letters or charset', async () => {
    const raw = Buffer.concat([
      crlf(['From: a@example.ru', 'Subject: x', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=windows-1251', 'Content-Transfer-Encoding: 8bit', '', '']),
      // "Карта " in windows-1251, then the number and ", спасибо"
      Buffer.from([0xca, 0xe0, 0xf0, 0xf2, 0xe0, 0x20]),
      Buffer.from('4111 1111 1111 1111, ', 'latin1'),
      Buffer.from([0xf1, 0xef, 0xe0, 0xf1, 0xe8, 0xe1, 0xee]),
      crlf(['', '']),
    ]);
    const scrubbed = await scrubRawMessage(raw);
    expect(scrubbed.masked).toBe(1);
    expect((await simpleParser(scrubbed.raw)).text?.trim()).toBe('Карта **** 1111, спасибо');
  });

  it('masks encoded-word headers and leaves identifiers (Message-ID, References) alone', async () => {
    const subject = Buffer.from('Возврат, карта 5500-0000-0000-0004', 'utf8').toString('base64');
    const raw = crlf([
      'From: a@example.ru',
      `Subject: =?UTF-8?B?${subject}?=`,
      'Message-ID: <4111111111111111@relay.example>',
      'References: <5500000000000004@relay.example>',
      'X-Comment: paid with 4111-1111-1111-1111',
      '',
      'hello',
      '',
    ]);
    const scrubbed = await scrubRawMessage(raw);
    const mail = await simpleParser(scrubbed.raw);
    expect(mail.subject).toBe('Возврат, карта **** 0004');
    expect(mail.messageId).toBe('<4111111111111111@relay.example>');
    expect(mail.references).toBe('<5500000000000004@relay.example>');
    expect(mail.headers.get('x-comment')).toBe('paid with **** 1111');
    expect(mail.text?.trim()).toBe('hello');
  });

  it('masks a number a quoted-printable soft line break splits in two', async () => {
    const raw = crlf(['From: a@example.ru', 'Subject: x', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', 'card 4111 1111 =', '1111 1111 ok', '']);
    const mail = await simpleParser((await scrubRawMessage(raw)).raw);
    expect(mail.text?.trim()).toBe('card **** 1111 ok');
  });

  it('a message with more than MAX_MIME_PARTS parts is kept with its headers masked and a note for a body (regression: deep multipart stopped every ingest round)', async () => {
    const depth = MAX_MIME_PARTS + 100;
    const lines = ['From: Mallory <m@attacker.example>', 'Subject: Возврат, карта 5500 0000 0000 0004', 'Message-ID: <deep@attacker.example>', 'MIME-Version: 1.0'];
    for (let i = 0; i < depth; i++) lines.push(`Content-Type: multipart/mixed; boundary="b${i}"`, '', `--b${i}`);
    lines.push('Content-Type: text/plain', '', 'card 4111 1111 1111 1111', '');
    for (let i = depth - 1; i >= 0; i--) lines.push(`--b${i}--`, '');
    const scrubbed = await scrubRawMessage(Buffer.from(lines.join('\r\n'), 'utf8'));
    expect(scrubbed.bodyDropped).toBe(true);
    expect(scrubbed.raw.toString('latin1')).not.toMatch(/4111|5500 0000/);
    const mail = await simpleParser(scrubbed.raw);
    expect(mail.subject).toBe('Возврат, карта **** 0004');
    expect(mail.messageId).toBe('<deep@attacker.example>');
    expect(mail.from?.value[0]?.address).toBe('m@attacker.example');
    expect(mail.attachments).toEqual([]);
    expect(mail.text).toMatch(/not kept/);
  });
});
