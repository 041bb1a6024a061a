// A driver adapter with no database behind it, for schema-to-schema diffs only (scripts/prisma-migration.ts).
// The wasm schema engine connects on construction and asks PostgreSQL for its version and whether the schema
// exists; answering "PostgreSQL 15, schema exists" keeps the engine from emitting a CREATE SCHEMA step.
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory, type SqlQuery, type SqlResultSet } from '@prisma/driver-adapter-utils';

type AdapterProvider = 'sqlite' | 'postgres';

function offlineConnection(provider: AdapterProvider): SqlDriverAdapter {
  const adapterName = 'offline-diff';
  return {
    provider,
    adapterName,
    async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
      if (provider === 'postgres' && query.sql.includes('pg_namespace') && query.sql.includes('version()')) {
        return {
          columnNames: ['exists', 'version', 'numeric_version'],
          columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
          rows: [[true, 'PostgreSQL 15.0', 150000]],
        };
      }
      return { columnNames: [], columnTypes: [], rows: [] };
    },
    async executeRaw(): Promise<number> {
      return 0;
    },
    async executeScript(): Promise<void> {},
    async startTransaction(): Promise<never> {
      throw new Error('the offline diff adapter has no database');
    },
    async dispose(): Promise<void> {},
  };
}

export function offlineAdapterFactory(provider: AdapterProvider): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider,
    adapterName: 'offline-diff',
    connect: async () => offlineConnection(provider),
    connectToShadowDb: async () => offlineConnection(provider),
  };
}
