// The Store contract against a real SQLite file, plus checks that the committed migrations match the schema.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../../src/adapters/db/database-target.ts';
import { migrationAdapter } from '../../../src/adapters/db/apply-migrations.ts';
import { readMigrationsList } from '../../../src/adapters/db/migrations-list.ts';
import { openStore } from '../../../src/adapters/db/open-store.ts';
import { NO_FILTER, openSchemaEngine } from '../../../src/adapters/db/schema-engine.ts';
import { AppError } from '../../../src/domain/app-error.ts';
import { derivePostgresSchema } from '../../../scripts/prisma-derive-postgres.ts';
import { storeContract } from '../../support/store-contract.ts';

let dir: string;
let counter = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-sqlite-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

storeContract('sqlite', {
  freshUrl: async () => `file:${path.join(dir, `db-${++counter}`, 'intake.db')}`,
});

describe('sqlite: database URL and schema files', () => {
  it('creates the folder of a relative SQLite path', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const store = await openStore('file:./nested/data/intake.db');
      await store.close();
      expect(parseDatabaseUrl('file:./nested/data/intake.db').filePath).toBe(path.join(dir, 'nested/data/intake.db'));
    } finally {
      process.chdir(cwd);
    }
  });

  it('rejects in-memory and unknown URLs with config_invalid', () => {
    for (const url of ['file::memory:', 'mysql://x', 'intake.db']) {
      expect(() => parseDatabaseUrl(url)).toThrow(AppError);
    }
    expect(parseDatabaseUrl('postgres://u@h/db').provider).toBe('postgresql');
    expect(parseDatabaseUrl('postgresql://u@h/db').provider).toBe('postgresql');
  });

  it('the committed PostgreSQL schema is the one derived from prisma/schema.prisma', async () => {
    const source = await readFile(parseDatabaseUrl('file:x.db').schemaPath, 'utf8');
    const derived = await readFile(parseDatabaseUrl('postgres://x/y').schemaPath, 'utf8');
    expect(derived).toBe(derivePostgresSchema(source));
  });

  it('every schema change has a migration (npm run db:migration -- <name>)', async () => {
    const { schemaPath } = parseDatabaseUrl('file:x.db');
    const source = await readFile(schemaPath, 'utf8');
    const migrated = await readFile(path.join(path.dirname(schemaPath), 'migrated-schema.prisma'), 'utf8');
    expect(migrated).toBe(source);
  });

  // The wasm engine cannot introspect PostgreSQL through adapter-pg ("Column type 'char' could not be
  // deserialized"), so this runs on SQLite; the PostgreSQL migrations come from the same schema snapshots
  // (scripts/prisma-migration.ts writes both at once), which the next test checks by folder name.
    it('the migrations reproduce the schema exactly (nothing left for `db push` to do)', async () => {
      const url = `file:${path.join(dir, 'push-check', 'intake.db')}`;
      await (await openStore(url)).close();
      const target = parseDatabaseUrl(url);
      const content = await readFile(target.schemaPath, 'utf8');
      const adapter = migrationAdapter(target);
      try {
        const engine = await openSchemaEngine(adapter.factory, { path: target.schemaPath, content });
        try {
          const push = await engine.schemaPush({ force: false, schema: { files: [{ path: target.schemaPath, content }] }, filters: NO_FILTER });
          expect(push).toEqual({ executedSteps: 0, unexecutable: [], warnings: [] });
        } finally {
          engine.free();
        }
      } finally {
        await adapter.close();
      }
    });


  it('both providers have the same migrations, by name', async () => {
    const names = async (provider: string) =>
      (await readMigrationsList(parseDatabaseUrl(provider === 'sqlite' ? 'file:x.db' : 'postgres://x/y').migrationsDir)).migrationDirectories.map(
        (d) => d.path,
      );
    const sqlite = await names('sqlite');
    expect(sqlite.length).toBeGreaterThan(0);
    expect(await names('postgresql')).toEqual(sqlite);
  });
});
