// An application is signed before the e-mail that brings it is sent, and not long before: a doubtful reading of
// its date that falls after that day or more than a year before it had a digit misread ("2020-10-31" on a mail of
// 2025-11-02, "2075-10-31"). The one date a single digit away inside that year is the date; several, or none,
// leave the reading as it was. No order is needed: the e-mail's own day is the bound.
import type { ParsedApplication } from '../../domain/application.ts';
import { CONFIDENT } from '../parse/score-confidence.ts';
import { alternatives } from './date-fitting-order.ts';
import { daysBetween, isIsoDate } from './iso-date.ts';

/** An application older than this when sent is a misread date (return windows are days, claims on defects months). */
const MAX_DAYS_BEFORE_SENDING = 365;
/** The paper's day and the mail's may be in different time zones. */
const SLACK_DAYS = 1;
/** A date mended by this bound alone is a guess a person should see. */
const MENDED = 0.5;

export function dateBeforeSending(application: ParsedApplication, sentOn: string): ParsedApplication {
  const date = application.fields.applicationDate;
  if (!date || date.confidence >= CONFIDENT || ['agent', 'order', 'header'].includes(date.source ?? '') || !isIsoDate(sentOn)) return application;
  const fits = (d: string) => {
    const before = daysBetween(d, sentOn);
    return before !== null && before >= -SLACK_DAYS && before <= MAX_DAYS_BEFORE_SENDING;
  };
  if (!isIsoDate(date.value) || fits(date.value)) return application;
  const fitting = alternatives(date.value).filter(fits);
  if (fitting.length !== 1) return application;
  const mended = { ...date, value: fitting[0]!, confidence: Math.min(date.confidence, MENDED), readValue: date.value };
  return { ...application, fields: { ...application.fields, applicationDate: mended } };
}
