// Whether a document is a return application at all: a title or our form's id says so outright;
// otherwise enough of the application's own fields must have been found (an invoice has an order number
// and items, but no reason, refund details or applicant).
import type { Fields, Item } from '../../domain/application.ts';
import { FORM_ID, FORM_TITLE_EN, FORM_TITLE_RU } from '../../domain/application-form.ts';
import { z } from 'zod';
import { loadLexicon } from './lexicon/load-lexicon.ts';
import type { Line } from './prepare-lines.ts';
import { skeleton } from './skeleton.ts';
import { LOW_CONFIDENCE } from './score-confidence.ts';

const TITLES = [FORM_TITLE_RU, FORM_TITLE_EN, FORM_ID, ...loadLexicon('titles.yaml', z.array(z.string().min(3)))].map((t) => skeleton(t.toLowerCase()).text);
const REQUEST = /прошу\s+(?:принять|произвести|оформить|осуществить)?\s*возврат|прошу\s+вернуть|хочу\s+вернуть|хочу\s+оформить\s+возврат|оформить\s+возврат|i\s+(?:would\s+like|want)\s+to\s+return|request\s+a\s+return/i;

/** Application-specific fields: one of these plus two more of anything make an application. */
const OWN_FIELDS = ['reason', 'refundMethod', 'bik', 'account', 'cardLast4', 'receivedDate', 'reasonText'] as const;

/** A title is a heading, not a phrase in a sentence ("прикладываю заявление на возврат …" is not an application). */
const TITLE_SLACK = 16;

function isTitleLine(text: string): boolean {
  const line = skeleton(text).text;
  return TITLES.some((t) => line.includes(t) && line.length <= t.length + TITLE_SLACK);
}

/** Fields a titled form needs filled in to count (a blank form has none). */
const TITLE_MIN_FIELDS = 1;

/** A request in prose ("хочу вернуть …") is an application only with the details a clerk needs to act on it. */
const PROSE_MIN_FIELDS = 4;

export function looksLikeApplication(lines: Line[], fields: Fields, items: Item[], formFields?: Record<string, string>): boolean {
  const found = (Object.values(fields) as Array<{ confidence: number } | undefined>).filter((f) => f && f.confidence >= LOW_CONFIDENCE).length + (items.length > 0 ? 1 : 0);
  // A title says so once something is filled in: our blank form sent back is not an application.
  if (found >= TITLE_MIN_FIELDS && lines.some((l) => isTitleLine(l.text))) return true;
  const own = OWN_FIELDS.filter((k) => (fields[k]?.confidence ?? 0) >= LOW_CONFIDENCE).length;
  if (formFields && Object.keys(formFields).length > 0 && found >= 2) return true;
  if (lines.some((l) => REQUEST.test(l.text)) && found >= PROSE_MIN_FIELDS) return true;
  return own >= 1 && found >= 3;
}
