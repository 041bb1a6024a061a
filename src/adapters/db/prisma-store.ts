// The Store port over a Prisma client (SQLite or PostgreSQL; the queries are the same).
import type { Store } from '../../domain/ports/store.ts';
import { createInboundStore } from './inbound-store.ts';
import { createOutboundStore } from './outbound-store.ts';
import type { DbClient } from './prisma-client.ts';
import { createReturnStore } from './return-store.ts';

export function createPrismaStore(db: DbClient): Store {
  return {
    ...createInboundStore(db),
    ...createReturnStore(db),
    ...createOutboundStore(db),
    close: () => db.$disconnect(),
  };
}
