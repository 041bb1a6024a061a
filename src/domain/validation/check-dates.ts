// Plausibility of an application's dates: the goods were ordered, then received, then the application
// was signed, and none of it happened after `today` (passed in: pure code does not read the clock).
import { problem, type Problem } from '../problem.ts';

export interface ApplicationDates {
  orderDate?: string;
  receivedDate?: string;
  applicationDate?: string;
}

/** Orders older than this are not a return application we can act on; most likely a misread year. */
const EARLIEST_PLAUSIBLE = '2000-01-01';

const LABEL: Record<keyof ApplicationDates, string> = {
  orderDate: 'order date',
  receivedDate: 'date received',
  applicationDate: 'application date',
};

/** ISO dates compare correctly as strings. */
export function checkDates(dates: ApplicationDates, today?: string): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(LABEL) as Array<keyof ApplicationDates>) {
    const value = dates[key];
    if (value === undefined) continue;
    if (value < EARLIEST_PLAUSIBLE) problems.push(problem(key, 'invalid_value', `${LABEL[key]} ${value} is implausibly old`));
    else if (today !== undefined && value > today) problems.push(problem(key, 'invalid_value', `${LABEL[key]} ${value} is in the future`));
  }
  const { orderDate, receivedDate, applicationDate } = dates;
  if (orderDate && receivedDate && receivedDate < orderDate) {
    problems.push(problem('receivedDate', 'inconsistent', `date received ${receivedDate} is before the order date ${orderDate}`));
  }
  const before = receivedDate ?? orderDate;
  if (before && applicationDate && applicationDate < before) {
    const which = receivedDate ? 'receivedDate' : 'orderDate';
    problems.push(problem('applicationDate', 'inconsistent', `application date ${applicationDate} is before the ${LABEL[which]} ${before}`));
  }
  return problems;
}
