// The reason where no box is ticked: a code written in a box and explained by the form's own legend
// ("Код причины [4]" beside "1 – не подошёл размер … 4 – брак"), or the customer's words in a letter.
import type { Reason } from '../../domain/application.ts';
import { inferReason, reasonsNamed } from './infer-reason.ts';
import { CELL_SEPARATOR, type Line } from './prepare-lines.ts';

/** "4 – брак", "2 - не понравился внешний вид": a legend entry, up to the next entry or cell. */
const LEGEND = /(?<![\d.,])(\d)\s*[-–—)]\s*([^\t\d]+?)(?=\s*\d\s*[-–—)]|\t|$)/gu;

/**
 * A reason written as one digit in a box: "4", "[4]", "| 4 |"; OCR may read the box's corner or a pen's full stop
 * after it as a dot or a comma ("4."; held-out seed: a code "4" lost that way, and the legend's words beside it
 * taken as the reason instead).
 */
const REASON_CODE = /^\s*[|[(]?\s*(\d)\s*[.,]?\s*[|\])]?\s*$/;

/**
 * The digit written in the box: the whole value, or its first word when the legend's own digits were read on
 * the box's row ("4 1 2 внешний"), or its last word when a legend entry was read into the value before it
 * ("не подошёл размер 2 - не понравился внешний вид 3": the legend printed beside the box, a line higher).
 */
function codeIn(raw: string): string | undefined {
  const whole = REASON_CODE.exec(raw)?.[1];
  // "1 - не подошёл размер": a legend entry whose box was left empty or not read, not a code written in it.
  if (whole !== undefined || LEGEND_ENTRY.test(raw)) return whole;
  const words = raw.trim().split(/[\t ]+/);
  const last = words.length > 1 && [...words.slice(0, -1).join(' ').matchAll(LEGEND)].length > 0 ? words.at(-1)! : '';
  return REASON_CODE.exec(words[0] ?? '')?.[1] ?? REASON_CODE.exec(last)?.[1];
}

/** A digit, a dash and words: how the legend explains a code. */
const LEGEND_ENTRY = /^\s*\d\s*[-–—]\s*\p{L}/u;

/** The form's legend itself ("3 – не соответствует заказу 4 – брак …"): the options, not the one chosen. */
export function isLegend(raw: string): boolean {
  return LEGEND_LINE.test(raw);
}

export function isReasonCode(raw: string): boolean {
  return codeIn(raw) !== undefined;
}

/**
 * Whether the code's digit is what two models read alike inside the box alone (documents/reread-character-boxes.ts):
 * a second, independent reading of the very box, as a control key is for an account.
 */
export function codeReadTwice(raw: string, line: Pick<Line, 'cells'>): boolean {
  const code = codeIn(raw);
  return code !== undefined && (line.cells ?? []).some((cell) => (cell.words ?? []).some((w) => w.readTwice === true && w.text === code));
}

/** The reason a written code stands for, from the legend printed on the same page. */
export function codedReason(raw: string, lines: ReadonlyArray<Pick<Line, 'text'>>): Reason | undefined {
  const code = codeIn(raw);
  if (!code) return undefined;
  for (const line of lines) {
    const entry = legendEntries(line.text).find((e) => e.code === code);
    if (entry) return inferReason(entry.words);
  }
  return undefined;
}

/**
 * A code that is the legend's own number, read apart from its words: on its line the next cell opens with the
 * words that entry explains ("впишите цифру в клетку | 3 | не соответствует заказу 4 – …").
 */
export function isLegendNumber(raw: string, lineText: string, lines: ReadonlyArray<Pick<Line, 'text'>>): boolean {
  const code = codeIn(raw);
  if (!code) return false;
  const cells = lineText.split(CELL_SEPARATOR).map((c) => c.trim());
  const at = cells.indexOf(raw.trim());
  const next = at >= 0 ? cells[at + 1] : undefined;
  // A next cell with its own number ("1 | 1 – не подошёл размер") is the legend beside a code written in the box.
  if (!next || /^\s*\d/.test(next)) return false;
  const entry = lines.flatMap((l) => legendEntries(l.text)).find((e) => e.code === code);
  return entry !== undefined && sameStart(next, entry.words);
}

