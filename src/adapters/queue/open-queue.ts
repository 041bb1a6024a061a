// Chooses the work queue: pg-boss on PostgreSQL (many workers), the inbound rows themselves on SQLite.
import type { Store } from '../../domain/ports/store.ts';
import type { WorkQueue } from '../../domain/ports/work-queue.ts';
import { createDatabaseQueue } from './database-queue.ts';
import { createPgBossQueue } from './pg-boss-queue.ts';

export async function openQueue(options: {
  databaseUrl: string;
  maxAttempts: number;
  store: Pick<Store, 'listInboundIds'>;
  onError?: (error: Error) => void;
}): Promise<WorkQueue> {
  if (/^postgres(ql)?:\/\//.test(options.databaseUrl)) return createPgBossQueue(options);
  return createDatabaseQueue(options.store);
}
