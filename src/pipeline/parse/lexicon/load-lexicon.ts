// Loads a lexicon file (YAML beside this module) and validates it with zod at load: a typo in a field name
// or a wrong shape stops start-up with the file and the path named, never a silently unused phrasing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export function loadLexicon<T>(file: string, schema: z.ZodType<T>): T {
  const full = path.join(import.meta.dirname, file);
  const result = schema.safeParse(parse(readFileSync(full, 'utf8')));
  if (!result.success) throw new Error(`lexicon ${file} is invalid: ${z.prettifyError(result.error)}`);
  return result.data;
}
