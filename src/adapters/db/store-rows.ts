// Documents and audit events as rows, for a new return and for a change to one alike.
import type { ReturnEvent, StoredDocument } from '../../domain/ports/store.ts';
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
