// Applies the committed migrations (prisma/migrations or prisma/postgres/migrations) at start-up, offline, into
// the standard `_prisma_migrations` table, so `prisma migrate deploy` on a connected machine sees the same history.
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { AppError } from '../../domain/app-error.ts';
import type { DatabaseTarget } from './database-target.ts';
import { lockPostgres, lockSqliteFile } from './migration-lock.ts';
import { readMigrationsList } from './migrations-list.ts';
import { NO_FILTER, openSchemaEngine } from './schema-engine.ts';
import { SqliteAdapterFactory } from './sqlite-adapter.ts';

interface MigrationAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export function migrationAdapter(target: DatabaseTarget): MigrationAdapter {
  if (target.provider === 'sqlite') return { factory: new SqliteAdapterFactory(target.url), close: async () => {} };
  // One connection only: the engine takes pg_advisory_lock and later unlocks with separate queries, and over a
  // pool the unlock can land on another connection, leaving the lock held until the idle one is closed (~10 s).
  const pool = new pg.Pool({ connectionString: target.url, max: 1 });
  return { factory: new PrismaPg(pool), close: () => pool.end() };
}

/** Returns the names of the migrations it applied; none when the database was up to date. */
export async function applyMigrations(target: DatabaseTarget): Promise<string[]> {
  if (target.filePath) await mkdir(path.dirname(target.filePath), { recursive: true });
  let release: () => Promise<void>;
  try {
    release = target.filePath ? await lockSqliteFile(target.filePath) : await lockPostgres(target.url);
  } catch (error) {
    throw new AppError('database_unavailable', `cannot lock the database for migrations: ${(error as Error).message}`, { cause: error });
  }
  try {
    const schema = await readFile(target.schemaPath, 'utf8');
    const migrationsList = await readMigrationsList(target.migrationsDir);
    const adapter = migrationAdapter(target);
    try {
      const engine = await openSchemaEngine(adapter.factory, { path: target.schemaPath, content: schema });
      try {
        const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
        return appliedMigrationNames;
      } finally {
        engine.free();
      }
    } finally {
      await adapter.close();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('database_unavailable', `applying migrations failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await release();
  }
}
