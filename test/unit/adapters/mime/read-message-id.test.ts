import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMimeParser } from '../../../../src/adapters/mime/create-mime-parser.ts';
import { readMessageId } from '../../../../src/adapters/mime/read-message-id.ts';

const dir = new URL('../../../fixtures/mail/', import.meta.url);

describe('readMessageId', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.eml')))('agrees with the full parse for %s', async (name) => {
    const raw = readFileSync(new URL(name, dir));
    const parsed = await createMimeParser().parse(raw);
    expect(readMessageId(raw)).toBe(parsed.messageId);
  });

  it('reads a folded header and ignores case', () => {
    expect(readMessageId(Buffer.from('From: a@b\r\nmessage-ID:\r\n  <folded.1@example.ru>\r\n\r\nbody'))).toBe('<folded.1@example.ru>');
  });

  it('does not read a Message-ID from the body', () => {
    expect(readMessageId(Buffer.from('From: a@b\r\n\r\nMessage-ID: <in-body@example.ru>\r\n'))).toBeUndefined();
    expect(readMessageId(Buffer.from('From: a@b\n\nMessage-ID: <in-body@example.ru>\n'))).toBeUndefined();
  });

  it('returns undefined without one, or for an empty value', () => {
    expect(readMessageId(Buffer.from('From: a@b\r\nSubject: x\r\n\r\n'))).toBeUndefined();
    expect(readMessageId(Buffer.from('Message-ID:   \r\n\r\n'))).toBeUndefined();
    expect(readMessageId(Buffer.alloc(0))).toBeUndefined();
  });

  it('only looks at the start of a huge message', () => {
    const raw = Buffer.concat([Buffer.from('From: a@b\r\nMessage-ID: <big@x>\r\n\r\n'), Buffer.alloc(40 * 1024 * 1024, 0x41)]);
    const started = performance.now();
    expect(readMessageId(raw)).toBe('<big@x>');
    // Generous on a busy machine; scanning the 40 MB body would take seconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('readMessageId without angle brackets', () => {
  it('normalises to <id> like mailparser', async () => {
    const raw = Buffer.from('From: a@b\r\nMessage-ID: bare.1@example.ru\r\nSubject: x\r\n\r\nbody\r\n');
    const parsed = await createMimeParser().parse(raw);
    expect(readMessageId(raw)).toBe('<bare.1@example.ru>');
    expect(parsed.messageId).toBe('<bare.1@example.ru>');
  });
});
