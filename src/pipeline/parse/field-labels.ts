// Every label the parser recognises, by the field it introduces. Our form's own labels come from
// application-form.ts (one source for the printed form and the reader); the rest are the wordings of other
// shops' forms and of customers' own letters, kept as data in lexicon/labels.yaml.
import { z } from 'zod';
import { FieldKeySchema, type FieldKey } from '../../domain/application.ts';
import { FORM_CHOICES, FORM_FIELDS } from '../../domain/application-form.ts';
import { loadLexicon } from './lexicon/load-lexicon.ts';

/** Labels that introduce no field of ours but end the value before them (and whose own value is dropped). */
export type LabelTarget = FieldKey | 'reasonGroup' | 'refundGroup' | 'ignore';

export interface LabelDef {
  target: LabelTarget;
  text: string;
  /** Short or common words count as a label only at the start of a line. */
  lineStart?: boolean;
  /** Always ends the preceding value, even mid-sentence (passport data must never leak into a name). */
  cuts?: boolean;
}

const Phrasings = z.array(z.string().min(1));
const LabelTargetSchema = z.union([FieldKeySchema, z.enum(['reasonGroup', 'refundGroup', 'ignore'])]);
export const LabelLexiconSchema = z.strictObject({
  fields: z.partialRecord(LabelTargetSchema, Phrasings),
  lineStart: Phrasings,
  cutting: Phrasings,
});
export type LabelLexicon = z.infer<typeof LabelLexiconSchema>;

export const LABEL_LEXICON: LabelLexicon = loadLexicon('labels.yaml', LabelLexiconSchema);

export function buildLabels(lexicon: LabelLexicon): LabelDef[] {
  const lineStart = new Set(lexicon.lineStart.map((t) => t.toLowerCase()));
  const defs: LabelDef[] = [];
  const add = (target: LabelTarget, text: string) => {
    const lower = text.toLowerCase();
    defs.push({ target, text: lower, ...(lineStart.has(lower) ? { lineStart: true } : {}) });
  };
  for (const field of FORM_FIELDS) {
    add(field.key, `${field.labelRu} / ${field.labelEn}`);
    add(field.key, field.labelRu);
    add(field.key, field.labelEn);
  }
  add('reasonGroup', `${FORM_CHOICES.reason.labelRu} / ${FORM_CHOICES.reason.labelEn}`);
  add('refundGroup', `${FORM_CHOICES.refundMethod.labelRu} / ${FORM_CHOICES.refundMethod.labelEn}`);
  add('reasonGroup', FORM_CHOICES.reason.labelRu);
  add('refundGroup', FORM_CHOICES.refundMethod.labelRu);
  for (const [target, texts] of Object.entries(lexicon.fields) as Array<[LabelTarget, string[]]>) for (const t of texts) add(target, t);
  for (const t of lexicon.cutting) defs.push({ target: 'ignore', text: t.toLowerCase(), cuts: true });
  const seen = new Set<string>();
  return defs.filter((d) => {
    const key = `${d.target}|${d.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const FIELD_LABELS: readonly LabelDef[] = buildLabels(LABEL_LEXICON);
