// Document bytes by id (the DocumentFiles port), read only when a reviewer opens a scan.
import type { DocumentFiles } from '../../domain/ports/document-files.ts';
import { readStoredBytes } from './bytes-parts.ts';
import { guard } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';

export function createDocumentFiles(db: DbClient): DocumentFiles {
  return {
    getDocumentFile: (id) =>
      guard('getDocumentFile', async () => {
        const row = await db.document.findUnique({ where: { id }, select: { id: true, name: true, mimeType: true, contentBytes: true } });
        if (!row) return null;
        return { id: row.id, name: row.name, mimeType: row.mimeType, content: await readStoredBytes(db, row.id, row.contentBytes) };
      }),
  };
}
