// `intake returns list --json`: every stored return as one JSON array on stdout (README, "Stable interfaces").
// The shape is a contract other tools read (the devset's straight-through judge among them): add keys, never
// rename or drop one.
import { loadConfig } from '../config.ts';
import { openStore } from '../adapters/db/open-store.ts';
import { toRoublesString } from '../domain/money/money.ts';
import type { ListedReturn } from '../domain/ports/return-listing.ts';

/** Rows read per query: a large database is streamed out, never held in memory at once. */
const PAGE = 500;

export async function listReturnsCommand(options: { json?: boolean }): Promise<number> {
  const store = await openStore(loadConfig().databaseUrl);
  try {
    let after: string | undefined;
    let first = true;
    if (options.json) process.stdout.write('[');
    for (;;) {
      const page = await store.listStoredReturns({ ...(after ? { after } : {}), limit: PAGE });
      for (const listed of page) {
        process.stdout.write(options.json ? `${first ? '\n' : ',\n'}${JSON.stringify(toJson(listed))}` : describe(listed));
        first = false;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.returnNumber;
    }
    if (options.json) process.stdout.write(first ? ']\n' : '\n]\n');
    return 0;
  } finally {
    await store.close();
  }
}

export function toJson(listed: ListedReturn) {
  const { decision } = listed;
  // Only an approval owes a refund; a return under review or rejected carries at most a computation for the agent.
  const total = decision.status === 'approved' ? decision.refund?.total : undefined;
  return {
    returnNumber: listed.returnNumber,
    state: listed.state,
    messageId: listed.messageId,
    application: { fields: listed.application.fields, items: listed.application.items },
    decision: {
      status: decision.status,
      reasons: decision.reasons.map((r) => ({ code: r.code, ...(r.field !== undefined ? { field: r.field } : {}), message: r.message })),
    },
    ...(typeof total === 'number' ? { refund: toRoublesString(total) } : {}),
    trackingNumber: listed.trackingNumber,
  };
}

function describe(listed: ListedReturn): string {
  const codes = listed.decision.reasons.map((r) => r.code).join(', ');
  return `${listed.returnNumber}  ${listed.state.padEnd(20)} ${codes}\n`;
}
