// A handwritten date read with one digit wrong can be a day that cannot be: an application signed years before its
// order was placed ("2020-10-31" for an order of 2025-10-23). The digits are kept as alternatives — every other
// digit in each place — and the order chooses: the one real date within a year after the goods arrived is the
// date, misread. More than one such date, or none, leaves the reading as it was.
import { daysBetween, isIsoDate } from './iso-date.ts';

/** An application is written after the goods arrive and, for any return the law allows, within this many days. */
const MAX_DAYS_AFTER_DELIVERY = 365;

export function dateFittingOrder(read: string, from: string): string | undefined {
  if (!isIsoDate(read) || !isIsoDate(from)) return undefined;
  if (fits(read, from)) return undefined;
  const fitting = new Set<string>();
  for (let i = 0; i < read.length; i++) {
    if (!/\d/.test(read[i]!)) continue;
    for (let d = 0; d <= 9; d++) {
      const candidate = `${read.slice(0, i)}${d}${read.slice(i + 1)}`;
      if (candidate !== read && isIsoDate(candidate) && fits(candidate, from)) fitting.add(candidate);
    }
  }
  return fitting.size === 1 ? [...fitting][0] : undefined;
}

function fits(date: string, from: string): boolean {
  const days = daysBetween(from, date);
  return days !== null && days >= 0 && days <= MAX_DAYS_AFTER_DELIVERY;
}
