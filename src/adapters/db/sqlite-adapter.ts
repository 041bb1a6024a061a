// The libsql driver adapter, made safe for several processes (or stores) sharing one SQLite file.
// @libsql/client opens a fresh connection after every transaction and sets no busy timeout, so a second writer
// would fail at once with SQLITE_BUSY; it also starts transactions DEFERRED, which can fail on the upgrade to a
// write lock. We set the pragmas on every new connection and begin write transactions IMMEDIATE.
import { createClient, type Client, type Config, type TransactionMode } from '@libsql/client';
import { PrismaLibSql } from '@prisma/adapter-libsql';

/** How long a writer waits for another one to finish before SQLITE_BUSY; our transactions take milliseconds. */
const BUSY_TIMEOUT_MS = 10_000;

const CONNECTION_PRAGMAS = [`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`, 'PRAGMA foreign_keys = ON'];

function withPragmas(client: Client): Client {
  // libsql creates its next connection lazily after handing the current one to a transaction.
  let fresh = true;
  const prepare = async (): Promise<void> => {
    if (!fresh) return;
    fresh = false;
    for (const sql of CONNECTION_PRAGMAS) await client.execute(sql);
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'transaction') {
        return async (_mode?: TransactionMode) => {
          await prepare();
          fresh = true;
          return target.transaction('write');
        };
      }
      if (property === 'execute' || property === 'batch' || property === 'executeMultiple') {
        return async (...args: unknown[]) => {
          await prepare();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

export class SqliteAdapterFactory extends PrismaLibSql {
  constructor(url: string) {
    super({ url });
  }

  override createClient(config: Config): Client {
    return withPragmas(createClient(config));
  }
}
