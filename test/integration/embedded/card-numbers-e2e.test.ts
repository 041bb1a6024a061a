// Regression test for "full card numbers are stored, and one is sent back in the reply's Subject": mail full of
// card numbers (Subject, From, plain and HTML parts, a text attachment, a PDF text layer, a question that is no
// application) goes through a real Maildir, SQLite file and file outbox; then every byte of the database files
// and of the outbox, and every stored or sent message decoded, is searched for any of the full numbers.
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../src/config.ts';
import type { Order } from '../../../src/domain/order.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { drainOnce, type DrainSummary } from '../../../src/pipeline/work/drain-once.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples');
/** Luhn-valid test numbers, one per place a number can hide. */
const CARDS = {
  subject: '5500 0000 0000 0004',
  from: '6011 0009 9013 9424',
  body: '4111 1111 1111 1111',
  html: '2200 0000 0000 0004',
  attachment: '5555 5555 5555 4444',
  pdf: '3782 822463 10005',
  question: '4012 8888 8888 1881',
  filename: '6011 1111 1111 1117',
};
const DIGITS = Object.values(CARDS).map((c) => c.replace(/\D/g, ''));

/** Every full number in `text`, whatever separators it was written with, encoded ones included (%20, =20, `_` in Q words). */
function fullNumbers(text: string): string[] {
  const joined = text.replace(/(?<=\d)(?:[ \-_\u00a0]|%20|=20)+(?=\d)/g, '');
  return DIGITS.filter((d) => joined.includes(d));
}

let dir: string;
let config: Config;
let runtime: Runtime;
const summaries: DrainSummary[] = [];

async function pdfWith(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
}

async function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

/** Each stored inbound message, put together from its parts (BytesPart), in the order of their ids. */
async function inboundRaws(db: Client, where = ''): Promise<Buffer[]> {
  const { rows } = await db.execute(`SELECT p.ownerId, p.data FROM BytesPart p JOIN InboundMessage m ON m.id = p.ownerId ${where} ORDER BY p.ownerId, p.seq`);
  const parts = new Map<string, Buffer[]>();
  for (const row of rows) parts.set(String(row.ownerId), [...(parts.get(String(row.ownerId)) ?? []), Buffer.from(row.data as ArrayBuffer)]);
  return [...parts.values()].map((list) => Buffer.concat(list));
}

async function deliver(raw: Buffer, name: string, at: Date): Promise<void> {
  const target = path.join(config.maildir, 'new', name);
  await writeFile(target, raw);
  await utimes(target, at, at);
  summaries.push(await drainOnce({ ...runtime.deps, now: () => at }));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-cards-'));
  config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  runtime = await createRuntime(config, { lazyOcr: true });
  await runtime.store.upsertOrders(JSON.parse(await readFile(path.join(SAMPLES, 'orders.json'), 'utf8')) as Order[]);

  const sample = await simpleParser(await readFile(path.join(SAMPLES, 'emails/14-body-utf8.eml')));
  const at = new Date('2025-03-09T09:30:00Z');
  await deliver(
    await compose({
      from: { name: `Дарья ${CARDS.from}`, address: 'd.semenova@rambler.ru' },
      to: 'info@returns-intake.local',
      subject: `Возврат, карта ${CARDS.subject.replace(/ /g, '-')}`,
      messageId: '<cards-1@mail.example.ru>',
      date: at,
      text: `${sample.text}\nНомер карты / Card number: ${CARDS.body}\n`,
      html: `<p>Карта: <b>${CARDS.html}</b></p>`,
      attachments: [
        { filename: 'note.txt', content: `card ${CARDS.attachment}\n`, contentType: 'text/plain; charset=utf-8' },
        { filename: `квитанция ${CARDS.filename}.txt`, content: 'paid\n', contentType: 'text/plain; charset=utf-8' },
        { filename: 'card.pdf', content: await pdfWith(`Card number: ${CARDS.pdf}`), contentType: 'application/pdf' },
      ],
    }),
    'cards-1.eml',
    at,
  );
  const later = new Date(at.getTime() + 60_000);
  await deliver(
    await compose({
      from: 'worried@example.org',
      to: 'info@returns-intake.local',
      subject: `Card ${CARDS.question.replace(/ /g, '')} charged twice?`,
      messageId: '<cards-2@example.org>',
      date: later,
      text: `Hello, my card ${CARDS.question} was charged twice for one order. Why?`,
    }),
    'cards-2.eml',
    later,
  );
}, 120_000);

