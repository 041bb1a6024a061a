// The reason where no box is ticked: a code written in a box and explained by the form's own legend
// ("Код причины [4]" beside "1 – не подошёл размер … 4 – брак"), or the customer's words in a letter.
import type { Reason } from '../../domain/application.ts';
import { inferReason } from './infer-reason.ts';
import { CELL_SEPARATOR, type Line } from './prepare-lines.ts';

/** "4 – брак", "2 - не понравился внешний вид": a legend entry, up to the next entry or cell. */
const LEGEND = /(?<![\d.,])(\d)\s*[-–—)]\s*([^\t\d]+?)(?=\s*\d\s*[-–—)]|\t|$)/gu;

/** A reason written as one digit in a box: "4", "[4]", "| 4 |". */
const REASON_CODE = /^\s*[|[(]?\s*(\d)\s*[|\])]?\s*$/;

export function isReasonCode(raw: string): boolean {
  return REASON_CODE.test(raw);
}

/** The reason a written code stands for, from the legend printed on the same page. */
export function codedReason(raw: string, lines: Line[]): Reason | undefined {
  const code = REASON_CODE.exec(raw)?.[1];
  if (!code) return undefined;
  for (const line of lines) {
    for (const m of line.text.matchAll(LEGEND)) {
      if (m[1] === code) return inferReason(m[2]!);
    }
  }
  return undefined;
}

/** The reason a letter gives in its own words: every line of running text, the strongest reason first. */
export function reasonFromProse(lines: Line[], skip: Set<number>): { reason: Reason; line: Line } | undefined {
  const running = lines.filter((l, i) => !skip.has(i) && !LEGEND_LINE.test(l.text) && !OPTION_BOXES.test(l.text));
  const reason = inferReason(running.map((l) => l.text.replaceAll(CELL_SEPARATOR, ' ')).join(' '));
  if (!reason) return undefined;
  const line = running.find((l) => inferReason(l.text) === reason) ?? running[0]!;
  return { reason, line };
}

/** Boxes of an option list, ticked or not: a form's options, not the customer's words. */
export const OPTION_BOXES = /[\[☐☒☑□■]/u;

/** A line of a legend or an option list, not the customer's words. */
const LEGEND_LINE = /(?:^|\s)\d\s*[-–—]\s*\S.*\s\d\s*[-–—]\s*\S/u;
