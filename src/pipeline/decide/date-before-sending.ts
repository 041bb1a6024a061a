// An application is signed before the e-mail that brings it is sent, and not long before — nor before the goods
// arrived, when the paper gives that day: a doubtful reading of its date outside that window had a digit misread
// ("2020-10-31" on a mail of 2025-11-02, "2075-10-31"). The one date a single digit away inside it is the date (two
// digits, in a window of a few weeks); several, or none, leave the reading as it was. No order is needed.
import type { ParsedApplication } from '../../domain/application.ts';
import { CONFIDENT } from '../parse/score-confidence.ts';
import { onlyFittingDate } from './date-fitting-order.ts';
import { daysBetween, isIsoDate } from './iso-date.ts';

/** An application older than this when sent is a misread date (return windows are days, claims on defects months). */
const MAX_DAYS_BEFORE_SENDING = 365;
/** The paper's day and the mail's may be in different time zones. */
const SLACK_DAYS = 1;
/** A window this short (arrival to e-mail) is narrow enough to try dates two digits away. */
const SHORT_WINDOW_DAYS = 31;
/** A date mended by this bound alone is a guess a person should see. */
const MENDED = 0.5;

export function dateBeforeSending(application: ParsedApplication, sentOn: string): ParsedApplication {
  const date = application.fields.applicationDate;
  if (!date || date.confidence >= CONFIDENT || ['agent', 'order', 'header'].includes(date.source ?? '') || !isIsoDate(sentOn)) return application;
  // The goods' arrival, when the paper gives a real day before the e-mail, is a later start than a year back.
  const received = application.fields.receivedDate?.value;
  const start = received && isIsoDate(received) && (daysBetween(received, sentOn) ?? -1) >= 0 && (daysBetween(received, sentOn) ?? 0) <= MAX_DAYS_BEFORE_SENDING ? received : undefined;
  const fits = (d: string) => {
    const before = daysBetween(d, sentOn);
    const after = start ? daysBetween(start, d) : 0;
    return before !== null && after !== null && after >= 0 && before >= -SLACK_DAYS && before <= MAX_DAYS_BEFORE_SENDING;
  };
  if (!isIsoDate(date.value) || fits(date.value)) return application;
  // Between the goods' arrival and the e-mail there are few days: two digits misread still leave one date or none.
  const shortWindow = start !== undefined && (daysBetween(start, sentOn) ?? Infinity) <= SHORT_WINDOW_DAYS;
  const fitting = onlyFittingDate(date.value, fits, shortWindow);
  if (fitting === undefined) return application;
  const mended = { ...date, value: fitting, confidence: Math.min(date.confidence, MENDED), readValue: date.value };
  return { ...application, fields: { ...application.fields, applicationDate: mended } };
}
