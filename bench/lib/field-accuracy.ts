// Scores parsed fields against a sample's ground truth (*.expected.json): every expected field and item
// cell counts once; a value is right only when it equals the canonical value exactly.
import type { Fields, Item } from '../../src/domain/application.ts';

export interface Expected {
  fields: Record<string, string>;
  items: Array<Record<string, string>>;
}

export interface Score {
  right: number;
  total: number;
  wrong: string[];
}

export function scoreFields(expected: Expected, fields: Fields, items: Item[]): Score {
  const score: Score = { right: 0, total: 0, wrong: [] };
  const check = (name: string, want: string, got: string | undefined) => {
    score.total++;
    if (got === want) score.right++;
    else score.wrong.push(`${name}: want ${JSON.stringify(want)}, got ${got === undefined ? '—' : JSON.stringify(got)}`);
  };
  for (const [key, want] of Object.entries(expected.fields)) check(key, want, fields[key as keyof Fields]?.value);
  expected.items.forEach((item, i) => {
    for (const [key, want] of Object.entries(item)) check(`items[${i}].${key}`, want, items[i]?.[key as keyof Item]?.value);
  });
  return score;
}
