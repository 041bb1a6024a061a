// Derives prisma/postgres/schema.prisma from the one schema source, prisma/schema.prisma.
// Prisma's datasource provider is a literal and a generated client is tied to it, so PostgreSQL needs its own
// schema file and client; everything else (models, indexes) must stay identical, hence derived, never edited.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SQLITE_SCHEMA = path.join(root, 'prisma/schema.prisma');
export const POSTGRES_SCHEMA = path.join(root, 'prisma/postgres/schema.prisma');

const HEADER = '// GENERATED from prisma/schema.prisma by scripts/prisma-derive-postgres.ts — do not edit.\n';

export function derivePostgresSchema(sqliteSchema: string): string {
  const replace = (text: string, from: RegExp, to: string): string => {
    if (!from.test(text)) throw new Error(`prisma/schema.prisma no longer matches ${from}; update the derive script`);
    return text.replace(from, to);
  };
  let out = replace(sqliteSchema, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  // The derived file lives one folder deeper, so the client output path gains a `../`.
  out = replace(out, /output(\s*)=\s*"\.\.\/src\/generated\/sqlite"/, 'output$1= "../../src/generated/postgres"');
  return HEADER + out;
}

export async function writePostgresSchema(): Promise<string> {
  const derived = derivePostgresSchema(await readFile(SQLITE_SCHEMA, 'utf8'));
  await mkdir(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  await writeFile(POSTGRES_SCHEMA, derived);
  return POSTGRES_SCHEMA;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`wrote ${path.relative(root, await writePostgresSchema())}`);
}
