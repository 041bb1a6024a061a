// One application per e-mail: the documents of a message (PDF, photos, the body) each parsed on their
// own, merged field by field. The most confident reading wins and records which document it came from;
// two confident readings that disagree mean a person must look.
import { FIELD_KEYS, type Fields, type Item, type ParsedApplication } from '../../domain/application.ts';
import { problem, type Problem } from '../../domain/problem.ts';
import type { DocumentParse } from './parse-document.ts';
import { READ_ALIKE_TWICE, readAlikeTwice } from './read-alike-twice.ts';
import { CONFIDENT, LOW_CONFIDENCE } from './score-confidence.ts';

export interface ParsedPart {
  name: string;
  result: DocumentParse;
  /** The document's bytes' hash: two copies of one file are one reading (read-alike-twice.ts). */
  sha256?: string;
}

/** The name read-application gives the message's own text (extract/body-document.ts). */
const BODY = 'body';

/** Two confident documents contradicting each other: neither value may stay above review level. */
const CONFLICT_CAP = 0.5;

const sameValue = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

function itemsScore(items: Item[]): number {
  return items.reduce((sum, item) => sum + Object.values(item).reduce((s, f) => s + (f?.confidence ?? 0), 0), 0);
}

export function mergeApplications(source: string, parts: ParsedPart[]): ParsedApplication {
  // Documents that are not applications (a product photo, "see attachment" in the body, a question) contribute
  // nothing: their numbers and words are not application fields, even when nothing else is there.
  const used = parts.filter((p) => p.result.isApplication);
  // Once an attachment is the application, the customer's covering note in the body speaks of it: "по заказу
  // KM-14173" names the order a photo may have lost. Its fields are read as any other's. Other documents that
  // are not applications stay out: a product photo's label is not the customer's.
  const covering = used.length > 0 ? parts.filter((p) => !p.result.isApplication && p.name === BODY) : [];
  // Saying that no application was found is read-application.ts's job: it knows which documents could be read.
  const problems: Problem[] = [];

  const fields: Fields = {};
  for (const key of FIELD_KEYS) {
    const readings = [...used, ...covering].flatMap((p) => {
      const f = p.result.fields[key];
      return f ? [{ ...f, source: p.name, ...(p.sha256 !== undefined ? { sha256: p.sha256 } : {}) }] : [];
    });
    if (readings.length === 0) continue;
    readings.sort((a, b) => b.confidence - a.confidence);
    const { sha256: _hash, ...chosen } = readings[0]!;
    const conflicting = readings.some((r) => r.source !== chosen.source && r.confidence >= CONFIDENT && chosen.confidence >= CONFIDENT && !sameValue(r.value, chosen.value));
    if (conflicting) {
      chosen.confidence = Math.min(chosen.confidence, CONFLICT_CAP);
      const names = [...new Set(readings.filter((r) => r.confidence >= CONFIDENT).map((r) => r.source))].join(', ');
      problems.push(problem(key, 'inconsistent', `documents disagree on ${key} (${names})`));
    } else if (chosen.confidence < CONFIDENT && readAlikeTwice(key, readings[0]!, readings)) {
      chosen.confidence = READ_ALIKE_TWICE;
    }
    fields[key] = chosen;
  }

  const bestItems = [...used].sort((a, b) => itemsScore(b.result.items) - itemsScore(a.result.items))[0];
  const items: Item[] = (bestItems?.result.items ?? []).map((item) =>
    Object.fromEntries(Object.entries(item).map(([k, v]) => [k, { ...v!, source: bestItems!.name }])),
  );

  // A field-level doubt from one document is moot when another document settled the field.
  for (const part of used) {
    for (const p of part.result.problems) {
      const settled = (FIELD_KEYS as readonly string[]).includes(p.field) && p.code === 'low_confidence' && (fields[p.field as keyof Fields]?.confidence ?? 0) >= LOW_CONFIDENCE;
      const otherItems = p.field.startsWith('items') && part !== bestItems;
      if (!settled && !otherItems) problems.push(p);
    }
  }
  for (const key of FIELD_KEYS) {
    const f = fields[key];
    if (f && f.confidence < LOW_CONFIDENCE && !problems.some((p) => p.field === key && p.code === 'low_confidence')) {
      problems.push(problem(key, 'low_confidence', `${key} was read with low confidence (${f.confidence})`));
    }
  }
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const k = `${p.field}|${p.code}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { source, fields, items, problems: unique };
}