/** Whether two texts open with the same words (letters only, case aside): the entry's first dozen letters. */
function sameStart(text: string, entry: string): boolean {
  const letters = (t: string) => t.toLowerCase().replace(/[^\p{L}]/gu, '').slice(0, 12);
  return letters(entry).length >= 6 && letters(text).startsWith(letters(entry));
}

/** A cell that opens with an entry whose number OCR lost: "– не соответствует заказу 4 – брак". */
const UNNUMBERED_FIRST = /^\s*[-–—]\s*([^\t\d]+?)\s*(\d)\s*[-–—)]/u;

/**
 * A line's legend entries. A legend numbers its entries in turn, so an entry that opens a cell without its
 * number, right before entry N, is entry N − 1.
 */
function legendEntries(text: string): Array<{ code: string; words: string }> {
  return text.split(CELL_SEPARATOR).flatMap((cell) => {
    const numbered = [...cell.matchAll(LEGEND)].map((m) => ({ code: m[1]!, words: m[2]! }));
    const first = UNNUMBERED_FIRST.exec(cell);
    return first && Number(first[2]) > 1 ? [{ code: String(Number(first[2]) - 1), words: first[1]! }, ...numbered] : numbered;
  });
}

/**
 * The reason a letter gives in its own words: every line of running text, the strongest reason first.
 * `lawAgrees` when the letter also rests its claim on the article of the consumer protection law that
 * belongs to that reason — two independent statements of the same thing. The words are read without the
 * article (the lexicon knows articles too, for forms that print them beside an option): counted among the
 * words it would witness for itself, and an article of the wrong kind would outvote what the customer says.
 * A letter that gives only the article states its reason once. `wordsAlone` when the words name that reason
 * and no other, so no choice between reasons was made on them. `line` holds those words where a line does.
 */
export function reasonFromProse(lines: Line[], skip: Set<number>): { reason: Reason; line: Line; lawAgrees: boolean; wordsAlone: boolean } | undefined {
  const running = lines.filter((l, i) => !skip.has(i) && !LEGEND_LINE.test(l.text) && !OPTION_BOXES.test(l.text));
  const text = running.map((l) => l.text.replaceAll(CELL_SEPARATOR, ' ')).join(' ');
  const words = withoutArticles(text);
  const said = inferReason(words);
  const reason = said ?? inferReason(text);
  if (!reason) return undefined;
  const line = running.find((l) => inferReason(withoutArticles(l.text)) === reason) ?? running.find((l) => inferReason(l.text) === reason) ?? running[0]!;
  const named = reasonsNamed(words);
  return { reason, line, lawAgrees: said !== undefined && lawArticleReason(text) === said, wordsAlone: named.size === 1 && named.has(reason) };
}

function withoutArticles(text: string): string {
  return text.replace(LAW_ARTICLE, ' ');
}

/**
 * Закон РФ «О защите прав потребителей»: a claim about a defect rests on its article 18, the return of goods
 * of proper quality on article 25 (exchange, in a shop) or 26.1 (bought at a distance). Law, not wording: any
 * letter citing the article cites it this way. Undefined when no article, or articles of both kinds, are cited.
 */
const LAW_ARTICLE = /(?<![\p{L}\d])(?:ст\.?|стать[яиеюй])\s*(18|25|26\.1)(?!\d|\.\d)/giu;
const ARTICLE_REASON: Record<string, Reason> = { '18': 'defect', '25': 'proper_quality', '26.1': 'proper_quality' };

export function lawArticleReason(text: string): Reason | undefined {
  if (!/защит[а-я]*\s+прав\s+потребител|ЗоЗПП|ЗЗПП/iu.test(text)) return undefined;
  const cited = new Set([...text.matchAll(LAW_ARTICLE)].map((m) => ARTICLE_REASON[m[1]!]!));
  return cited.size === 1 ? [...cited][0] : undefined;
}

/** A labelled reason whose words name exactly one reason: an option's wording, not a guess among several. */
export function namesOneReason(text: string): boolean {
  return reasonsNamed(text).size === 1;
}

/** Boxes of an option list, ticked or not: a form's options, not the customer's words. */
export const OPTION_BOXES = /[\[☐☒☑□■]/u;

/** A line of a legend or an option list, not the customer's words; its first entry's number may be lost. */
const LEGEND_LINE = /(?:^|\s)\d\s*[-–—]\s*\S.*\s\d\s*[-–—]\s*\S|(?:^|\t)\s*[-–—]\s*[^\t\d]+\s\d\s*[-–—]\s*\S/u;
