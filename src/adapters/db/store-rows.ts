// Documents and audit events as rows, for a new return and for a change to one alike.
import type { ReturnEvent, StoredDocument } from '../../domain/ports/store.ts';
import { toJson } from './stored-json.ts';

/** `ids`: one per document, under which withStoredBytes (bytes-parts.ts) wrote its content. */
export function documentRows(documents: readonly StoredDocument[], ids: readonly string[], inboundId: string, returnId: string) {
  return documents.map((d, position) => ({
    id: ids[position]!,
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
    contentBytes: d.content.length,
  }));
}

/** Events numbered from `firstSeq`, so the audit trail keeps its order across transactions. */
export function eventRows(events: readonly ReturnEvent[], firstSeq: number) {
  return events.map((e, i) => ({
    seq: firstSeq + i,
    actor: e.actor,
    type: e.type,
    fromState: e.fromState ?? null,
    toState: e.toState ?? null,
    reason: e.reason ?? null,
    ...(e.changes && e.changes.length > 0 ? { changes: toJson(e.changes) } : {}),
    at: e.at,
  }));
}
