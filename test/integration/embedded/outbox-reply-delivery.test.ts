// A reply goes the whole way: rendered from the real templates, composed to bytes, delivered through the file
// outbox and through nodemailer to a real SMTP server on 127.0.0.1, and read back as a customer's client would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMessage } from '../../../src/adapters/mime/compose-message.ts';
import { createMimeParser } from '../../../src/adapters/mime/create-mime-parser.ts';
import { createFileOutbox } from '../../../src/adapters/outbox/create-file-outbox.ts';
import { createSmtpTransport } from '../../../src/adapters/smtp/create-smtp-transport.ts';
import { loadReplyTemplates } from '../../../src/adapters/templates/load-reply-templates.ts';
import { AppError } from '../../../src/domain/app-error.ts';
import type { RenderedReply } from '../../../src/domain/reply.ts';
import { classifySender } from '../../../src/pipeline/reply/classify-sender.ts';
import { detectLanguage } from '../../../src/pipeline/reply/detect-language.ts';
import { renderReply } from '../../../src/pipeline/reply/render-reply.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/mail/${name}`, import.meta.url));
const templates = loadReplyTemplates(fileURLToPath(new URL('../../../templates/replies', import.meta.url)));
const parser = createMimeParser();

interface Received {
  from: string;
  to: string[];
  user?: string;
  raw: Buffer;
}

/** Renders the answer to the Cyrillic fixture the way the reply stage will. */
async function replyToFixture(): Promise<{ reply: RenderedReply; raw: Buffer }> {
  const incoming = await parser.parse(fixture('cyrillic-rfc2231-filename.eml'));
  expect(classifySender(incoming, 'shop.example')).toEqual({ reply: true });
  const reply = renderReply(templates, {
    template: 'approved',
    language: detectLanguage(incoming.text),
    to: incoming.replyTo?.address ?? incoming.from!.address,
    from: 'Служба возвратов <info@shop.example>',
    inReplyTo: incoming.messageId,
    references: incoming.references,
    originalSubject: incoming.subject,
    returnNumber: 'R-7K3M-9QX4',
    data: {
      shopName: 'Магазин',
      customerName: incoming.from?.name ?? null,
      variant: 'international',
      returnAddress: '7 Magistralnaya Str. (Lvovsky microdistr.), P/O box 4\n140961 Podolsk, Moscow region, Russia',
      recipient: 'Internet Solutions LLC',
      shipWithinDays: 4,
      refundWithinDays: 13,
      shippingPaidBy: 'customer',
      noteInParcel: true,
      numberOnShippingForm: true,
      askTrackingNumber: true,
      askReceiptPhoto: true,
      shippingRefundNeedsReceipt: true,
      usedGoodsSentBack: true,
    },
  });
  return { reply, raw: await composeMessage(reply) };
}

async function expectThreadedReply(raw: Buffer, reply: RenderedReply): Promise<void> {
  const got = await parser.parse(raw);
  expect(got.messageId).toBe(reply.messageId);
  expect(got.messageId).toMatch(/^<ri\.[0-9a-f]+@shop\.example>$/);
  expect(got.inReplyTo).toBe('<cyr2231.0001@example.ru>');
  // Their References plus their Message-ID, in order, once each.
  expect(got.references).toEqual(['<orig.1@example.ru>', '<ri.abc123@shop.example>', '<cyr2231.0001@example.ru>']);
  expect(got.subject).toBe('Re: Заявление на возврат [R-7K3M-9QX4]');
  expect(got.headers['auto-submitted']).toBe('auto-replied');
  expect(got.headers['x-auto-response-suppress']).toBe('All');
  expect(got.to).toEqual([{ address: 'ivan.petrov@example.ru' }]);
  expect(got.text).toContain('Здравствуйте, Иван Петров!');
  expect(got.text).toContain('140961 Podolsk');
  expect(got.text).toContain('Получатель: Internet Solutions LLC');
}

