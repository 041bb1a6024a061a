// The default mailbox: a Maildir (new/, cur/, tmp/). Delivered mail sits in new/; once its outcome is
// committed we move it to cur/ with the Seen flag (`:2,S`), as every Maildir reader does. Mail a person must
// read (not an application, or parked after failing too often) is moved Flagged and unseen (`:2,F`) instead,
// so in any mail client it stands out from processed mail rather than vanishing among it.
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Mailbox, MailboxDisposition, MailboxEntry } from '../../domain/ports/mailbox.ts';

const SEEN_SUFFIX = ':2,S';
const ATTENTION_SUFFIX = ':2,F';

/** The info suffix a message gets in cur/ for each outcome. */
export function maildirSuffix(disposition: MailboxDisposition = 'processed'): string {
  return disposition === 'needs_attention' || disposition === 'parked' ? ATTENTION_SUFFIX : SEEN_SUFFIX;
}

export async function openMaildir(root: string): Promise<Mailbox> {
  const dir = path.resolve(root);
  await Promise.all(['new', 'cur', 'tmp'].map((sub) => mkdir(path.join(dir, sub), { recursive: true })));

  return {
    id: `maildir:${dir}`,

    async listUnprocessed(limit: number): Promise<MailboxEntry[]> {
      const names = (await readdir(path.join(dir, 'new'))).filter((name) => !name.startsWith('.'));
      const withTimes = await Promise.all(
        names.map(async (name) => {
          const info = await stat(path.join(dir, 'new', name)).catch(() => null);
          return info?.isFile() ? { name, mtime: info.mtimeMs } : null;
        }),
      );
      return withTimes
        .filter((entry) => entry !== null)
        .sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name))
        .slice(0, limit)
        .map((entry) => ({ key: entry.name, arrivedAt: new Date(entry.mtime) }));
    },

    async read(key: string): Promise<Buffer> {
      return readFile(path.join(dir, 'new', safeName(key)));
    },

    async markProcessed(key: string, disposition?: MailboxDisposition): Promise<void> {
      const name = safeName(key);
      try {
        await rename(path.join(dir, 'new', name), path.join(dir, 'cur', `${name.split(':')[0]}${maildirSuffix(disposition)}`));
      } catch (error) {
        // Already moved (a retry after a crash between commit and move): nothing left to do.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
  };
}

/** Keys come from our own listing, but never let one escape the Maildir. */
function safeName(key: string): string {
  if (key.includes('/') || key.includes('\\') || key === '..' || key === '.') {
    throw new Error(`Invalid Maildir key: ${JSON.stringify(key)}`);
  }
  return key;
}
