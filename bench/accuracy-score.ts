// Scoring for bench/accuracy.ts: one sample's parse against its ground truth, and the report tables.
// A value is right only when it equals the canonical ground truth exactly. Fields and item cells count
// alike; item cells are grouped as `items.<key>`.
import type { ParsedApplication } from '../src/domain/application.ts';
import type { DocumentSample } from '../scripts/samples/document-samples.ts';
import type { Expected } from '../scripts/samples/expected-schema.ts';

export const CONFIDENT = 0.9;

export interface Cell {
  key: string;
  want?: string;
  got?: string;
  confidence?: number;
}

export interface SampleResult {
  file: string;
  variant: string;
  seconds: number;
  cells: Cell[];
  /** Problem codes the ground truth requires, and whether each was reported. */
  requiredProblems: Array<{ code: string; reported: boolean }>;
  reportedProblems: string[];
}

/** The benchmark's variant of a document sample, from how the generator rendered it. */
export function variantOf(sample: DocumentSample): string {
  const r = sample.render;
  if (sample.layout === 'letter' || sample.layout === 'marketplace') return 'other layouts';
  switch (r.kind) {
    case 'text-pdf':
      return sample.layout === undefined || sample.layout === 'form' ? 'text PDF' : 'bad input';
    case 'multipage-pdf':
      return r.scan ? 'scanned PDF' : 'text PDF';
    case 'fillable-pdf':
      return 'fillable PDF';
    case 'png-scan':
      if (sample.application === undefined) return 'bad input';
      return r.scan.dpi >= 300 ? '300 dpi scan' : '150 dpi scan';
    case 'scanned-pdf':
      return 'scanned PDF';
    case 'photo-jpeg': {
      if (sample.layout === 'receipt') return 'bad input';
      const harsh = (r.photo.shadow?.strength ?? 0) >= 0.35 && r.photo.blurSigma >= 0.9;
      return harsh ? 'harsh photo' : 'photo';
    }
    case 'photo-heic':
      return 'HEIC photo';
    default:
      return 'bad input';
  }
}

export function scoreSample(file: string, variant: string, expected: Expected, parsed: ParsedApplication, ms: number): SampleResult {
  const cells: Cell[] = [];
  const keys = new Set([...Object.keys(expected.fields), ...Object.keys(parsed.fields)]);
  for (const key of keys) {
    const want = expected.fields[key as keyof Expected['fields']];
    const got = parsed.fields[key as keyof ParsedApplication['fields']];
    cells.push({ key, ...(want !== undefined ? { want } : {}), ...(got ? { got: got.value, confidence: got.confidence } : {}) });
  }
  const rows = Math.max(expected.items.length, parsed.items.length);
  for (let i = 0; i < rows; i += 1) {
    const want = expected.items[i] ?? {};
    const got = parsed.items[i] ?? {};
    for (const key of new Set([...Object.keys(want), ...Object.keys(got)])) {
      const w = want[key as keyof typeof want];
      const g = got[key as keyof typeof got];
      cells.push({ key: `items.${key}`, ...(w !== undefined ? { want: w } : {}), ...(g ? { got: g.value, confidence: g.confidence } : {}) });
    }
  }
  const reported = [...new Set(parsed.problems.map((p) => p.code))];
  return {
    file,
    variant,
    seconds: ms / 1000,
    cells,
    requiredProblems: expected.problems.map((code) => ({ code, reported: reported.includes(code) })),
    reportedProblems: reported,
  };
}

interface Tally {
  expected: number;
  right: number;
  wrong: number;
  missing: number;
  spurious: number;
  confident: number;
  confidentWrong: number;
}

const empty = (): Tally => ({ expected: 0, right: 0, wrong: 0, missing: 0, spurious: 0, confident: 0, confidentWrong: 0 });

