// An inbound message's raw bytes, kept apart from its InboundMessage row in InboundRawPart slices. The row is
// updated at every step (claim, finish, record); SQLite rewrites a whole row on update, and the libsql client runs
// each statement synchronously on the event loop that also answers /health, so a 24 MB message in the row cost
// 0.1-0.4 s of that loop per step. Slices are written and read one statement each, with a turn of the event loop
// between, so no single step holds it longer than one slice takes.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Prisma } from '../../generated/sqlite/client.ts';
import { AppError } from '../../domain/app-error.ts';
import type { DbClient } from './prisma-client.ts';

/**
 * Bytes per slice. bench/mime-event-loop.ts, 24.6 MB message, longest stall median / max: 1 MiB slices 58 / 192 ms
 * to store and 45 / 116 ms to claim; 256 KiB slices 20 / 103 and 14 / 31 (and less wall time). The migration that
 * moved existing rows (20261205072301_inbound_raw_parts) slices by the same 256 KiB. Also the most a head read
 * from the first slice can return (the UI's 256 KB thread view, 16 KB lists).
 */
export const RAW_PART_BYTES = 256 * 1024;

/** A raw part older than this without its InboundMessage row belongs to a store a crash interrupted. */
export const ORPHAN_RAW_PART_MS = 60 * 60_000;

/** An empty message has no parts. */
function partCount(bytes: number): number {
  return Math.ceil(bytes / RAW_PART_BYTES);
}

/** Writes `raw` as the parts of `inboundId`; the caller inserts the InboundMessage row after, as the commit point. */
export async function writeRawParts(db: DbClient, inboundId: string, raw: Buffer): Promise<void> {
  for (let seq = 0; seq < partCount(raw.length); seq++) {
    if (seq > 0) await nextTurn();
    const data = new Uint8Array(raw.subarray(seq * RAW_PART_BYTES, (seq + 1) * RAW_PART_BYTES));
    await db.inboundRawPart.create({ data: { inboundId, seq, data }, select: { seq: true } });
  }
}

/** The whole raw message of a stored row, `bytes` long (InboundMessage.rawBytes). */
export async function readRawMessage(db: DbClient, inboundId: string, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let seq = 0; seq < partCount(bytes); seq++) {
    if (seq > 0) await nextTurn();
    const part = await db.inboundRawPart.findUnique({ where: { inboundId_seq: { inboundId, seq } }, select: { data: true } });
    if (!part) throw new AppError('not_found', `raw message ${inboundId}: part ${seq} is missing`);
    parts.push(Buffer.from(part.data));
  }
  const raw = Buffer.concat(parts);
  if (raw.length !== bytes) throw new AppError('not_found', `raw message ${inboundId}: ${raw.length} bytes stored, ${bytes} expected`);
  return raw;
}

/** The first `maxBytes` of each message (from its first part, read in SQL so the rest is never loaded). */
export async function readRawHeads(db: DbClient, inboundIds: string[], maxBytes: number): Promise<Map<string, Buffer>> {
  if (maxBytes > RAW_PART_BYTES) throw new RangeError(`a head of ${maxBytes} bytes spans more than the first part`);
  const heads = new Map<string, Buffer>();
  if (inboundIds.length === 0) return heads;
  // substr(blob, start, length) counts bytes on a blob in SQLite and on bytea in PostgreSQL alike.
  const rows = await db.$queryRaw<Array<{ inboundId: string; head: Uint8Array }>>(
    Prisma.sql`SELECT "inboundId", substr("data", 1, ${Prisma.raw(String(Math.trunc(maxBytes)))}) AS "head"
      FROM "InboundRawPart" WHERE "seq" = 0 AND "inboundId" IN (${Prisma.join(inboundIds)})`,
  );
  for (const row of rows) heads.set(row.inboundId, Buffer.from(row.head));
  return heads;
}

/** Drops parts whose row never came (a crash between the parts and the row), older than `olderThan`. */
export async function dropOrphanRawParts(db: DbClient, olderThan: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM "InboundRawPart" WHERE "createdAt" < ${olderThan} AND NOT EXISTS (SELECT 1 FROM "InboundMessage" m WHERE m."id" = "InboundRawPart"."inboundId")`;
}