afterAll(async () => {
  await runtime?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('card numbers are masked at the door (embedded defaults)', () => {
  it('processes both messages', () => {
    const handled = summaries.flatMap((s) => s.handled);
    expect(handled.map((h) => h.status)).toEqual(['done', 'done']);
    expect(summaries[0]!.replies.sent).toBeGreaterThanOrEqual(1);
  });

  it('answers with the subject masked, not dropped: "Re: … **** 0004 [R-…]"', async () => {
    const files = (await readdir(config.outboxDir)).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    const reply = await simpleParser(await readFile(path.join(config.outboxDir, files[0]!)));
    expect(reply.subject).toMatch(/^Re: Возврат, карта \*\*\*\* 0004 \[R-/);
  });

  it('keeps the masked text of the PDF, so the agent still sees the last four', async () => {
    const handled = summaries[0]!.handled[0] as { returnNumber?: string };
    const detail = await runtime.store.getReturn(handled.returnNumber!);
    const pdf = detail!.documents.find((d) => d.name === 'card.pdf');
    const text = pdf!.pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n');
    expect(text).toContain('**** 0005');
  });

  it('leaves no full number in any byte of the database files or the outbox', async () => {
    const files = (await readdir(dir)).filter((f) => f.startsWith('intake.db')).map((f) => path.join(dir, f));
    files.push(...(await readdir(config.outboxDir)).map((f) => path.join(config.outboxDir, f)));
    expect(files.some((f) => f.endsWith('intake.db'))).toBe(true);
    for (const file of files) expect(fullNumbers((await readFile(file)).toString('latin1')), file).toEqual([]);
  });

  it('leaves no full number in any stored or sent message once decoded (base64, quoted-printable, encoded words)', async () => {
    const db = createClient({ url: config.databaseUrl });
    try {
      const raws = [...(await inboundRaws(db)), ...(await db.execute('SELECT raw FROM OutboundMessage')).rows.map((row) => Buffer.from(row.raw as ArrayBuffer))];
      expect(raws.length).toBeGreaterThanOrEqual(3);
      for (const raw of raws) {
        const mail = await simpleParser(raw);
        const decoded = [
          mail.subject,
          mail.from?.text,
          mail.text,
          mail.html || '',
          ...mail.attachments.map((a) => a.filename ?? ''),
          ...mail.attachments.filter((a) => a.contentType.startsWith('text/')).map((a) => a.content.toString()),
        ].join('\n');
        expect(fullNumbers(decoded), mail.messageId).toEqual([]);
      }
      // The masks are there: the numbers were found and cut to their last four, not the text dropped.
      const inbound = await simpleParser((await inboundRaws(db, "WHERE m.messageId = '<cards-1@mail.example.ru>'"))[0]!);
      expect(inbound.subject).toBe('Возврат, карта **** 0004');
      expect(inbound.from?.value[0]).toMatchObject({ name: 'Дарья **** 9424', address: 'd.semenova@rambler.ru' });
      expect(inbound.text).toContain('Card number: **** 1111');
      expect(inbound.html).toContain('**** 0004');
      expect(inbound.attachments.find((a) => a.filename === 'note.txt')!.content.toString()).toBe('card **** 4444\n');
      // An RFC 2231-encoded file name (percent-encoded UTF-8, spaces as %20) is decoded, masked and encoded again.
      expect(inbound.attachments.map((a) => a.filename)).toContain('квитанция **** 1117.txt');
    } finally {
      db.close();
    }
  });
});
