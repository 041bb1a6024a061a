// Issue 13, "Words": an unreadable attachment was answered as if nothing was attached, and the subject named a return
// number the body never mentioned. pipeline-e2e.test.ts covers a corrupt PDF and a .docx named .jpg; this covers what
// the reading process itself fails on: a photo on which OCR finds no text, and a PDF bomb the reader stops. Each goes
// through the worker on a Maildir with the real (isolated) document reader, and the reply is read from the outbox.
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../src/config.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';
import { compressedZerosPdf } from '../../chaos/hostile-files.ts';
import { TEST_POLICY_FILE } from '../../support/test-policy.ts';

let dir: string;
let config: Config;
let runtime: Runtime;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-unreadable-'));
  config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', POLICY_FILE: TEST_POLICY_FILE });
  runtime = await createRuntime(config, { lazyOcr: true });
}, 60_000);

afterAll(async () => {
  await runtime?.close();
  await rm(dir, { recursive: true, force: true });
});

/** One e-mail with one attachment through a worker pass; its return and the one reply it got. */
async function answer(from: string, subject: string, text: string, attachment: { filename: string; content: Buffer }): Promise<{ reply: ParsedMail; returnNumber: string; template: string }> {
  const raw = await new MailComposer({ from, to: 'info@returns-intake.local', subject, text, attachments: [attachment] }).compile().build();
  const file = path.join(config.maildir, 'new', `${Date.now()}.${from}.eml`);
  await writeFile(file, raw);
  const now = new Date();
  await utimes(file, now, now);
  const before = new Set(await readdir(config.outboxDir).catch(() => []));
  const summary = await drainOnce({ ...runtime.deps, now: () => now });
  const { returnNumber } = summary.handled[0] as { returnNumber: string };
  const written = (await readdir(config.outboxDir)).filter((f) => !before.has(f));
  expect(written).toHaveLength(1);
  const reply = await simpleParser(await readFile(path.join(config.outboxDir, written[0]!)));
  const detail = (await runtime.store.getReturn(returnNumber))!;
  expect(detail.state).toBe('awaiting_application');
  return { reply, returnNumber, template: detail.outbound[0]!.template };
}

describe('what could not be read is said, end to end', () => {
  it('an OCR failure: a photo with no text on it gets the photo_unreadable reply naming the photo, why, and the request number of its subject', async () => {
    const blank = await sharp({ create: { width: 1200, height: 1600, channels: 3, background: { r: 250, g: 250, b: 248 } } }).jpeg().toBuffer();
    const { reply, returnNumber, template } = await answer('olga.petrova@mail.ru', 'Заявление на возврат', 'Здравствуйте! Фото заявления во вложении.', { filename: 'фото заявления.jpg', content: blank });
    expect(template).toBe('photo_unreadable');
    expect(reply.subject).toContain(returnNumber);
    expect(reply.text).toContain('Что не удалось прочитать:\n- «фото заявления.jpg»: на нём не удалось различить текст.');
    expect(reply.text).toContain(`Номер вашего обращения: ${returnNumber}.`);
    expect(reply.html).toContain('«фото заявления.jpg»');
  }, 120_000);

  it('a document the reader stops (a PDF that inflates past the limit) is named with why, in the customer\'s language', async () => {
    const { reply, returnNumber, template } = await answer('tom.baker@example.org', 'Return application', 'Hello, my return application is attached.', { filename: 'application.pdf', content: await compressedZerosPdf() });
    expect(template).toBe('application_missing');
    expect(reply.text).toContain('We could not read what you attached:\n- "application.pdf": the file is too complex for us to open.');
    expect(reply.text).toContain(`Your request number is ${returnNumber}.`);
    expect(reply.subject).toContain(returnNumber);
  }, 120_000);
});
