// Dates on the application that no order can vouch for: a date in the future is a misreading or a mistake.
// The application's own date is not among them: `today` is the day the e-mail arrived, every rule counts from it
// (#13), and a signature dated after the arrival or unreadable (a slip of the pen, a misread digit) changes no outcome.
import type { ParsedApplication } from '../../domain/application.ts';
import type { DecisionReason } from '../../domain/decision.ts';
import { reason } from './decision-reasons.ts';
import { daysBetween, isIsoDate } from './iso-date.ts';

/** The dates a rule counts from or checks against the order. */
const DATE_FIELDS = ['orderDate', 'receivedDate'] as const;

export function checkDates(application: ParsedApplication, today: string): DecisionReason[] {
  const reasons: DecisionReason[] = [];
  for (const key of DATE_FIELDS) {
    const value = application.fields[key]?.value;
    if (value === undefined) continue;
    if (!isIsoDate(value)) {
      reasons.push(reason('invalid_value', `${key} is not a date: ${JSON.stringify(value)}.`, key));
      continue;
    }
    const ahead = daysBetween(today, value);
    if (ahead !== null && ahead > 0) reasons.push(reason('date_in_future', `${key} ${value} is after today (${today}).`, key));
  }
  const ordered = application.fields.orderDate?.value;
  const received = application.fields.receivedDate?.value;
  if (ordered && received && isIsoDate(ordered) && isIsoDate(received) && (daysBetween(ordered, received) ?? 0) < 0) {
    reasons.push(reason('inconsistent', `receivedDate ${received} is before orderDate ${ordered} on the application.`, 'receivedDate'));
  }
  return reasons;
}
