// `npm run db:generate` (and npm's postinstall): derives prisma/postgres/schema.prisma, then generates both
// Prisma clients into src/generated/{sqlite,postgres}, offline.
// Every Prisma CLI command first tries to download the native schema engine; pointing PRISMA_SCHEMA_ENGINE_BINARY
// at any existing executable (node itself) stops that, and `prisma generate` never runs the engine.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, writePostgresSchema } from './prisma-derive-postgres.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaCli = path.join(path.dirname(createRequire(import.meta.url).resolve('prisma/package.json')), 'build/index.js');

await writePostgresSchema();
for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
  const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schema], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  if (result.status !== 0) {
    console.error(`prisma generate failed for ${path.relative(root, schema)}`);
    process.exit(result.status ?? 1);
  }
}
