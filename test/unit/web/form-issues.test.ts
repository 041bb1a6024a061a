// A refused form's problems, field by field, as phrases the page translates: the schema's own message when it gave
// one, else a plain phrase for zod's own wording (which never reaches a page).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ReceiptAmountSchema } from '../../../src/pipeline/review/desk-steps.ts';
import { FIELD_LABELS } from '../../../src/web/view-models/return-view.ts';
import { formIssues, formIssuesText, ZOD_ISSUE_PHRASES } from '../../../src/web/form-issues.ts';

const issuesOf = (schema: z.ZodType, value: unknown) => formIssues(schema.safeParse(value).error!);

describe('formIssues', () => {
  it('keeps a schema\'s own message, the field named by its label', () => {
    const issues = issuesOf(ReceiptAmountSchema, { amount: '12,5 руб' });
    expect(issues).toEqual([{ field: 'Amount', message: 'amount in roubles, e.g. 450.00' }]);
    expect(formIssuesText(issues)).toBe('Amount: amount in roubles, e.g. 450.00');
  });

  it('words zod\'s own problems plainly, with their numbers', () => {
    const schema = z.object({ text: z.string().min(3).max(5), note: z.string().max(2), role: z.enum(['a', 'b']), email: z.email(), reason: z.string().min(1), replyKey: z.string() });
    const issues = issuesOf(schema, { text: 'x', note: 'long', role: 'c', email: 'nope', reason: '' });
    expect(issues).toEqual([
      { field: 'Answer', message: ZOD_ISSUE_PHRASES.atLeastCharacters, n: 3 },
      { field: 'Note', message: ZOD_ISSUE_PHRASES.atMostCharacters, n: 2 },
      { field: 'Role', message: ZOD_ISSUE_PHRASES.choice },
      { field: FIELD_LABELS.email, message: ZOD_ISSUE_PHRASES.email },
      { field: 'Reason', message: ZOD_ISSUE_PHRASES.required },
      { field: 'Form', message: ZOD_ISSUE_PHRASES.required },
    ]);
    expect(formIssuesText(issues.slice(0, 1))).toBe('Answer: At least 3 characters.');
  });
});
