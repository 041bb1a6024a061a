// Reads the operator's policy file (YAML or JSON), applies it over a shipped preset, and validates the result.
// At start-up a bad file stops the service with every bad key listed; a running service re-reads the file when it
// changes (watch-policy-file.ts) through the same validation, and a bad edit keeps the policy before it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { AppError } from '../../domain/app-error.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import { resolvePolicy } from '../../domain/policy/resolve-policy.ts';

export const PRESETS_DIR = path.resolve(import.meta.dirname, '../../../config/policies');
/** Used when no policy file is configured, so `npm start` works with no setup. */
export const DEFAULT_PRESET = 'fashion-email';

/** Presets by name (file name without extension). */
export function loadPresets(dir: string = PRESETS_DIR): Record<string, unknown> {
  const presets: Record<string, unknown> = {};
  for (const name of readdirSync(dir).sort()) {
    const ext = path.extname(name);
    if (!['.yaml', '.yml', '.json'].includes(ext)) continue;
    presets[path.basename(name, ext)] = readConfigFile(path.join(dir, name));
  }
  return presets;
}

/** The effective policy: `file` (preset + overrides), or the default preset when no file is given. */
export function loadPolicy(file?: string, presetsDir: string = PRESETS_DIR): Policy {
  if (file === undefined) return policyFrom({ preset: DEFAULT_PRESET }, undefined, presetsDir);
  return policyFromText(readPolicyText(file), file, presetsDir);
}

/** The policy a file's text describes (`file` names it in messages and picks YAML or JSON by its extension). */
export function policyFromText(text: string, file: string, presetsDir: string = PRESETS_DIR): Policy {
  return policyFrom(parseConfigText(text, file), file, presetsDir);
}

function policyFrom(config: unknown, file: string | undefined, presetsDir: string): Policy {
  const resolved = resolvePolicy(config, loadPresets(presetsDir));
  if (!resolved.ok) {
    const where = file ?? `preset ${DEFAULT_PRESET}`;
    throw new AppError('config_invalid', `Invalid return policy (${where}):\n${resolved.errors.map((e) => `  ${e}`).join('\n')}`);
  }
  return deepFreeze(resolved.policy);
}

function readConfigFile(file: string): unknown {
  return parseConfigText(readPolicyText(file), file);
}

export function readPolicyText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('config_invalid', `Cannot read policy file ${file}: ${(cause as Error).message}`, { cause });
  }
}

function parseConfigText(text: string, file: string): unknown {
  try {
    return path.extname(file) === '.json' ? JSON.parse(text) : YAML.parse(text);
  } catch (cause) {
    throw new AppError('config_invalid', `Policy file ${file} is not valid ${path.extname(file) === '.json' ? 'JSON' : 'YAML'}: ${(cause as Error).message}`, { cause });
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
