// "Every inbound message is stored before it is processed", through a crash: the storing process is SIGKILLed
// between the steps of storing a message (after some of its raw parts, or right after its row), and the next
// start must find the message either stored whole or not at all and still waiting in the mailbox, never half.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../../src/adapters/db/database-target.ts';
import { openStore } from '../../../src/adapters/db/open-store.ts';
import { createPrismaClient } from '../../../src/adapters/db/prisma-client.ts';
import { dropOrphanParts, BYTES_PART_BYTES } from '../../../src/adapters/db/bytes-parts.ts';
import { openMaildir } from '../../../src/adapters/maildir/maildir-mailbox.ts';
import { readMessageId } from '../../../src/adapters/mime/read-message-id.ts';
import { scrubRawMessage } from '../../../src/adapters/mime/scrub-raw-message.ts';
import { ingestMailbox } from '../../../src/pipeline/ingest/ingest-mailbox.ts';

const CHILD = path.join(import.meta.dirname, 'crash-while-storing-child.ts');

/** A message of several raw parts: a base64 attachment of random bytes (no card numbers, so stored as it is). */
function largeMessage(): Buffer {
  const body = randomBytes(5 * BYTES_PART_BYTES).toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    [
      'From: Anna <anna@example.com>',
      'To: info@returns-intake.local',
      'Subject: Return application',
      `Message-ID: <crash-${Date.now()}@example.com>`,
      'MIME-Version: 1.0',
      'Content-Type: application/octet-stream; name="scan.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      body,
    ].join('\r\n'),
  );
}

function runChild(url: string, maildir: string, killAt: string): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, maildir, killAt], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ?? code));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-store-crash-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a crash while a message is being stored loses nothing', () => {
  for (const [killAt, rowsAfterKill] of [['part:3', 0], ['row', 1]] as const) {
    it(`killed ${killAt === 'row' ? 'right after its row' : 'after 3 of its raw parts'}: the next start stores it exactly once, whole`, async () => {
      const root = path.join(dir, killAt.replace(':', '-'));
      const maildir = path.join(root, 'Maildir');
      await mkdir(path.join(maildir, 'new'), { recursive: true });
      const raw = largeMessage();
      expect(raw.length).toBeGreaterThan(5 * BYTES_PART_BYTES);
      await writeFile(path.join(maildir, 'new', 'message.eml'), raw);
      const url = `file:${path.join(root, 'intake.db')}`;

      expect(await runChild(url, maildir, killAt)).toBe('SIGKILL');

      const store = await openStore(url);
      const db = createPrismaClient(parseDatabaseUrl(url));
      try {
        expect(await db.inboundMessage.count()).toBe(rowsAfterKill);
        // The kill came after the third part: those parts are on disk, named by no row.
        if (rowsAfterKill === 0) expect(await db.bytesPart.count()).toBe(3);

        // The message was never marked in the mailbox, so the next round reads it again.
        const mailbox = await openMaildir(maildir);
        const round = await ingestMailbox({ mailbox, store, readMessageId, scrubRaw: scrubRawMessage, now: () => new Date() }, 10);
        expect(round.stored.length + round.duplicates.length).toBe(1);
        expect(round.stored).toHaveLength(rowsAfterKill === 0 ? 1 : 0);
        expect(await db.inboundMessage.count()).toBe(1);

        // An hour on, start-up drops the parts the crash left; the stored message is whole either way.
        await dropOrphanParts(db, new Date(Date.now() + 1_000));
        expect(await db.bytesPart.count()).toBe(Math.ceil(raw.length / BYTES_PART_BYTES));
        const [{ id }] = (await db.inboundMessage.findMany({ select: { id: true } })) as [{ id: string }];
        const claimed = await store.claimInbound(id);
        expect(claimed!.raw.equals(raw)).toBe(true);
      } finally {
        await db.$disconnect();
        await store.close();
      }
    }, 60_000);
  }
});
