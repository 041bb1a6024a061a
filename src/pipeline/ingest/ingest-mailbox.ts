// Stage 1: copy new mail from the mailbox into the database before anything else looks at it, so a message
// is never lost even if parsing it crashes the process. A second delivery of the same message is counted on
// the first one's record, not processed again. Card numbers are masked before the message is stored: the
// stored raw message is the masked one, so nothing read from it later can hold a full number.
import type { Mailbox } from '../../domain/ports/mailbox.ts';
import type { Store } from '../../domain/ports/store.ts';
import { contentHashInSlices } from './content-hash.ts';

export interface IngestDeps {
  mailbox: Mailbox;
  store: Pick<Store, 'saveInbound'>;
  readMessageId: (raw: Buffer) => string | undefined;
  /** Masks card numbers in the headers and text parts; returns the input itself when there were none. */
  scrubRaw: (raw: Buffer) => Promise<{ raw: Buffer }>;
  now: () => Date;
}

export interface IngestSummary {
  /** Ids of inbound messages that are new and wait for processing. */
  stored: string[];
  /** Mailbox keys of deliveries whose message was already stored. */
  duplicates: string[];
}

export async function ingestMailbox(deps: IngestDeps, limit: number): Promise<IngestSummary> {
  const summary: IngestSummary = { stored: [], duplicates: [] };
  for (const entry of await deps.mailbox.listUnprocessed(limit)) {
    const { raw } = await deps.scrubRaw(await deps.mailbox.read(entry.key));
    const saved = await deps.store.saveInbound({
      mailboxId: deps.mailbox.id,
      mailboxKey: entry.key,
      messageId: deps.readMessageId(raw),
      sha256: await contentHashInSlices(raw),
      raw,
      // Arrival in the mailbox, not our first look at it: a backlog found on first connection stays old.
      receivedAt: arrival(entry.arrivedAt, deps.now()),
    });
    if (!saved.duplicate) {
      summary.stored.push(saved.id);
    } else {
      summary.duplicates.push(entry.key);
      // The stored copy carries the outcome; this delivery's file is done with. If the stored copy is still
      // waiting (we crashed before processing it), the worker picks it up from the database, not the mailbox.
      await deps.mailbox.markProcessed(entry.key);
    }
  }
  return summary;
}

/**
 * A message cannot have reached the mailbox after the moment we read it. A later stamp (a delivery host's clock
 * ahead of ours, a file copied in with a future modification time) would judge the application on a day that has
 * not come yet, so it is taken as now.
 */
export function arrival(arrivedAt: Date | undefined, now: Date): Date {
  return arrivedAt !== undefined && arrivedAt.getTime() <= now.getTime() ? arrivedAt : now;
}
