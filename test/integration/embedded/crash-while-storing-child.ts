// Ingests a Maildir into a database and SIGKILLs itself at a chosen point of storing a message: right after its
// N-th raw part (`part:N`) or right after its row (`row`). store-crash.test.ts uses it to check, with a real kill
// rather than a thrown error, that a crash between the steps of storing a message loses nothing.
//
//   node --import tsx crash-while-storing-child.ts DATABASE_URL MAILDIR part:3|row
import { parseDatabaseUrl } from '../../../src/adapters/db/database-target.ts';
import { createInboundStore } from '../../../src/adapters/db/inbound-store.ts';
import { openStore } from '../../../src/adapters/db/open-store.ts';
import { createPrismaClient, type DbClient } from '../../../src/adapters/db/prisma-client.ts';
import { openMaildir } from '../../../src/adapters/maildir/maildir-mailbox.ts';
import { readMessageId } from '../../../src/adapters/mime/read-message-id.ts';
import { scrubRawMessage } from '../../../src/adapters/mime/scrub-raw-message.ts';
import { ingestMailbox } from '../../../src/pipeline/ingest/ingest-mailbox.ts';

const [url, maildir, killAt] = process.argv.slice(2) as [string, string, string];
const afterPart = killAt.startsWith('part:') ? Number(killAt.slice('part:'.length)) : Number.POSITIVE_INFINITY;
const die = () => process.kill(process.pid, 'SIGKILL');

await (await openStore(url)).close(); // migrated, as the service's start-up leaves it
let parts = 0;
const db = createPrismaClient(parseDatabaseUrl(url)).$extends({
  query: {
    bytesPart: {
      async create({ args, query }) {
        const result = await query(args);
        if (++parts === afterPart) die();
        return result;
      },
    },
    inboundMessage: {
      async create({ args, query }) {
        const result = await query(args);
        if (killAt === 'row') die();
        return result;
      },
    },
  },
}) as unknown as DbClient;

await ingestMailbox({ mailbox: await openMaildir(maildir), store: createInboundStore(db), readMessageId, scrubRaw: scrubRawMessage, now: () => new Date() }, 10);
console.error(`not killed at ${killAt}: ${parts} parts written`);
process.exit(3);
