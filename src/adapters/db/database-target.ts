// Which database a URL names, and where that provider's schema and migrations live.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../domain/app-error.ts';

export type Provider = 'sqlite' | 'postgresql';

export interface DatabaseTarget {
  provider: Provider;
  url: string;
  /** Absolute path of the SQLite file; undefined for PostgreSQL. */
  filePath?: string;
  /** The schema the provider's client and migrations come from. */
  schemaPath: string;
  migrationsDir: string;
}

const PRISMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../prisma');

export function prismaPaths(provider: Provider): { schemaPath: string; migrationsDir: string } {
  const base = provider === 'sqlite' ? PRISMA_DIR : path.join(PRISMA_DIR, 'postgres');
  return { schemaPath: path.join(base, 'schema.prisma'), migrationsDir: path.join(base, 'migrations') };
}

/** `file:./data/intake.db` (relative to the working directory, like Prisma) or `postgres(ql)://…`. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: 'postgresql', url, ...prismaPaths('postgresql') };
  if (url.startsWith('file:')) {
    const rest = url.slice('file:'.length).split('?')[0] ?? '';
    if (rest === '' || rest === ':memory:') {
      // Migrations and the store would each get their own empty in-memory database.
      throw new AppError('config_invalid', 'DATABASE_URL must name a SQLite file, not an in-memory database');
    }
    const filePath = rest.startsWith('//') ? fileURLToPath(url) : path.resolve(rest);
    return { provider: 'sqlite', url: `file:${filePath}`, filePath, ...prismaPaths('sqlite') };
  }
  throw new AppError('config_invalid', `DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${url.split(':')[0]}:")`);
}
