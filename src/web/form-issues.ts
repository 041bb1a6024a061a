// A refused form's problems as phrases the page translates, one per field (issue #14: "amount: amount in roubles, e.g.
// 500.00" stayed English on a Russian page). The field by its label; the schema's own message when it gave one (each
// has its Russian in ru-messages.yaml, the dictionary test finds them), else a plain phrase by zod's issue code.
import type { ZodError } from 'zod';
import { FIELD_LABELS } from './view-models/return-view.ts';

/** The desk's form fields that are not the application's own (those are named by FIELD_LABELS). */
export const FORM_FIELD_LABELS: Record<string, string> = {
  amount: 'Amount',
  paidOn: 'Paid on',
  shipBy: 'Ship by',
  reason: 'Reason',
  note: 'Note',
  customerNote: 'What the customer is told',
  trackingNumber: 'Tracking number',
  returnNumber: 'Return number',
  text: 'Answer',
  replyKey: 'Form',
  result: 'Inspection result',
  format: 'Export format',
  password: 'Password',
  role: 'Role',
  name: 'Name',
  form: 'Form',
};

/** What a field gets when zod words the problem itself ("Too small: expected string to have >=3 characters"). */
export const ZOD_ISSUE_PHRASES = {
  required: 'Fill it in.',
  atLeastCharacters: 'At least {n} characters.',
  atMostCharacters: 'At most {n} characters.',
  atLeast: 'At least {n}.',
  atMost: 'At most {n}.',
  choice: 'Not one of the choices.',
  email: 'Not an e-mail address.',
  format: 'Not in the expected form.',
  invalid: 'Not valid.',
} as const;

export interface FormIssue {
  /** The field's label, in English (translated by the page). */
  field: string;
  /** The problem, in English: the schema's message or one of ZOD_ISSUE_PHRASES. */
  message: string;
  /** Values of the message's placeholders (`{n}`). */
  n?: number | string;
}

// zod's own English starts so; our schemas' messages never do (they read "a date, e.g. 2026-12-05").
const ZOD_WORDING = /^(?:Invalid|Too (?:small|big)|Unrecognized)\b/;

export function formIssues(error: ZodError): FormIssue[] {
  return error.issues.map((issue) => {
    const key = issue.path.map(String).join('.') || 'form';
    const field = FIELD_LABELS[key] ?? FORM_FIELD_LABELS[key] ?? key;
    if (!ZOD_WORDING.test(issue.message)) return { field, message: issue.message };
    return { field, ...zodPhrase(issue) };
  });
}

/** One line for a log or a JSON answer: "amount: amount in roubles, e.g. 500.00". */
export function formIssuesText(issues: FormIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.message.replace('{n}', String(i.n ?? ''))}`).join('; ');
}

function zodPhrase(issue: ZodError['issues'][number]): Pick<FormIssue, 'message' | 'n'> {
  const P = ZOD_ISSUE_PHRASES;
  const text = 'origin' in issue && issue.origin === 'string';
  switch (issue.code) {
    case 'too_small': {
      const n = Number(issue.minimum);
      if (text) return n <= 1 ? { message: P.required } : { message: P.atLeastCharacters, n };
      return { message: P.atLeast, n };
    }
    case 'too_big':
      return { message: text ? P.atMostCharacters : P.atMost, n: Number(issue.maximum) };
    case 'invalid_type':
      // A form posts strings: a value of another type is one the browser never sent.
      return { message: /received undefined$/.test(issue.message) ? P.required : P.invalid };
    case 'invalid_value':
      return { message: P.choice };
    case 'invalid_format':
      return { message: issue.format === 'email' ? P.email : P.format };
    default:
      return { message: P.invalid };
  }
}
