// Prisma CLI configuration (used by `prisma generate` and, on a connected machine, `prisma migrate deploy`).
// The app itself never reads this file: it passes the URL to a driver adapter and applies migrations at start-up
// (src/adapters/db/apply-migrations.ts). This is a tool config, so it reads DATABASE_URL itself.
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL ?? 'file:./data/intake.db';
const postgres = /^postgres(ql)?:\/\//i.test(url);

export default defineConfig({
  schema: postgres ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: postgres ? 'prisma/postgres/migrations' : 'prisma/migrations' },
  datasource: { url },
});
