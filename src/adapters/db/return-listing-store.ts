// The ReturnListing port: stored returns with their application and decision, oldest first, a page at a time so a
// large database is never read into memory at once.
import type { ListedReturn, ReturnListing } from '../../domain/ports/return-listing.ts';
import { ReturnStateSchema } from '../../domain/return-state.ts';
import { guard } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';
import { DecisionSchema, ParsedApplicationSchema, readJson } from './stored-json.ts';

export function createReturnListingStore(db: DbClient): ReturnListing {
  return {
    listStoredReturns: ({ after, limit }) =>
      guard('listStoredReturns', async (): Promise<ListedReturn[]> => {
        const rows = await db.returnRequest.findMany({
          // returnNumber is unique, so it is a stable cursor; creation order first for a readable listing.
          orderBy: [{ createdAt: 'asc' }, { returnNumber: 'asc' }],
          ...(after ? { cursor: { returnNumber: after }, skip: 1 } : {}),
          take: limit,
          select: {
            returnNumber: true,
            state: true,
            application: true,
            decision: true,
            trackingNumber: true,
            customerMessageId: true,
            inbound: { select: { messageId: true } },
          },
        });
        return rows.map((row) => {
          const where = `return ${row.returnNumber}`;
          return {
            returnNumber: row.returnNumber,
            state: ReturnStateSchema.parse(row.state),
            messageId: row.inbound?.messageId ?? row.customerMessageId ?? null,
            application: readJson(ParsedApplicationSchema, row.application, `application of ${where}`),
            decision: readJson(DecisionSchema, row.decision, `decision of ${where}`) as ListedReturn['decision'],
            trackingNumber: row.trackingNumber,
          };
        });
      }),
  };
}
