// Serialises start-up migrations between processes. The schema engine itself does not lock under wasm, and two
// processes applying the same migration would both run its CREATE TABLEs and leave a failed row behind.
import { open, rm, stat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

/** A migration that runs longer than this is assumed dead (crashed process) and its lock file is taken over. */
const STALE_LOCK_MS = 5 * 60_000;
const POLL_MS = 50;
/** Arbitrary constant shared by every process of this app; differs from the key `prisma migrate` itself uses. */
const PG_ADVISORY_KEY = 0x52_49_4e_54; // "RINT"

export type Release = () => Promise<void>;

/** Exclusive-create of `<database file>.migrate.lock`; works across processes on one machine, as SQLite itself does. */
export async function lockSqliteFile(databaseFile: string, timeoutMs = 60_000): Promise<Release> {
  const lockPath = `${databaseFile}.migrate.lock`;
  await mkdir(path.dirname(lockPath), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lockPath).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > STALE_LOCK_MS) await rm(lockPath, { force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for the migration lock ${lockPath}`);
      else await sleep(POLL_MS);
    }
  }
}

/** A session advisory lock held on its own connection for the duration of the migration. */
export async function lockPostgres(connectionString: string): Promise<Release> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PG_ADVISORY_KEY]);
  } catch (error) {
    await client.end();
    throw error;
  }
  return async () => {
    try {
      await client.query('SELECT pg_advisory_unlock($1)', [PG_ADVISORY_KEY]);
    } finally {
      await client.end();
    }
  };
}
