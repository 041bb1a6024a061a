// Documents of a message as rows, for a new return and for a follow-up alike.
import type { StoredDocument } from '../../domain/ports/store.ts';
import { toJson } from './stored-json.ts';

export function documentRows(documents: readonly StoredDocument[], inboundId: string, returnId: string) {
  return documents.map((d, position) => ({
    inboundId,
    returnId,
    position,
    name: d.name,
    kind: d.kind,
    mimeType: d.mimeType,
    bytes: d.bytes,
    sha256: d.sha256,
    method: d.method ?? null,
    pageCount: d.pageCount,
    pages: toJson(d.pages),
    ...(d.formFields ? { formFields: toJson(d.formFields) } : {}),
    problems: toJson(d.problems),
    content: new Uint8Array(d.content),
  }));
}