describe('file outbox', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ri-outbox-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes <message-id>.eml that parses back as a threaded reply', async () => {
    const { reply, raw } = await replyToFixture();
    const outbox = createFileOutbox({ dir: join(dir, 'outbox') });
    await outbox.send(raw, { from: 'info@shop.example', to: reply.to }, reply.messageId);
    const files = readdirSync(join(dir, 'outbox'));
    expect(files).toEqual([`${reply.messageId.slice(1, -1)}.eml`]);
    const written = readFileSync(join(dir, 'outbox', files[0]!));
    expect(written.equals(raw)).toBe(true);
    await expectThreadedReply(written, reply);
  });

  it('is idempotent: the same Message-ID twice, even at once, leaves one complete file and no temp files', async () => {
    const { reply, raw } = await replyToFixture();
    const outbox = createFileOutbox({ dir: join(dir, 'idem') });
    const envelope = { from: 'info@shop.example', to: reply.to };
    await Promise.all([outbox.send(raw, envelope, reply.messageId), outbox.send(raw, envelope, reply.messageId)]);
    await outbox.send(raw, envelope, reply.messageId);
    const files = readdirSync(join(dir, 'idem'));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(dir, 'idem', files[0]!)).equals(raw)).toBe(true);
  });

  it('regression: a temp file a killed writer left (0 bytes, forever) is removed at start-up; a live writer’s is kept', async () => {
    const folder = join(dir, 'stale');
    mkdirSync(folder, { recursive: true });
    // A process that has ended: its pid is free (reuse within the test is not a concern on a 4-million pid space).
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const names = [`.ri.a@shop.example.eml.${dead}.0badc0de.tmp`, `.ri.b@shop.example.eml.${process.pid}.12345678.tmp`, `.ri.c@shop.example.eml.${process.ppid}.abcdef01.tmp`];
    for (const name of names) writeFileSync(join(folder, name), '');
    writeFileSync(join(folder, 'ri.d@shop.example.eml'), 'a reply');
    const outbox = createFileOutbox({ dir: folder });
    expect((await outbox.removeStaleTempFiles()).sort()).toEqual(names.slice(0, 2).sort());
    expect(readdirSync(folder).sort()).toEqual([names[2]!, 'ri.d@shop.example.eml'].sort());
  });

  it('sanitises a hostile Message-ID into a file name inside the folder', async () => {
    const outbox = createFileOutbox({ dir: join(dir, 'hostile') });
    await outbox.send(Buffer.from('x'), { from: 'a@b', to: 'c@d' }, '<../../evil/..\\name@x>');
    const files = readdirSync(join(dir, 'hostile'));
    expect(files).toHaveLength(1);
    expect(files[0]).not.toMatch(/[\\/]/);
    expect(files[0]!.endsWith('.eml')).toBe(true);
  });

  it('reports a folder it cannot write as transport_failed', async () => {
    const notADir = join(dir, 'plain-file');
    writeFileSync(notADir, 'x');
    const outbox = createFileOutbox({ dir: join(notADir, 'outbox') });
    await expect(outbox.send(Buffer.from('x'), { from: 'a@b', to: 'c@d' }, '<a@b>')).rejects.toMatchObject({ code: 'transport_failed' });
  });
});

describe('SMTP transport against a real SMTP server', () => {
  let server: SMTPServer;
  let port: number;
  const received: Received[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      secure: false,
      // A sink on loopback: no TLS, so nodemailer must not try STARTTLS against a self-signed certificate.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'returns' && auth.password === 's3cret') callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            raw: Buffer.concat(chunks),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the composed bytes as they are, authenticated, with the given envelope', async () => {
    const { reply, raw } = await replyToFixture();
    const transport = createSmtpTransport({ url: `smtp://returns:s3cret@127.0.0.1:${port}` });
    try {
      await transport.send(raw, { from: 'bounces@shop.example', to: reply.to }, reply.messageId);
    } finally {
      transport.close();
    }
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from).toBe('bounces@shop.example');
    expect(mail!.to).toEqual(['ivan.petrov@example.ru']);
    expect(mail!.user).toBe('returns');
    await expectThreadedReply(mail!.raw, reply);
    // Byte for byte what was stored (the server may only normalise the final line ending).
    expect(mail!.raw.toString('utf8').trimEnd()).toBe(raw.toString('utf8').trimEnd());
  });

  it('turns a rejected login into AppError transport_failed', async () => {
    const transport = createSmtpTransport({ url: `smtp://returns:wrong@127.0.0.1:${port}` });
    try {
      const error = await transport.send(Buffer.from('Subject: x\r\n\r\nx\r\n'), { from: 'a@shop.example', to: 'b@example.ru' }, '<ri.x@shop.example>').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('transport_failed');
      expect((error as AppError).message).not.toContain('wrong');
    } finally {
      transport.close();
    }
  });

  it('turns an unreachable server into AppError transport_failed', async () => {
    const closed = new SMTPServer({ disabledCommands: ['STARTTLS'], authOptional: true, logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const deadPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${deadPort}`, timeoutSeconds: 5 });
    try {
      await expect(transport.send(Buffer.from('x'), { from: 'a@b.c', to: 'd@e.f' }, '<ri.y@shop.example>')).rejects.toMatchObject({ code: 'transport_failed' });
    } finally {
      transport.close();
    }
  });

  it('refuses a URL that is not smtp:// or smtps://', () => {
    expect(() => createSmtpTransport({ url: 'http://127.0.0.1:25' })).toThrow(AppError);
  });
});
