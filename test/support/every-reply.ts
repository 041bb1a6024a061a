// What the end-to-end reply tests share (issue 13, "how it is measured"): the templates the service can send, as the
// templates folder holds them; each reply the service recorded, matched to the .eml the outbox received; and the one
// check every reply must pass, whoever it went to.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { simpleParser, type ParsedMail } from 'mailparser';
import { expect } from 'vitest';
import type { Config } from '../../src/config.ts';

const TEMPLATES_DIR = path.resolve(import.meta.dirname, '../../templates/replies');

/** Every template the service can send: each folder of templates/replies but the partials. */
export async function replyTemplates(): Promise<string[]> {
  const entries = await readdir(TEMPLATES_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
}

/**
 * The templates each end-to-end file makes the service send, in both languages. Each file proves its own list
 * exactly; together they must be every template (every-reply-desk-e2e.test.ts checks that).
 */
export const SENT_BY_DECISIONS_AND_SCHEDULER = ['application_missing', 'approved', 'approved_address_pending', 'cancelled', 'expired', 'rejected', 'ship_by_extended', 'shipping_instructions', 'shipping_reminder'];
export const SENT_BY_THE_DESK_AND_FOLLOW_UPS = [
  'agent_reply',
  'approved',
  'desk_alert',
  'desk_digest',
  'exchange_approved',
  'exchange_sent',
  'message_too_large',
  'needs_review',
  'parcel_received',
  'photo_unreadable',
  'refund_issued',
  'returned_to_customer',
  'shipment_received',
];

export interface SentReply {
  template: string;
  language: string;
  to: string;
  mail: ParsedMail;
}

/**
 * Every reply the database recorded (to customers, to unassigned mail, to the desk), each with the e-mail the outbox
 * received under its Message-ID: what the recipient reads, not what a template rendered in memory.
 */
export async function sentReplies(config: Config): Promise<SentReply[]> {
  const db = createClient({ url: config.databaseUrl });
  let rows: Array<{ messageId: string; template: string; language: string; to: string }>;
  try {
    const result = await db.execute('SELECT messageId, template, language, "to" FROM OutboundMessage ORDER BY createdAt');
    rows = result.rows.map((r) => ({ messageId: String(r.messageId), template: String(r.template), language: String(r.language), to: String(r.to) }));
  } finally {
    db.close();
  }
  const files = (await readdir(config.outboxDir).catch(() => [])).filter((f) => f.endsWith('.eml'));
  const mails = await Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(config.outboxDir, f)))));
  return rows.map((row) => {
    const mail = mails.find((m) => m.messageId === row.messageId);
    expect(mail, `${row.template} to ${row.to} reached the outbox`).toBeDefined();
    return { ...row, mail: mail! };
  });
}

/**
 * No placeholder address, no ISO date inside a sentence, no unfilled value, nothing empty, and one full stop where
 * a sentence ends on a Russian date ("16 марта 2025 г.", not "г.."); in the language asked for, an English reply with
 * no Russian word (the stories' English customers have English names and goods).
 */
export function expectReadyToRead(template: string, language: string, mail: ParsedMail): void {
  const html = typeof mail.html === 'string' ? mail.html : '';
  expect(html, template).toContain(`<html lang="${language}">`);
  const read = html.replace(/<[^>]+>/g, '');
  for (const part of [mail.subject ?? '', mail.text ?? '', html]) {
    expect(part, template).not.toMatch(/EXAMPLE/);
    expect(part, template).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(part, template).not.toMatch(/undefined|\bnull\b|NaN|\[object Object\]|\{\{|\}\}/);
    expect(part.trim(), template).not.toBe('');
  }
  for (const part of [mail.subject ?? '', mail.text ?? '', read]) expect(part, template).not.toMatch(/[^.]\.\.(?!\.)/);
  if (language === 'en') expect(`${mail.subject ?? ''}\n${mail.text ?? ''}`, template).not.toMatch(/[а-яё]/i);
}
