// Large bytes (an inbound message's raw bytes, a document's content) kept apart from the rows that own them, in
// BytesPart slices. Those rows are updated at every step (claim, finish, record); SQLite rewrites a whole row on
// update, and the libsql client runs each statement synchronously on the event loop that also answers /health, so
// a 24 MB message in its row cost 0.1-0.4 s of that loop per step, and an 18 MB document stored with its return
// 0.6-1.1 s. Slices are written and read one statement each, with a turn of the event loop between.
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Prisma } from '../../generated/sqlite/client.ts';
import { AppError } from '../../domain/app-error.ts';
import type { DbClient } from './prisma-client.ts';

/**
 * Bytes per slice. bench/mime-event-loop.ts, 24.6 MB message, longest stall median / max: 1 MiB slices 58 / 192 ms
 * to store and 45 / 116 ms to claim; 256 KiB slices 20 / 103 and 14 / 31 (and less wall time). The migration that
 * moved existing rows (20261205073708_stored_bytes_parts) slices by the same 256 KiB. Also the most a head read
 * from the first slice can return (the UI's 256 KB thread view, 16 KB lists).
 */
export const BYTES_PART_BYTES = 256 * 1024;

/** Parts older than this whose owner row does not exist belong to a store a crash interrupted. */
export const ORPHAN_PART_MS = 60 * 60_000;

/** Empty bytes have no parts. */
function partCount(bytes: number): number {
  return Math.ceil(bytes / BYTES_PART_BYTES);
}

async function writeParts(db: DbClient, ownerId: string, bytes: Buffer): Promise<void> {
  for (let seq = 0; seq < partCount(bytes.length); seq++) {
    await nextTurn();
    const data = new Uint8Array(bytes.subarray(seq * BYTES_PART_BYTES, (seq + 1) * BYTES_PART_BYTES));
    await db.bytesPart.create({ data: { ownerId, seq, data }, select: { seq: true } });
  }
}

/**
 * Writes each of `blobs` as the parts of a new id, then runs `commit`, which inserts the rows that own them under
 * those ids: that insert is the commit point. When `commit` fails the parts are dropped again; a crash before it
 * leaves parts no row names, for dropOrphanParts.
 */
export async function withStoredBytes<T>(db: DbClient, blobs: readonly Buffer[], commit: (ids: string[]) => Promise<T>): Promise<T> {
  const ids = blobs.map(() => randomUUID());
  try {
    for (const [i, blob] of blobs.entries()) await writeParts(db, ids[i]!, blob);
    return await commit(ids);
  } catch (error) {
    if (ids.length > 0) await db.bytesPart.deleteMany({ where: { ownerId: { in: ids } } });
    throw error;
  }
}

/** The whole bytes of an owner row, `bytes` long (InboundMessage.rawBytes, Document.contentBytes). */
export async function readStoredBytes(db: DbClient, ownerId: string, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let seq = 0; seq < partCount(bytes); seq++) {
    if (seq > 0) await nextTurn();
    const part = await db.bytesPart.findUnique({ where: { ownerId_seq: { ownerId, seq } }, select: { data: true } });
    if (!part) throw new AppError('not_found', `stored bytes of ${ownerId}: part ${seq} is missing`);
    parts.push(Buffer.from(part.data));
  }
  const all = Buffer.concat(parts);
  if (all.length !== bytes) throw new AppError('not_found', `stored bytes of ${ownerId}: ${all.length} found, ${bytes} expected`);
  return all;
}

/** The first `maxBytes` of each owner's bytes (from its first part, cut in SQL so the rest is never loaded). */
export async function readStoredHeads(db: DbClient, ownerIds: string[], maxBytes: number): Promise<Map<string, Buffer>> {
  if (maxBytes > BYTES_PART_BYTES) throw new RangeError(`a head of ${maxBytes} bytes spans more than the first part`);
  const heads = new Map<string, Buffer>();
  if (ownerIds.length === 0) return heads;
  // substr(blob, start, length) counts bytes on a blob in SQLite and on bytea in PostgreSQL alike.
  const rows = await db.$queryRaw<Array<{ ownerId: string; head: Uint8Array }>>(
    Prisma.sql`SELECT "ownerId", substr("data", 1, ${Prisma.raw(String(Math.trunc(maxBytes)))}) AS "head"
      FROM "BytesPart" WHERE "seq" = 0 AND "ownerId" IN (${Prisma.join(ownerIds)})`,
  );
  for (const row of rows) heads.set(row.ownerId, Buffer.from(row.head));
  return heads;
}

/** Drops parts whose owner row never came (a crash between the parts and the row), older than `olderThan`. */
export async function dropOrphanParts(db: DbClient, olderThan: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM "BytesPart" WHERE "createdAt" < ${olderThan}
    AND NOT EXISTS (SELECT 1 FROM "InboundMessage" m WHERE m."id" = "BytesPart"."ownerId")
    AND NOT EXISTS (SELECT 1 FROM "Document" d WHERE d."id" = "BytesPart"."ownerId")`;
}
