// The Store contract against a real PostgreSQL started for this file (test/support/postgres-server.ts).
// Without PostgreSQL binaries this fails with instructions; it never skips.
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../../src/adapters/db/database-target.ts';
import { openStore } from '../../../src/adapters/db/open-store.ts';
import { startPostgresServer, type PostgresServer } from '../../support/postgres-server.ts';
import { storeContract } from '../../support/store-contract.ts';

let server: PostgresServer | undefined;
let counter = 0;

beforeAll(async () => {
  server = await startPostgresServer();
});
afterAll(async () => {
  await server?.stop();
});

storeContract('postgresql', {
  freshUrl: async () => {
    if (!server) throw new Error('PostgreSQL did not start; see the beforeAll error above');
    return server.createDatabase(`contract_${process.pid}_${++counter}`);
  },
});

describe('postgresql: migrated tables match the schema', () => {
  it('has a column for every scalar field of every model', async () => {
    const url = await server!.createDatabase(`columns_${process.pid}`);
    await (await openStore(url)).close();
    const schema = await readFile(parseDatabaseUrl(url).schemaPath, 'utf8');
    const expected: string[] = [];
    for (const [, model, body] of schema.matchAll(/^model (\w+) \{([^}]*)\}/gm)) {
      for (const [, field] of body!.matchAll(/^\s+(\w+)\s+(?:String|Int|Boolean|DateTime|Bytes|Json)\??\s/gm)) expected.push(`${model}.${field}`);
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ c: string }>(
        `SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      );
      expect(rows.map((r) => r.c).sort()).toEqual(expected.sort());
    } finally {
      await client.end();
    }
  });
});
