// A handwritten date read with one digit wrong can be a day that cannot be: an application signed years before its
// order was placed ("2020-10-31" for an order of 2025-10-23). The digits are kept as alternatives — every other
// digit in each place — and the order chooses: the one real date within a year after the goods arrived is the
// date, misread. More than one such date, or none, leaves the reading as it was.
import { daysBetween, isIsoDate } from './iso-date.ts';

/** An application is written after the goods arrive and, for any return the law allows, within this many days. */
const MAX_DAYS_AFTER_DELIVERY = 365;

/**
 * `latest`, when known (the day the e-mail was sent, or the day it is decided), closes the window: an application is
 * not signed after it is sent. In so short a window a reading with two digits wrong still leaves few dates, so two
 * are tried when one finds none — and still only a single fitting date is taken.
 */
export function dateFittingOrder(read: string, from: string, latest?: string): string | undefined {
  if (!isIsoDate(read) || !isIsoDate(from)) return undefined;
  const bound = latest !== undefined && isIsoDate(latest) ? latest : undefined;
  // A day's slack: the paper's date and the mail's may be in different time zones.
  const fitsHere = (date: string) => fits(date, from) && (bound === undefined || (daysBetween(date, bound) ?? -1) >= -1);
  if (fitsHere(read)) return undefined;
  return onlyFittingDate(read, fitsHere, bound !== undefined);
}

/**
 * The one real date a digit away from `read` that fits; when none does and `twoDigits`, the one two digits away.
 * Several, or none: undefined.
 */
export function onlyFittingDate(read: string, fitting: (date: string) => boolean, twoDigits: boolean): string | undefined {
  const one = alternatives(read).filter(fitting);
  if (one.length > 0 || !twoDigits) return one.length === 1 ? one[0] : undefined;
  const two = new Set(alternatives(read).flatMap((a) => alternatives(a)).filter((d) => d !== read && fitting(d)));
  return two.size === 1 ? [...two][0] : undefined;
}

/** Every real date with one digit of `date` changed. */
function alternatives(date: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < date.length; i++) {
    if (!/\d/.test(date[i]!)) continue;
    for (let d = 0; d <= 9; d++) {
      const candidate = `${date.slice(0, i)}${d}${date.slice(i + 1)}`;
      if (candidate !== date && isIsoDate(candidate)) out.add(candidate);
    }
  }
  return [...out];
}

function fits(date: string, from: string): boolean {
  const days = daysBetween(from, date);
  return days !== null && days >= 0 && days <= MAX_DAYS_AFTER_DELIVERY;
}
