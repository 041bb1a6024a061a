// The database's single entry point for the composition root: migrate, connect, and hand back the ports.
import type { DocumentFiles } from '../../domain/ports/document-files.ts';
import type { OrderRepository } from '../../domain/ports/order-repository.ts';
import type { ReturnUpdates } from '../../domain/ports/return-updates.ts';
import type { Store } from '../../domain/ports/store.ts';
import { applyMigrations } from './apply-migrations.ts';
import { parseDatabaseUrl, type Provider } from './database-target.ts';
import { guard } from './db-errors.ts';
import { createDocumentFiles } from './document-files.ts';
import { createOrderRepository } from './order-repository.ts';
import { createPrismaClient } from './prisma-client.ts';
import { createPrismaStore } from './prisma-store.ts';
import { createReturnUpdatesStore } from './return-updates-store.ts';

export const DEFAULT_DATABASE_URL = 'file:./data/intake.db';

export interface DbStore extends Store, OrderRepository, DocumentFiles, ReturnUpdates {
  readonly provider: Provider;
  /** Migrations this call applied (empty when the database was already up to date). */
  readonly appliedMigrations: string[];
}

/**
 * Opens the database named by `databaseUrl` (`file:…` for SQLite, relative to the working directory, or
 * `postgres(ql)://…`): creates the SQLite file's folder, applies pending migrations under a lock (safe when several
 * processes start at once), and returns the Store, the order repository and document bytes. Throws AppError('config_invalid') for a bad
 * URL and AppError('database_unavailable') when the database cannot be reached or migrated.
 */
export async function openStore(databaseUrl: string = DEFAULT_DATABASE_URL): Promise<DbStore> {
  const target = parseDatabaseUrl(databaseUrl);
  const appliedMigrations = await applyMigrations(target);
  const db = createPrismaClient(target);
  await guard('connect', () => db.$connect());
  if (target.provider === 'sqlite') {
    // WAL lets the review UI read while the worker writes; it is a property of the file, so set once here.
    await guard('enable WAL', () => db.$queryRawUnsafe('PRAGMA journal_mode = WAL'));
  }
  return {
    provider: target.provider,
    appliedMigrations,
    ...createPrismaStore(db),
    ...createOrderRepository(db),
    ...createDocumentFiles(db),
    ...createReturnUpdatesStore(db),
  };
}
