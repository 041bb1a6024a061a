// The MIME decoding process, for real: the same message as the in-process parser, Buffers and Dates intact; a
// message over its heap cap or its time limit is answered from its headers (too_complex), the worker never
// crashes, and the next message gets a fresh process.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMimeParser } from '../../../src/adapters/mime/create-mime-parser.ts';
import { createIsolatedMimeParser, type MimeBreach, type IsolatedMimeParser } from '../../../src/adapters/mime/isolated-mime-parser.ts';
import type { InboundRecord } from '../../../src/domain/ports/store.ts';
import { decideMessage, readMessage, type ProcessDeps } from '../../../src/pipeline/process/process-message.ts';
import { replyDeps } from '../../unit/pipeline/fakes.ts';
import { MAX_MESSAGE_BYTES } from '../../../src/domain/limits.ts';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../fixtures/mail', name));

/** A 6 MB PDF attachment, base64 in the message as a mail program sends it. */
function bigMessage(): Buffer {
  const pdf = Buffer.alloc(6 * 1024 * 1024, 'junk-pdf ');
  const base64 = pdf.toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    [
      'From: Mallory <mallory@attacker.example>',
      'To: info@shop.test',
      'Subject: =?UTF-8?B?0JLQvtC30LLRgNCw0YI=?=',
      'Message-ID: <big.1@attacker.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Application attached.',
      '--b1',
      'Content-Type: application/pdf; name="application.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      base64,
      '--b1--',
      '',
    ].join('\r\n'),
    'latin1',
  );
}

let parser: IsolatedMimeParser | undefined;
afterEach(async () => {
  await parser?.close();
  parser = undefined;
});

describe('createIsolatedMimeParser', () => {
  it('decodes a message in its process exactly as the in-process parser does', async () => {
    parser = createIsolatedMimeParser();
    const raw = fixture('cyrillic-rfc2231-filename.eml');
    const isolated = await parser.parse(raw);
    const local = await createMimeParser().parse(raw);
    expect(isolated).toEqual(local);
    expect(Buffer.isBuffer(isolated.attachments[0]!.content)).toBe(true);
    expect(isolated.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(isolated.date).toBeInstanceOf(Date);
  });

  // Regression: in a worker thread (the first version) this message took the whole process down with "FATAL ERROR:
  // Reached heap limit" instead of ending the thread: one allocation past the cap is beyond Node's rescue there.
  it('answers a message over the heap cap from its headers, and decodes the next one in a fresh process', async () => {
    const breaches: MimeBreach[] = [];
    // Attachments are Buffers, outside the JavaScript heap, so how much heap they take depends on the collector's
    // timing; a text body becomes one string on the heap. 28 MB of Cyrillic text is a 29 MB string: it cannot fit
    // in 40 MB however the collector runs.
    parser = createIsolatedMimeParser({ heapMb: 40, onBreach: (breach) => breaches.push(breach) });
    const raw = Buffer.concat([
      Buffer.from('From: Mallory <mallory@attacker.example>\r\nSubject: =?UTF-8?B?0JLQvtC30LLRgNCw0YI=?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
      Buffer.from('Возврат товара по заказу.\r\n'.repeat(600_000)),
    ]);
    expect(raw.length).toBeLessThan(MAX_MESSAGE_BYTES);
    const mail = await parser.parse(raw);
    expect(breaches.map((b) => b.kind)).toEqual(['memory']);
    expect(mail.tooComplex).toMatch(/^memory: heap over 40 MB/);
    expect(mail.subject).toBe('Возврат');
    expect(mail.from?.address).toBe('mallory@attacker.example');
    expect(mail.attachments).toEqual([]);
    expect((await parser.parse(fixture('cyrillic-rfc2231-filename.eml'))).attachments).toHaveLength(2);
  });

  it('stops a decode that runs past its time limit, and the message gets a too_complex reply asking for the form again', async () => {
    const breaches: MimeBreach[] = [];
    parser = createIsolatedMimeParser({ timeoutSeconds: 0.01, onBreach: (breach) => breaches.push(breach) });
    // The limit counts from the process's start-up being done, so a slow start is not a breach.
    const raw = bigMessage();
    const deps: ProcessDeps = {
      ...replyDeps,
      mime: parser,
      documents: { read: async () => { throw new Error('nothing is read of a message that was not decoded'); } },
      orders: null,
      returns: { findReturnForFollowUp: async () => null, openReturnsOf: async () => [], orderReturns: async () => [] },
      ourDomain: 'shop.test',
      ownAddresses: ['info@shop.test'],
      now: () => new Date('2025-03-10T10:00:00Z'),
      random: () => 7,
    };
    const inbound: InboundRecord = {
      id: 'in-1', mailboxId: 'mb', mailboxKey: 'k', messageId: '<big.1@attacker.example>', sha256: 'x', raw,
      state: 'processing', attempts: 1, lastError: null, deliveryCount: 1, receivedAt: new Date('2025-03-10T09:00:00Z'),
    };
    const outcome = await decideMessage(inbound, await readMessage(inbound, deps), deps);
    expect(breaches.map((b) => b.kind)).toEqual(['timeout']);
    if (outcome.kind !== 'return') throw new Error(`expected a return, got ${outcome.kind}`);
    expect(outcome.record.decision.reasons.map((r) => r.code)).toEqual(['too_complex']);
    expect(outcome.record.state).toBe('awaiting_application');
    expect(outcome.record.reply?.template).toBe('message_too_large');
    // Regression: a message too complex to decode was told it was larger than we accept.
    // The fake templates print the data they were given (render-reply.test.ts checks the words it chooses).
    expect(outcome.record.reply!.raw.toString()).toContain('"tooComplex":true');
  });
});
