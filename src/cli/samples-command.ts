// `intake samples try [NAME]`: replay a sample application today. The sample orders are imported with their
// dates moved forward, and the sample e-mail (typed into the body, so its dates can move too) is dropped into the
// Maildir with the same shift, as if the customer had written it today. Nothing else is changed: what the
// service decides is what the sample's ground truth records (samples/emails/NAME.expected.json).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { z } from 'zod';
import { openStore } from '../adapters/db/open-store.ts';
import { readOrdersFile } from '../adapters/orders/read-orders-file.ts';
import { loadConfig, type Config } from '../config.ts';
import { AppError } from '../domain/app-error.ts';
import { isoDay } from '../domain/iso-day.ts';
import { daysFrom, shiftOrder, shiftTextDates } from './samples/shift-sample-dates.ts';

export const SAMPLES_DIR = path.resolve(import.meta.dirname, '../../samples');
/** Samples whose whole application is in the e-mail body, so every date in it can be moved. */
export const REPLAYABLE = ['14-body-utf8', '12-application-in-body', '15-body-second-customer'] as const;

const Expected = z.object({ expect: z.object({ asOf: z.string() }) });

export interface TryResult {
  file: string;
  shiftDays: number;
  orders: number;
}

export async function trySample(config: Config, name: string, now: Date): Promise<TryResult> {
  if (!(REPLAYABLE as readonly string[]).includes(name)) {
    throw new AppError('validation_failed', `intake samples try replays ${REPLAYABLE.join(', ')} (their applications are typed into the body)`);
  }
  if (config.imapUrl) throw new AppError('validation_failed', 'intake samples try drops mail into the Maildir; it is for the embedded set-up, not IMAP_URL');
  const expected = Expected.parse(JSON.parse(readFileSync(path.join(SAMPLES_DIR, 'emails', `${name}.expected.json`), 'utf8')));
  // The day the sample's ground truth was written, in the shop's calendar, becomes today.
  const shiftDays = daysFrom(isoDay(new Date(expected.expect.asOf), config.shopTimeZone), isoDay(now, config.shopTimeZone));

  const orders = readOrdersFile(path.join(SAMPLES_DIR, 'orders.json')).map((o) => shiftOrder(o, shiftDays));
  const store = await openStore(config.databaseUrl);
  try {
    await store.upsertOrders(orders);
  } finally {
    await store.close();
  }

  const original = await simpleParser(readFileSync(path.join(SAMPLES_DIR, 'emails', `${name}.eml`)));
  const raw = await new MailComposer({
    from: original.from?.text,
    to: config.mailFrom,
    subject: original.subject,
    // A fresh Message-ID in the customer's domain (one in ours would be taken for our own mail): trying twice
    // makes two applications, not a duplicate delivery.
    messageId: `<try-${randomUUID()}@${/@([^>]+)>?$/.exec(original.messageId ?? '')?.[1] ?? 'mail.example.ru'}>`,
    date: now,
    text: shiftTextDates(original.text ?? '', shiftDays),
  })
    .compile()
    .build();
  // Maildir delivery: written under tmp/, then renamed into new/, so a reader never sees half a message.
  for (const sub of ['tmp', 'new', 'cur']) mkdirSync(path.join(config.maildir, sub), { recursive: true });
  const base = `${now.getTime()}.try-${randomUUID()}.eml`;
  const file = path.join(config.maildir, 'new', base);
  writeFileSync(path.join(config.maildir, 'tmp', base), raw);
  renameSync(path.join(config.maildir, 'tmp', base), file);
  return { file, shiftDays, orders: orders.length };
}

export async function trySampleCommand(name: string = REPLAYABLE[0]): Promise<number> {
  const result = await trySample(loadConfig(), name, new Date());
  process.stderr.write(
    `${result.orders} sample orders imported with every date moved ${result.shiftDays} days forward, and the sample ` +
      `application ${name} (its dates moved alike) put into ${result.file}.\n` +
      'The worker picks it up within seconds: the reply appears in the outbox (npm start), or run `npx intake run --once`.\n',
  );
  return 0;
}
