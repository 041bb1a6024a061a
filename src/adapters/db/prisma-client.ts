// Builds the Prisma client for a database URL: the SQLite client over libsql, or the PostgreSQL client over pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresClient } from '../../generated/postgres/client.ts';
import { PrismaClient as SqliteClient } from '../../generated/sqlite/client.ts';
import type { DatabaseTarget } from './database-target.ts';
import { SqliteAdapterFactory } from './sqlite-adapter.ts';

/**
 * Both generated clients come from one schema and expose the same model API; the store is written once against
 * the SQLite client's types. The few provider-only extras (e.g. `mode: 'insensitive'` on PostgreSQL) are not used.
 */
export type DbClient = InstanceType<typeof SqliteClient>;

export function createPrismaClient(target: DatabaseTarget): DbClient {
  if (target.provider === 'sqlite') return new SqliteClient({ adapter: new SqliteAdapterFactory(target.url) });
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) }) as unknown as DbClient;
}
