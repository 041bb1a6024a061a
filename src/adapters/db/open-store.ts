// The database's single entry point for the composition root: migrate, connect, and hand back the ports.
import type { DocumentFiles } from '../../domain/ports/document-files.ts';
import type { OrderRepository } from '../../domain/ports/order-repository.ts';
import type { ReturnListing } from '../../domain/ports/return-listing.ts';
import type { Conversations } from '../../domain/ports/conversations.ts';
import type { DeskAlerts } from '../../domain/ports/desk-alerts.ts';
import type { RefundLedger } from '../../domain/ports/refunds.ts';
import type { ReturnUpdates } from '../../domain/ports/return-updates.ts';
import type { Store } from '../../domain/ports/store.ts';
import type { Users } from '../../domain/ports/users.ts';
import { applyMigrations } from './apply-migrations.ts';
import { createDashboardQueries, type DashboardQueries } from './dashboard-queries.ts';
import { parseDatabaseUrl, type Provider } from './database-target.ts';
import { guard } from './db-errors.ts';
import { createDocumentFiles } from './document-files.ts';
import { createOrderRepository } from './order-repository.ts';
import { createPrismaClient } from './prisma-client.ts';
import { createPrismaStore } from './prisma-store.ts';
import { dropOrphanParts, ORPHAN_PART_MS } from './bytes-parts.ts';
import { createReturnListingStore } from './return-listing-store.ts';
import { createConversationStore } from './conversation-store.ts';
import { createDeskAlertStore } from './desk-alert-store.ts';
import { createRefundLedger } from './refund-ledger.ts';
import { createReturnUpdatesStore } from './return-updates-store.ts';
import { fillSearchText } from './fill-search-text.ts';
import { createUserStore } from './user-store.ts';

export const DEFAULT_DATABASE_URL = 'file:./data/intake.db';

export interface DbStore extends Store, OrderRepository, DocumentFiles, ReturnUpdates, ReturnListing, RefundLedger, Conversations, DeskAlerts {
  readonly provider: Provider;
  /** Migrations this call applied (empty when the database was already up to date). */
  readonly appliedMigrations: string[];
  /** The review UI's accounts and sessions, on the same client. */
  readonly users: Users;
  /** The review queue and the manager's numbers, on the same client. */
  readonly dashboard: DashboardQueries;
}

/**
 * Opens the database named by `databaseUrl` (`file:…` for SQLite, relative to the working directory, or
 * `postgres(ql)://…`): creates the SQLite file's folder, applies pending migrations under a lock (safe when several
 * processes start at once), and returns the Store, the order repository, document bytes, the users and the dashboard
 * queries, all on one Prisma client. Throws AppError('config_invalid') for a bad URL and AppError('database_unavailable')
 * when the database cannot be reached or migrated.
 */
export async function openStore(databaseUrl: string = DEFAULT_DATABASE_URL, options: { statsCacheMs?: number; timeZone?: string } = {}): Promise<DbStore> {
  const target = parseDatabaseUrl(databaseUrl);
  const appliedMigrations = await applyMigrations(target);
  const db = createPrismaClient(target);
  await guard('connect', () => db.$connect());
  if (target.provider === 'sqlite') {
    // WAL lets the review UI read while the worker writes; it is a property of the file, so set once here.
    await guard('enable WAL', () => db.$queryRawUnsafe('PRAGMA journal_mode = WAL'));
  }
  // Returns recorded before searchText existed get it now (once; it needs JavaScript's Unicode case folding).
  await guard('fill searchText', () => fillSearchText(db));
  // Stored bytes a crash left without their row; the age spares bytes another process is storing now.
  await guard('drop orphan bytes parts', () => dropOrphanParts(db, new Date(Date.now() - ORPHAN_PART_MS)));
  return {
    provider: target.provider,
    appliedMigrations,
    users: createUserStore(db),
    dashboard: createDashboardQueries(db, target.provider, options),
    ...createPrismaStore(db),
    ...createOrderRepository(db),
    ...createDocumentFiles(db),
    ...createReturnUpdatesStore(db),
    ...createReturnListingStore(db),
    ...createRefundLedger(db),
    ...createConversationStore(db),
    ...createDeskAlertStore(db),
  };
}
