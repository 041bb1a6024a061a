// Dates on the application that no order can vouch for: a date in the future is a misreading or a mistake.
import type { ParsedApplication } from '../../domain/application.ts';
import type { DecisionReason } from '../../domain/decision.ts';
import { reason } from './decision-reasons.ts';
import { daysBetween, isIsoDate } from './iso-date.ts';

const DATE_FIELDS = ['orderDate', 'receivedDate', 'applicationDate'] as const;

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
