// Reads the items a letter names in its sentences: a numbered list ("1) Платье трикотажное, арт. ML3824,
// размер 44, 1 шт., 4 290 руб.") or names in quotes followed by their details ("«Брючный костюм», арт. ML8341,
// размер 46, в количестве 1 шт. стоимостью 11590 руб."). A part counts as an item only when it gives a
// quantity or a price; its details are found by their cue words, in any order.
import type { ItemKey } from '../../domain/application.ts';
import { CELL_SEPARATOR, type Line } from './prepare-lines.ts';
import type { ItemsTable, RawItem } from './read-items-table.ts';
import { z } from 'zod';
import { loadLexicon } from './lexicon/load-lexicon.ts';

const MAX_ITEMS = 50;
/**
 * The currency after an amount. OCR reads "р." with a Latin p and the rouble sign ₽ as a capital P (Latin or
 * Cyrillic), so those count too where a letter or digit does not follow.
 */
const CURRENCY = '(?:руб(?:лей|ля|ль)?\\.?|[рp]\\.|₽|[PР](?![\\p{L}\\d])|rub)';
const MONEY = `(\\d{1,3}(?:[ \\u00a0]\\d{3})+|\\d+)(?:[.,](\\d{2}))?\\s*${CURRENCY}(?:\\s*(\\d{2})\\s*коп\\.?)?`;
const QUANTITY = /(?:в\s+количестве\s+)?(\d{1,3})\s*(?:шт|штук|pcs|ед)(?![а-яёa-z])\.?|(?<![\p{L}\d])[xх×]\s*(\d{1,3})(?![\d.,])/iu;
/** An amount with no currency but "per piece" after it ("— 1 099,00 за штуку"). */
const PER_PIECE_BARE = /(?<![\d,.])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)[.,](\d{2})(?=\s*за\s+(?:шт|штуку|единицу))/u;
/** An amount with no currency, last in a list entry ("…, 1 шт., 1 690,90"). */
const BARE_AMOUNT = /(?<![\d,.])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)[.,](\d{2})\s*$/u;
const SKU = /(?:арт\.?|артикул|код\s+товара|sku|item\s+code)\s*:?\s*([A-Za-zА-Яа-я0-9][\w\-./]*\d[\w\-./]*)/iu;
const SIZE = /(?:размер|р-р|size|(?<=(?:^|[,(])\s*)р\.(?=\s*(?:\d{2}|[XSML])))\s*:?\s*([A-Za-zА-Яа-я0-9$][\w,./-]*?)(?=\s*[,;)](?!\d)|\s+(?:в|\d+\s*шт)|\s*$)/iu;
/**
 * Where a list entry's name ends: its first detail ("…, арт.", "…, размер", "…, 2 шт.", " x 2", " (размер …)",
 * " — 1 890 р."), so a name may hold commas of its own ("Сковорода Tefal Ingenio, 26 см, арт. …").
 */
