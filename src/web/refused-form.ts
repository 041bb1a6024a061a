// A desk form the rules refused, shown again instead of an error page (issue #14): the page the agent was on, the
// problem beside the form they sent, what they typed kept. Faults and unknown pages still go to the error handler.
import type { FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { AppError, type AppErrorCode } from '../domain/app-error.ts';
import { formIssues, type FormIssue } from './form-issues.ts';
import { HTTP_STATUS } from './http-errors.ts';

/** What the form's sender can fix, or see changed: bad input, a step the lifecycle does not allow now, a race lost. */
const REFUSALS: readonly AppErrorCode[] = ['validation_failed', 'illegal_transition', 'conflict'];

export interface Refusal {
  /** The form's id on the page (`extend`, `reject`, `answer` …). */
  form: string;
  /** HTTP status: 400 for input, 409 for a step the return's state no longer allows. */
  status: number;
  /** The machine's English message (translated by the page), or the fields' problems. */
  message: string | null;
  issues: FormIssue[];
  /** What the agent typed, to fill the form again. */
  values: Record<string, string>;
}

/** The refusal an error stands for; null for anything else (a fault, a page that does not exist). */
export function refusalOf(error: unknown, form: string, body: unknown): Refusal | null {
  const values = typedValues(body);
  if (error instanceof ZodError) return { form, status: 400, message: null, issues: formIssues(error), values };
  if (error instanceof AppError && REFUSALS.includes(error.code)) return { form, status: HTTP_STATUS[error.code], message: error.message, issues: [], values };
  return null;
}

/** Runs a form's action; a refusal renders the page again with it (status set), anything else is thrown on. */
export async function orShowAgain<T>(reply: FastifyReply, form: string, body: unknown, act: () => Promise<T>, show: (refusal: Refusal) => Promise<unknown>): Promise<T | unknown> {
  try {
    return await act();
  } catch (error) {
    const refusal = refusalOf(error, form, body);
    if (!refusal) throw error;
    reply.code(refusal.status);
    return show(refusal);
  }
}

function typedValues(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf'));
}
