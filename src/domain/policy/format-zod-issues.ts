// Turns zod issues into one line per bad key, naming the path and what was actually there, so an operator
// fixing a config or an import file sees every mistake at once: `returnWindowDays: expected number, got "seven"`.
import type { z } from 'zod';

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function formatZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const at = formatPath(issue.path);
    const got = describeValue(valueAt(input, issue.path));
    switch (issue.code) {
      case 'invalid_type':
        lines.push(`${at}: expected ${issue.expected}, got ${got}`);
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) lines.push(`${formatPath([...issue.path, key])}: unknown key`);
        break;
      case 'invalid_value':
        lines.push(`${at}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`);
        break;
      default:
        lines.push(`${at}: ${issue.message}, got ${got}`);
    }
  }
  return lines;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  // Long values (a whole nested object) would drown the message; the path already says where to look.
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
