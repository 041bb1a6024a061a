// The embedded "mail server": each reply becomes `<message-id>.eml` in a folder (default ./data/outbox),
// written to a temporary name and renamed so a reader never sees half a file. Sending the same Message-ID
// again leaves the one file there, so a retry after a crash cannot produce a second reply (the transport is
// `idempotent`: a reply a crash left `sending` is simply written again).
import { randomBytes } from 'node:crypto';
import { access, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../../domain/app-error.ts';
import type { ReplyEnvelope, ReplyTransport } from '../../domain/ports/reply-transport.ts';
import { processAlive } from '../system/process-alive.ts';

export interface FileOutboxOptions {
  dir?: string;
}

/** `<ri.abc@shop.example>` → `ri.abc@shop.example`; anything outside a safe set becomes `_`. */
export function outboxFileName(messageId: string): string {
  const bare = messageId.trim().replace(/^<|>$/g, '');
  const safe = bare.replace(/[^A-Za-z0-9._@+=-]/g, '_').replace(/^\.+/, '_').slice(0, 200);
  if (!safe) throw new AppError('validation_failed', 'reply has no Message-ID');
  return `${safe}.eml`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** `.<file>.<pid>.<random>.tmp`: a reply being written by process `pid`. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/;

export interface FileOutbox extends ReplyTransport {
  readonly dir: string;
  /**
   * Removes temp files a killed writer left (a 0-byte `.…tmp` stayed forever): those of processes that no longer
   * run, and our own (at start-up we have nothing in flight). Another live worker's file is left to it.
   */
  removeStaleTempFiles(): Promise<string[]>;
}

export function createFileOutbox(options: FileOutboxOptions = {}): FileOutbox {
  const dir = resolve(options.dir ?? join('data', 'outbox'));

  async function send(raw: Buffer, _envelope: ReplyEnvelope, messageId: string): Promise<void> {
    const target = join(dir, outboxFileName(messageId));
    const temp = join(dir, `.${outboxFileName(messageId)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await mkdir(dir, { recursive: true });
      if (await exists(target)) return;
      const file = await open(temp, 'wx');
      try {
        await file.writeFile(raw);
        await file.sync();
      } finally {
        await file.close();
      }
      // rename replaces atomically; two racing sends of one Message-ID still leave one complete file.
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      if (error instanceof AppError) throw error;
      throw new AppError('transport_failed', `could not write ${target}`, { cause: error });
    }
  }

  async function removeStaleTempFiles(): Promise<string[]> {
    const names = await readdir(dir).catch(() => [] as string[]);
    const stale = names.filter((name) => {
      const match = TEMP_FILE.exec(name);
      if (!match) return false;
      const pid = Number(match[1]);
      return pid === process.pid || !processAlive(pid);
    });
    for (const name of stale) await rm(join(dir, name), { force: true });
    return stale;
  }

  return { dir, send, idempotent: true, removeStaleTempFiles };
}
