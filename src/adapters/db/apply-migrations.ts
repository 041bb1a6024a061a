// Applies the committed migrations (prisma/migrations or prisma/postgres/migrations) at start-up, offline, into
// the standard `_prisma_migrations` table, so `prisma migrate deploy` on a connected machine sees the same history.
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { AppError } from '../../domain/app-error.ts';
import type { DatabaseTarget } from './database-target.ts';
import { lockPostgres, lockSqliteFile } from './migration-lock.ts';
import { readMigrationsList } from './migrations-list.ts';
import { NO_FILTER, openSchemaEngine } from './schema-engine.ts';
import { SqliteAdapterFactory } from './sqlite-adapter.ts';

export function migrationAdapter(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  return target.provider === 'sqlite' ? new SqliteAdapterFactory(target.url) : new PrismaPg({ connectionString: target.url });
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
    const engine = await openSchemaEngine(migrationAdapter(target), { path: target.schemaPath, content: schema });
    try {
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      return appliedMigrationNames;
    } finally {
      engine.free();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('database_unavailable', `applying migrations failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await release();
  }
}
