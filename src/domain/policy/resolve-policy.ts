// Builds the effective policy from the operator's config: `preset: <name>` picks a shipped preset, every other
// key overrides it (objects merge deeply, arrays and scalars replace). Pure: the loader does the file reading.
import { formatZodIssues } from './format-zod-issues.ts';
import { PolicySchema, type Policy } from './policy-schema.ts';

export type PolicyResolution = { ok: true; policy: Policy } | { ok: false; errors: string[] };

export function resolvePolicy(config: unknown, presets: Readonly<Record<string, unknown>>): PolicyResolution {
  if (!isPlainObject(config)) {
    return { ok: false, errors: [`(root): expected a mapping of policy keys, got ${JSON.stringify(config) ?? 'nothing'}`] };
  }
  const { preset, ...overrides } = config;
  let base: unknown = {};
  if (preset !== undefined) {
    if (typeof preset !== 'string' || !Object.hasOwn(presets, preset)) {
      const known = Object.keys(presets).join(', ');
      return { ok: false, errors: [`preset: unknown preset ${JSON.stringify(preset)} (known: ${known})`] };
    }
    base = presets[preset];
  }
  const merged = deepMerge(base, overrides);
  const parsed = PolicySchema.safeParse(merged);
  if (!parsed.success) return { ok: false, errors: formatZodIssues(parsed.error.issues, merged) };
  return { ok: true, policy: parsed.data };
}

export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = deepMerge(base[key], value);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
