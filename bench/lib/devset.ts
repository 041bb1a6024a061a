// A generated devset folder (../shared/devset's `forms/`: manifest.json, files, e-mails and ground truth) scored
// the way its own scorer does, in-process: every ground-truth value compared exactly after trimming; items paired
// with the returned item that agrees most; a value at confidence ≥ 0.9 that is wrong, or a confident value the
// document does not have (unless tolerated), is confident-wrong. `bench:accuracy --devset DIR` prints its tables.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FIELD_KEYS, ITEM_KEYS, type ParsedApplication } from '../../src/domain/application.ts';

const CONFIDENT = 0.9;
/** The devset does not annotate the customer's own words (reasonText, an item's reason): they are not judged. */
const UNJUDGED_FIELDS = new Set<string>(['reasonText']);
const UNJUDGED_ITEM_KEYS = new Set<string>(['reason']);

interface Truth {
  fields: Record<string, { value: unknown }>;
  items: Array<Record<string, { value: unknown }>>;
  tolerate?: Record<string, unknown[]>;
}

export interface DevsetEntry {
  file: string;
  /** The application the file renders (its page is `html/<app>.html`). */
  app: string;
  layout: string;
  variant: string;
  truth: Truth;
  tolerate: Record<string, unknown[]>;
}

export interface DevsetCheck {
  key: string;
  ok: boolean;
  confident: boolean;
}

export interface DevsetResult {
  entry: DevsetEntry;
  checks: DevsetCheck[];
  confidentWrong: number;
  itemsOk: number;
  itemsTotal: number;
}

const ManifestEntry = (e: { file: string; app: string; layout: string; variant: string; gt: string; tolerate?: Record<string, unknown[]> }) => e;

export async function loadDevset(dir: string): Promise<DevsetEntry[]> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { files: Array<Parameters<typeof ManifestEntry>[0]> };
  return Promise.all(
    manifest.files.map(async (e) => ({
      file: path.join(dir, e.file),
      app: e.app,
      layout: e.layout,
      variant: e.variant,
      truth: JSON.parse(await readFile(path.join(dir, e.gt), 'utf8')) as Truth,
      tolerate: e.tolerate ?? {},
    })),
  );
}

const same = (got: unknown, want: unknown) => got !== undefined && got !== null && String(got).trim() === String(want).trim();

export function scoreDevset(entry: DevsetEntry, result: ParsedApplication): DevsetResult {
  const { truth } = entry;
  const tolerate = { ...(truth.tolerate ?? {}), ...entry.tolerate };
  const checks: DevsetCheck[] = [];
  let confidentWrong = 0;
  const fields = result.fields as Record<string, { value: string; confidence: number } | undefined>;
  for (const [key, want] of Object.entries(truth.fields)) {
    const got = fields[key];
    const ok = same(got?.value, want.value);
    checks.push({ key, ok, confident: (got?.confidence ?? 0) >= CONFIDENT });
    if (got && !ok && got.confidence >= CONFIDENT) confidentWrong++;
  }
  for (const key of FIELD_KEYS.filter((k) => !UNJUDGED_FIELDS.has(k))) {
    const got = fields[key];
    if (!got || key in truth.fields || (tolerate[key] ?? []).some((t) => same(got.value, t))) continue;
    if (got.confidence >= CONFIDENT) confidentWrong++;
  }
  const items = result.items as Array<Record<string, { value: string; confidence: number } | undefined>>;
  const free = new Set(items.map((_, i) => i));
  let itemsOk = 0;
  truth.items.forEach((want, wi) => {
    let best = -1;
    let bestScore = -1;
    for (const gi of free) {
      const score = Object.keys(want).filter((k) => same(items[gi]?.[k]?.value, want[k]!.value)).length;
      if (score > bestScore || (score === bestScore && Math.abs(gi - wi) < Math.abs(best - wi))) {
        best = gi;
        bestScore = score;
      }
    }
    if (best >= 0) free.delete(best);
    let all = true;
    for (const [key, w] of Object.entries(want)) {
      const got = best >= 0 ? items[best]?.[key] : undefined;
      const ok = same(got?.value, w.value);
      all &&= ok;
      checks.push({ key: `items.${key}`, ok, confident: (got?.confidence ?? 0) >= CONFIDENT });
      if (got && !ok && got.confidence >= CONFIDENT) confidentWrong++;
    }
    if (all) itemsOk++;
  });
  for (const gi of free) for (const key of ITEM_KEYS) if (!UNJUDGED_ITEM_KEYS.has(key) && (items[gi]?.[key]?.confidence ?? 0) >= CONFIDENT) confidentWrong++;
  return { entry, checks, confidentWrong, itemsOk, itemsTotal: truth.items.length };
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

/** Markdown tables by layout, by variant and by field, and the summary line. */
export function devsetTables(results: DevsetResult[]): string {
  const out: string[] = [];
  const group = (title: string, keyOf: (r: DevsetResult) => string) => {
    out.push(`| ${title} | files | fields exact | items whole | confident-wrong |`, '|---|---:|---:|---:|---:|');
    const keys = [...new Set(results.map(keyOf))].sort();
    for (const k of keys) {
      const rs = results.filter((r) => keyOf(r) === k);
      const checks = rs.flatMap((r) => r.checks);
      const ok = checks.filter((c) => c.ok).length;
      const items = rs.reduce((s, r) => s + r.itemsOk, 0);
      const itemsTotal = rs.reduce((s, r) => s + r.itemsTotal, 0);
      const cw = rs.reduce((s, r) => s + r.confidentWrong, 0);
      out.push(`| ${k} | ${rs.length} | ${ok}/${checks.length} (${pct(ok, checks.length)}) | ${items}/${itemsTotal} | ${cw} |`);
    }
    out.push('');
  };
  group('layout', (r) => r.entry.layout);
  group('variant', (r) => r.entry.variant);
  out.push('| field | exact | confident when right |', '|---|---:|---:|');
  const keys = [...new Set(results.flatMap((r) => r.checks.map((c) => c.key)))];
  for (const k of keys) {
    const cs = results.flatMap((r) => r.checks.filter((c) => c.key === k));
    const ok = cs.filter((c) => c.ok);
    out.push(`| ${k} | ${ok.length}/${cs.length} (${pct(ok.length, cs.length)}) | ${pct(ok.filter((c) => c.confident).length, ok.length)} |`);
  }
  const checks = results.flatMap((r) => r.checks);
  const ok = checks.filter((c) => c.ok).length;
  const cw = results.reduce((s, r) => s + r.confidentWrong, 0);
  out.push('', `devset: fields ${ok}/${checks.length} (${pct(ok, checks.length)}), confident-wrong ${cw} (${pct(cw, checks.length)}), items ${results.reduce((s, r) => s + r.itemsOk, 0)}/${results.reduce((s, r) => s + r.itemsTotal, 0)}`);
  return out.join('\n');
}
