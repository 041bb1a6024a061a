// The reason for a return from the customer's own words ("брак, порвался шов", "не подошёл размер"), for
// layouts without checkboxes and for the reason column of the items table. The wordings are data
// (lexicon/reasons.yaml); the first reason in the file whose phrase the text holds wins.
import { z } from 'zod';
import { ReasonSchema, type Reason } from '../../domain/application.ts';
import { loadLexicon } from './lexicon/load-lexicon.ts';

const ReasonLexiconSchema = z.array(z.tuple([ReasonSchema, z.array(z.string().min(2))]));

function compile(phrase: string): RegExp {
  const escaped = fold(phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');
  return new RegExp(`(?<![а-яa-z0-9])${escaped}`, 'u');
}

const fold = (text: string) => text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

// Loaded with plain string keys: a record keyed by the reason enum would come back in the enum's order, not the
// file's, and the file's order is what decides between reasons (the tuples check the keys instead).
export const REASON_PHRASES: ReadonlyArray<[Reason, string[]]> = ReasonLexiconSchema.parse(
  Object.entries(loadLexicon('reasons.yaml', z.record(z.string(), z.array(z.string().min(2))))),
);
const RULES = REASON_PHRASES.map(([reason, phrases]) => ({ reason, patterns: phrases.map(compile) }));

export function inferReason(text: string): Reason | undefined {
  const folded = fold(text);
  return RULES.find((rule) => rule.patterns.some((re) => re.test(folded)))?.reason;
}

/** Every reason whose phrases the text holds: one alone means the words leave no doubt which it is. */
export function reasonsNamed(text: string): Set<Reason> {
  const folded = fold(text);
  return new Set(RULES.filter((rule) => rule.patterns.some((re) => re.test(folded))).map((rule) => rule.reason));
}
