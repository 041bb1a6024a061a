// The messages the machine writes for people (check reasons, reading problems, refund notes, refusals), found in the
// source as the string or template literal passed to `reason(…)`, `problem(…)`, `new AppError(…)`, a `message:`
// key or a timeline note's `reason:` key, or given as its own message to a check of a form's zod schema (`.regex(/…/, '…')`), each as a sample: every `${…}` replaced by a value of its own. The UI dictionary test translates each sample,
// so a message added in English without its Russian pattern in src/web/i18n/ru.yaml fails.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where the messages shown on the review UI are written (the CLI's and the configuration's go to a terminal). */
const SOURCES = ['src/pipeline', 'src/domain', 'src/web', 'src/adapters/documents', 'src/adapters/pdf'];
const CALL = /(?:\breason\(\s*'[a-z_]+',\s*|\bproblem\([^,()]+(?:\([^)]*\))?,\s*'[a-z_]+',\s*|new AppError\(\s*'[a-z_]+',\s*|\bmessage:\s*|\berror:\s*)(?=[`'"])/g;
/** Where the schemas of the forms the desk posts live: their checks' own messages are shown on a refused form. */
const FORM_SOURCES = ['src/web', 'src/pipeline/review', 'src/pipeline/conversation', 'src/pipeline/refunds'];
/** The notes the machine writes on a return's timeline and an e-mail's state (`reason: '…'` of an event or a state change). */
const NOTE_SOURCES = ['src/pipeline', 'src/adapters/db'];
const NOTE = /\breason:\s*(?=[`'"])/g;
/** A zod check's own message: `.regex(/…/, '…')`, `.min(3, '…')`, `.refine(isDay, '…')` (src/web/form-issues.ts). */
const ZOD_CHECK = /\.(?:regex\(\s*\/(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n])+\/[a-z]*|(?:min|max|length|gte|lte|refine)\(\s*[\w.]+),\s*(?=[`'"])/g;

export interface MachineMessage {
  file: string;
  /** The literal as written, `${…}` kept. */
  literal: string;
  /** With each `${…}` replaced by a sample value ("X1", "X2", …). */
  sample: string;
}

export function machineMessages(root = process.cwd()): MachineMessage[] {
  const found: MachineMessage[] = [];
  const scan = (dirs: string[], pattern: RegExp) => {
    for (const file of dirs.flatMap((dir) => walk(path.join(root, dir)))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(pattern)) {
        const start = match.index + match[0].length;
        const literal = readLiteral(text, start);
        if (literal) found.push({ file: path.relative(root, file), literal: literal.raw, sample: literal.sample });
      }
    }
  };
  scan(SOURCES, CALL);
  scan(NOTE_SOURCES, NOTE);
  scan(FORM_SOURCES, ZOD_CHECK);
  return found;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** A '…', "…" or `…` literal at `start`; in a template, each `${…}` (nested braces and templates too) is one value. */
function readLiteral(text: string, start: number): { raw: string; sample: string } | null {
  const quote = text[start]!;
  let i = start + 1;
  let sample = '';
  let values = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      sample += text[i + 1];
      i += 2;
      continue;
    }
    if (c === quote) return { raw: text.slice(start, i + 1), sample };
    if (quote === '`' && c === '$' && text[i + 1] === '{') {
      i = skipExpression(text, i + 2);
      sample += `X${++values}`;
      continue;
    }
    sample += c;
    i++;
  }
  return null;
}

/** The index just past the `}` closing an expression that starts at `i`. */
function skipExpression(text: string, i: number): number {
  let depth = 1;
  while (i < text.length && depth > 0) {
    const c = text[i]!;
    if (c === '`' || c === "'" || c === '"') {
      const inner = readLiteral(text, i);
      i += inner ? inner.raw.length : 1;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') depth--;
    i++;
  }
  return i;
}