function add(t: Tally, c: Cell): void {
  if (c.want !== undefined) {
    t.expected += 1;
    if (c.got === undefined) t.missing += 1;
    else if (c.got === c.want) t.right += 1;
    else t.wrong += 1;
  } else if (c.got !== undefined) t.spurious += 1;
  if (c.got !== undefined && (c.confidence ?? 0) >= CONFIDENT) {
    t.confident += 1;
    if (c.got !== c.want) t.confidentWrong += 1;
  }
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

function table(title: string, groups: Map<string, Tally>, extra?: (name: string) => string): string {
  const head = `| ${title} | fields | exact | wrong | missing | spurious | conf ≥ 0.9 | of which wrong |${extra ? ' samples |' : ''}\n|---|---:|---:|---:|---:|---:|---:|---:|${extra ? '---:|' : ''}\n`;
  const rows = [...groups.entries()].map(
    ([name, t]) =>
      `| ${name} | ${t.expected} | ${pct(t.right, t.expected)} | ${t.wrong} | ${t.missing} | ${t.spurious} | ${t.confident} (${pct(t.confident, t.expected + t.spurious)}) | ${t.confidentWrong} (${pct(t.confidentWrong, t.confident)}) |${extra ? ` ${extra(name)} |` : ''}`,
  );
  return head + rows.join('\n') + '\n';
}

const VARIANT_ORDER = ['text PDF', 'fillable PDF', '300 dpi scan', 'scanned PDF', '150 dpi scan', 'photo', 'harsh photo', 'HEIC photo', 'other layouts', 'e-mail body'];

export function summarise(results: SampleResult[], options: { details: boolean; seconds: number }): string {
  const byField = new Map<string, Tally>();
  const byVariant = new Map<string, Tally>(VARIANT_ORDER.map((v) => [v, empty()]));
  const samples = new Map<string, number>();
  const overall = empty();
  for (const r of results) {
    if (r.variant === 'bad input') continue;
    samples.set(r.variant, (samples.get(r.variant) ?? 0) + 1);
    for (const c of r.cells) {
      if (!byField.has(c.key)) byField.set(c.key, empty());
      add(byField.get(c.key)!, c);
      if (!byVariant.has(r.variant)) byVariant.set(r.variant, empty());
      add(byVariant.get(r.variant)!, c);
      add(overall, c);
    }
  }
  for (const [v, t] of byVariant) if (t.expected === 0 && t.spurious === 0) byVariant.delete(v);
  const groups = {
    'exact sources (text PDF, fillable, body)': ['text PDF', 'fillable PDF', 'e-mail body'],
    'clean scans (300 dpi, scanned PDF)': ['300 dpi scan', 'scanned PDF'],
    'phone photos (photo, harsh, HEIC)': ['photo', 'harsh photo', 'HEIC photo'],
  };
  const grouped = new Map<string, Tally>();
  for (const [name, members] of Object.entries(groups)) {
    const t = empty();
    for (const m of members) {
      const v = byVariant.get(m);
      if (v) for (const k of Object.keys(t) as Array<keyof Tally>) t[k] += v[k];
    }
    grouped.set(name, t);
  }
  grouped.set('all', overall);

  let out = `# Accuracy on ${results.length} samples (${options.seconds.toFixed(0)} s)\n\n`;
  out += '## Per field\n\n' + table('field', new Map([...byField.entries()].sort(([a], [b]) => a.localeCompare(b)))) + '\n';
  out += '## Per variant\n\n' + table('variant', byVariant, (name) => String(samples.get(name) ?? 0)) + '\n';
  out += '## Overall\n\n' + table('group', grouped) + '\n';
  out += `Confident-but-wrong: ${overall.confidentWrong} of ${overall.confident} values at confidence ≥ ${CONFIDENT} (${pct(overall.confidentWrong, overall.confident)}); `;
  out += `${pct(overall.confidentWrong, overall.expected + overall.spurious)} of all fields.\n\n`;

  out += '## Bad input\n\n| sample | required problems | reported |\n|---|---|---|\n';
  for (const r of results.filter((x) => x.requiredProblems.length > 0)) {
    const req = r.requiredProblems.map((p) => `${p.reported ? '✓' : '✗'} ${p.code}`).join(', ');
    out += `| ${r.file} | ${req} | ${r.reportedProblems.join(', ')} |\n`;
  }
  const slow = [...results].sort((a, b) => b.seconds - a.seconds)[0];
  if (slow) out += `\nSlowest sample: ${slow.file} (${slow.seconds.toFixed(1)} s).\n`;

  if (options.details) {
    out += '\n## Wrong, missing and spurious values\n\n';
    for (const r of results) {
      const bad = r.cells.filter((c) => c.got !== c.want);
      if (bad.length === 0) continue;
      out += `${r.file} [${r.variant}]\n`;
      for (const c of bad) out += `  ${c.key}: want ${JSON.stringify(c.want ?? null)} got ${JSON.stringify(c.got ?? null)} (${c.confidence ?? '—'})\n`;
    }
  }
  return out;
}
