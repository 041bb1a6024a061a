// Where each value of an application came from, in one vocabulary for the decision, the audit trail, the review
// UI and `intake returns list`. The reader names the document a value was read from; everything after it speaks
// of sources (`document`, `header`, `order`, `agent`), keeping the document's name beside the source.
import type { FieldValue, ParsedApplication, ValueSource } from './application.ts';
import { VALUE_SOURCES } from './application.ts';

/** A stored or freshly read value's source; a bare document name (the reader's output, older rows) is `document`. */
export function sourceOf(value: FieldValue): ValueSource {
  return (VALUE_SOURCES as readonly string[]).includes(value.source ?? '') ? (value.source as ValueSource) : 'document';
}

/** The reader's values say which document they came from; from here on that is their `document`, the source `document`. */
export function markDocumentSources(application: ParsedApplication): ParsedApplication {
  const mark = (value: FieldValue): FieldValue => {
    if ((VALUE_SOURCES as readonly string[]).includes(value.source ?? '')) return value;
    const { source, ...rest } = value;
    return { ...rest, source: 'document', ...(source !== undefined ? { document: source } : {}) };
  };
  return {
    ...application,
    fields: Object.fromEntries(Object.entries(application.fields).map(([k, v]) => [k, mark(v!)])),
    items: application.items.map((item) => Object.fromEntries(Object.entries(item).map(([k, v]) => [k, mark(v!)]))),
  };
}

/**
 * The application as read, before any order completed or confirmed it: values the order supplied are dropped and
 * values it confirmed (they keep `readConfidence`) get their reading's own confidence back. Deciding again against a (possibly other) order
 * then starts from the evidence of the paper alone.
 */
export function withoutOrderEvidence(application: ParsedApplication): ParsedApplication {
  const revert = (value: FieldValue): FieldValue | undefined => {
    if (value.source !== 'order') return value;
    if (value.readConfidence === undefined) return undefined;
    const { readConfidence, readValue, ...rest } = value;
    return { ...rest, value: readValue ?? value.value, source: 'document', confidence: readConfidence };
  };
  const keep = (entries: Array<[string, FieldValue | undefined]>) =>
    Object.fromEntries(entries.flatMap(([k, v]) => {
      const reverted = v && revert(v);
      return reverted ? [[k, reverted]] : [];
    }));
  return {
    ...application,
    fields: keep(Object.entries(application.fields)),
    // An item line the order added wholesale has no reading left; it disappears with its values.
    items: application.items.map((item) => keep(Object.entries(item))).filter((item) => Object.keys(item).length > 0),
  };
}

/** One line per value for people: "paper", "order", "paper, confirmed by the order", "e-mail header", "agent". */
export function describeSource(value: FieldValue): string {
  const source = sourceOf(value);
  if (source === 'order') {
    if (value.readValue !== undefined) return 'order, correcting a doubtful reading of the paper';
    return value.readConfidence !== undefined ? 'paper, confirmed by the order' : 'order';
  }
  return { document: 'paper', header: 'e-mail header', agent: 'agent', order: 'order' }[source];
}

/** How confident the paper alone is of a value: 0 for a value only the order supplied. */
export function paperConfidence(value: FieldValue | undefined): number {
  if (value === undefined) return 0;
  if (value.source === 'order') return value.readValue === undefined ? (value.readConfidence ?? 0) : 0;
  return value.confidence;
}
