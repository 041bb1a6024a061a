// `intake orders import FILE`: load a shop's order export (CSV or JSON, docs/orders-import.md) so
// applications can be checked against real orders and prices.
import { readOrdersFile } from '../adapters/orders/read-orders-file.ts';
import { openStore } from '../adapters/db/open-store.ts';
import { loadConfig } from '../config.ts';

export async function importOrdersCommand(file: string): Promise<number> {
  const orders = readOrdersFile(file);
  const store = await openStore(loadConfig().databaseUrl);
  try {
    const { created, updated } = await store.upsertOrders(orders);
    process.stderr.write(`${orders.length} order(s) read from ${file}: ${created} new, ${updated} updated\n`);
    return 0;
  } finally {
    await store.close();
  }
}
