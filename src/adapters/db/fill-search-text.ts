// Fills ReturnRequest.searchText for returns recorded before the column existed. The migration cannot: SQLite has
// no Unicode case folding, so the folded text is computed here, in batches. On a filled database it is one
// scan of the (createdAt, searchText) index that finds nothing.
import type { DbClient } from './prisma-client.ts';
import { returnSearchText } from './search-text.ts';

const BATCH = 500;

/** Returns how many rows it filled. Rows with neither a name nor an e-mail get '' so they are not read again. */
export async function fillSearchText(db: DbClient): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db.returnRequest.findMany({
      where: { searchText: null },
      select: { id: true, customerEmail: true, application: true },
      take: BATCH,
    });
    if (rows.length === 0) return filled;
    await db.$transaction(
      rows.map((row) => {
        const fields = (row.application as { fields?: { fullName?: { value?: unknown }; email?: { value?: unknown } } } | null)?.fields;
        const name = typeof fields?.fullName?.value === 'string' ? fields.fullName.value : null;
        const email = row.customerEmail ?? (typeof fields?.email?.value === 'string' ? fields.email.value : null);
        return db.returnRequest.update({ where: { id: row.id }, data: { searchText: returnSearchText(name, email) ?? '' } });
      }),
    );
    filled += rows.length;
  }
}