const DETAIL_START = /\s*,\s*(?=арт\.?|артикул|код|sku|размер|р-р|р\.\s*[\dXSML]|цвет|\d{1,3}\s*(?:шт|штук|pcs)|\d[\d\s]*(?:[.,]\d{2})?\s*(?:руб|[рp]\.|₽|[PР](?![\p{L}\d]))|по\s+\d|в\s+количестве)|\s+[xх×]\s*\d|\s+\(|\s+[—–-]\s+\d|\s+арт\.?\s/iu;

/** The amount is for one piece ("по 7 250 ₽ за шт.", "по цене 4850 руб. за штуку"). */
const PER_PIECE = /^\s*(?:за\s+(?:шт|штуку|единицу|ед)|each|per\s+(?:item|piece))/iu;
/** The amount is for all pieces together. */
const FOR_ALL = /(?:на\s+сумму|общей\s+стоимостью|итого|in\s+total)\s*$/iu;

/** The document's running text, one string, with where each line starts in it. */
function runningText(lines: Line[], skip: Set<number>): { text: string; starts: Array<{ at: number; index: number }> } {
  let text = '';
  const starts: Array<{ at: number; index: number }> = [];
  lines.forEach((line, i) => {
    if (skip.has(i)) return;
    starts.push({ at: text.length, index: i });
    const part = line.text.split(CELL_SEPARATOR).join(' ');
    text += /-$/.test(text) ? part : `${text === '' ? '' : '\n'}${part}`;
  });
  return { text, starts };
}

function priceOf(segment: string, quantity: number): string | undefined {
  const money = new RegExp(MONEY, 'giu');
  const found = [...segment.matchAll(money)];
  const m = found[0] ?? PER_PIECE_BARE.exec(segment) ?? BARE_AMOUNT.exec(segment.trim().replace(/[.;]$/, '')) ?? undefined;
  if (!m) return undefined;
  const whole = m[1]!.replace(/\D/g, '');
  const kopecks = m[2] ?? m[3] ?? '00';
  let value = `${whole}.${kopecks}`;
  const after = segment.slice(m.index + m[0].length);
  const before = segment.slice(0, m.index);
  if (quantity > 1 && !PER_PIECE.test(after) && FOR_ALL.test(before)) {
    const total = Math.round(Number(value) * 100);
    if (total % quantity !== 0) return undefined;
    value = (total / quantity / 100).toFixed(2);
  }
  return value;
}

function itemOf(name: string, details: string, line: Line): RawItem | undefined {
  const q = QUANTITY.exec(details);
  const quantity = q?.[1] ?? q?.[2];
  const price = priceOf(details, Number(quantity ?? '1'));
  if (!quantity && !price) return undefined;
  const item: RawItem = {};
  const put = (key: ItemKey, raw: string | undefined) => {
    if (raw) item[key] = { raw, line, positional: false };
  };
  put('name', name.replace(/\s+/g, ' ').replace(/[\s,;:]+$/, '').trim());
  put('sku', SKU.exec(details)?.[1]?.replace(/[.,]$/, ''));
  put('size', SIZE.exec(details)?.[1]);
  put('quantity', quantity);
  put('price', price);
  return item;
}

function lineAt(lines: Line[], starts: Array<{ at: number; index: number }>, at: number): { line: Line; index: number } {
  let found = starts[0]!;
  for (const s of starts) if (s.at <= at) found = s;
  return { line: lines[found.index]!, index: found.index };
}

/** What a name in quotes right after these words is: a law, a code, a contract, a shop or a company. */
const TitleWord = z.string().regex(/^\p{L}{2,}$/u, 'letters only: the entries go into a regular expression as they are');
const QUOTED_TITLES = loadLexicon('quoted-titles.yaml', z.object({ stems: z.array(TitleWord), words: z.array(TitleWord) }));
const TITLE_BEFORE = new RegExp(`(?:${[...QUOTED_TITLES.stems.map((stem) => `${stem}[а-я]*`), ...QUOTED_TITLES.words].join('|')})[^«»;]{0,45}$`, 'iu');
const TITLE_REACH = 60;

export function readItemsProse(lines: Line[], skip: Set<number>): ItemsTable | undefined {
  const { text, starts } = runningText(lines, skip);
  if (starts.length === 0) return undefined;
  const items: RawItem[] = [];
  const used = new Set<number>();
  // "1) …", "2. …", "* …" at the start of a line: one entry each, with the lines that continue it (they start
  // in lower case or with a number), up to the end of its sentence.
  for (const m of text.matchAll(/(?:^|\n)\s*(?:\d{1,2}[).]|[*•·–—-])\s+([^\n]*(?:\n(?!\s*(?:\d{1,2}[).]|[*•·–—-])\s)(?=\s*[a-zа-яё(«"\d])[^\n]*)*)/gu)) {
    const entry = m[1]!.split(/(?<=\d\s*(?:руб|[рpPР]|₽|коп|шт)\S*\.?)\s+(?=[А-ЯЁA-Z])/u)[0]!;
    const name = entry.slice(0, entry.search(DETAIL_START) >= 0 ? entry.search(DETAIL_START) : undefined);
    const at = lineAt(lines, starts, m.index);
    const item = itemOf(name.replace(/^[«"]|[»"]$/g, ''), entry.slice(name.length), at.line);
    if (item && items.length < MAX_ITEMS) {
      items.push(item);
      used.add(at.index);
    }
  }
  if (items.length === 0) {
    // «Name», details … up to the next quoted name or the end of the sentence.
    const quoted = [...text.matchAll(/«([^«»]{2,120})»/gu)];
    quoted.forEach((q, k) => {
      // «О защите прав потребителей», «Мила»: the quotes name a law or a shop, not goods.
      if (TITLE_BEFORE.test(text.slice(Math.max(0, q.index - TITLE_REACH), q.index))) return;
      const end = quoted[k + 1]?.index ?? text.length;
      const rest = text.slice(q.index + q[0].length, end);
      const details = rest.split(/(?<=\d\s*(?:руб|[рpPР]|₽|коп|шт)\S*\.?)\s+(?=[А-ЯЁA-Z])|;/u)[0]!;
      const at = lineAt(lines, starts, q.index);
      const item = itemOf(q[1]!, details, at.line);
      if (item && items.length < MAX_ITEMS) {
        items.push(item);
        used.add(at.index);
      }
    });
  }
  return items.length > 0 ? { items, lines: new Set(), amountIsLineTotal: false } : undefined;
}
