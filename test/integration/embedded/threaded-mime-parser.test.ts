// The MIME decoding thread, for real: the same message as the in-process parser, Buffers and Dates intact; a
// message over its heap cap or its time limit is answered from its headers (too_complex), the worker never
// crashes, and the next message gets a fresh thread.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMimeParser } from '../../../src/adapters/mime/create-mime-parser.ts';
import { createThreadedMimeParser, type MimeBreach, type ThreadedMimeParser } from '../../../src/adapters/mime/threaded-mime-parser.ts';
import type { InboundRecord } from '../../../src/domain/ports/store.ts';
import { decideMessage, readMessage, type ProcessDeps } from '../../../src/pipeline/process/process-message.ts';
import { replyDeps } from '../../unit/pipeline/fakes.ts';
import { junkPdf, mailWith } from '../../chaos/hostile-files.ts';

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

let parser: ThreadedMimeParser | undefined;
afterEach(async () => {
  await parser?.close();
  parser = undefined;
});

describe('createThreadedMimeParser', () => {
  it('decodes a message in its thread exactly as the in-process parser does', async () => {
    parser = createThreadedMimeParser();
    const raw = fixture('cyrillic-rfc2231-filename.eml');
    const threaded = await parser.parse(raw);
    const local = await createMimeParser().parse(raw);
    expect(threaded).toEqual(local);
    expect(Buffer.isBuffer(threaded.attachments[0]!.content)).toBe(true);
    expect(threaded.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(threaded.date).toBeInstanceOf(Date);
    // The caller's raw message is copied to the thread, not taken from it.
    expect(raw.length).toBeGreaterThan(0);
  });

  it('answers a message over the heap cap from its headers, and decodes the next one in a fresh thread', async () => {
    const breaches: MimeBreach[] = [];
    // The chaos run's 24 MB message needs more than 32 MB of heap to decode; a thread starts in 24 MB, not in 16.
    parser = createThreadedMimeParser({ heapMb: 24, onBreach: (breach) => breaches.push(breach) });
    const raw = await mailWith({ messageId: '<big.2@attacker.example>', from: 'Mallory <mallory@attacker.example>', subject: 'Возврат' }, [
      { filename: 'application.pdf', content: junkPdf(), contentType: 'application/pdf' },
    ]);
    const mail = await parser.parse(raw);
    expect(breaches.map((b) => b.kind)).toEqual(['memory']);
    expect(mail.tooComplex).toMatch(/^memory: heap over 24 MB/);
    expect(mail.subject).toBe('Возврат');
    expect(mail.from?.address).toBe('mallory@attacker.example');
    expect(mail.attachments).toEqual([]);
    expect((await parser.parse(fixture('cyrillic-rfc2231-filename.eml'))).attachments).toHaveLength(2);
  });

  it('stops a decode that runs past its time limit, and the message gets a too_complex reply asking for the form again', async () => {
    const breaches: MimeBreach[] = [];
    parser = createThreadedMimeParser({ timeoutSeconds: 0.01, onBreach: (breach) => breaches.push(breach) });
    // The limit counts from the thread's start-up being done, so a slow start is not a breach.
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
  });
});
