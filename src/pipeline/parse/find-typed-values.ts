// Type-first reading: values found by what they look like, wherever they stand, for the fields their labels
// did not give. Dates take their role from the nearest cue word in their sentence (lexicon/date-cues.yaml), or
// are the application's date when they stand alone; bank details are found by shape and confirmed by their
// control keys; a full name by the shape of a Russian name in the nominative; a phone, an e-mail or a card (whole
// and passing Luhn, or masked to its last four) when the document holds one that is not the shop's own. Every
// value found this way is weak: a label, when there is one, always wins.
import { z } from 'zod';
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import type { FieldKey } from '../../domain/application.ts';
import { settlementAccountKeyValid } from '../../domain/validation/account-control-key.ts';
import { checkCorrAccount } from '../../domain/validation/is-valid-corr-account.ts';
import { isValidBik } from '../../domain/validation/is-valid-bik.ts';
import { findLabels } from './find-labels.ts';
import { loadLexicon } from './lexicon/load-lexicon.ts';
import { CARD_TOKEN } from './mask-sensitive.ts';
import { MASK_SIGN } from './normalize-field.ts';
import { CELL_SEPARATOR, type Line } from './prepare-lines.ts';

export interface TypedCandidate {
  target: FieldKey;
  raw: string;
  line: Line;
  lineIndex: number;
  /** How the value was recognised, for the evidence shown to an agent. */
  how: 'cue' | 'alone' | 'checksum' | 'shape' | 'only_one';
}

const DateCuesSchema = z.strictObject({ orderDate: z.array(z.string()), receivedDate: z.array(z.string()), ignore: z.array(z.string()) });
const DATE_CUES = loadLexicon('date-cues.yaml', DateCuesSchema);

const MONTH_WORD = '(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[а-яёa-z]*\\.?';
/**
 * A date as people write it: 05.03.2026, 05/03/26, «05» марта 2026 г., 5 March 2026, 2026-03-05. A day in
 * guillemets may be OCR's look-alikes of its digits («ОЗ» for «03»); the date's reading counts them as fixes.
 */
export const DATE_SHAPE = new RegExp(
  `(?<![\\d.\\/])(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})|(?:«?\\s?\\d{1,2}\\s?»?|«\\s?[\\dOОЗз]{1,2}\\s?»)\\s+${MONTH_WORD}\\s+\\d{4}(?:\\s?(?:г\\.?|r\\.?|года))?)(?![\\d.\\/]\\d)`,
  'giu',
);

/** The shop's own details: its tax numbers, its site (a domain not after an "@"), several contacts in one line. Not the customer's. */
const ORGANISATION = /ИНН|ОГРН|КПП|\bTIN\b|\bOGRN|(?<![@\w.-]|@ )[a-z0-9-]+\.(?:ru|com|рф|shop|store)\b|·.*·/iu;
/** A Russian full name in the nominative: Фамилия Имя Отчество (or Имя Отчество Фамилия). */
const FULL_NAME = /(?<![А-Яа-яЁё])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|чна|ична|инична|оглы|кызы))(?![А-Яа-яЁё])/gu;
/** An addressee (dative) or an official, never the applicant. */
const NOT_APPLICANT = /директор|руководител|предпринимател|\bИП\b|ООО|АО\b|генеральн|управляющ/iu;

interface Sentence {
  text: string;
  line: Line;
  lineIndex: number;
}

const SENTENCE_END = /(?<=[.!?;])\s+(?=[А-ЯЁA-Z«"])/u;

function split(run: Sentence): Sentence[] {
  return run.text.split(SENTENCE_END).map((text) => ({ ...run, text }));
}

/** Sentences of the document: running text joined across its lines, each cell of a table row on its own. */
function sentences(lines: Line[], skip: Set<number>): Sentence[] {
  const out: Sentence[] = [];
  let run: Sentence | undefined;
  const flush = () => {
    if (run) out.push(...split(run));
    run = undefined;
  };
  lines.forEach((line, i) => {
    const cells = line.text.split(CELL_SEPARATOR);
    if (skip.has(i) || cells.length > 1) {
      flush();
      if (!skip.has(i)) for (const text of cells) out.push(...split({ text, line, lineIndex: i }));
      return;
    }
    if (run) run.text += (/-$/.test(run.text) ? '' : ' ') + line.text;
    else run = { text: line.text, line, lineIndex: i };
  });
  flush();
  return out;
}

function cueDistance(text: string, from: number, to: number, stems: string[]): number {
  const lower = text.toLowerCase().replace(/ё/g, 'е');
  let best = Number.POSITIVE_INFINITY;
  for (const stem of stems) {
    const s = stem.replace(/ё/g, 'е');
    for (let at = lower.indexOf(s); at >= 0; at = lower.indexOf(s, at + 1)) {
      if (at > 0 && /[а-яa-z]/.test(lower[at - 1]!)) continue;
      const d = at >= to ? at - to : at + s.length <= from ? from - (at + s.length) : 0;
      best = Math.min(best, d);
    }
  }
  return best;
}

/** The date of a numbered order: "заказ № NW299533 от «28» ноября", "order #123 of 5 March". */
const NUMBERED_ORDER_BEFORE = /(?:заказ\S*|order)\s*(?:№|N|#|no\.?|номер)\s*\S+\s+(?:от|of|dated)\s*$/iu;

/** Cues further than this from a date (in characters) say nothing about it. */
const CUE_REACH = 90;

function dates(lines: Line[], skip: Set<number>): TypedCandidate[] {
  const out: TypedCandidate[] = [];
  const alone: TypedCandidate[] = [];
  for (const s of sentences(lines, skip)) {
    for (const m of s.text.matchAll(DATE_SHAPE)) {
      const from = m.index;
      const to = from + m[0].length;
      const ranked = (['orderDate', 'receivedDate', 'ignore'] as const)
        .map((role) => ({ role, d: cueDistance(s.text, from, to, DATE_CUES[role]) }))
        .sort((a, b) => a.d - b.d);
      // "заказ № 96759 от 05.03.2026": a document named by its number is dated right after it.
      const nearest = NUMBERED_ORDER_BEFORE.test(s.text.slice(0, from)) ? { role: 'orderDate' as const, d: 0 } : ranked[0]!;
      if (nearest.d <= CUE_REACH) {
        if (nearest.role !== 'ignore') out.push({ target: nearest.role, raw: m[0], line: s.line, lineIndex: s.lineIndex, how: 'cue' });
        continue;
      }
      // A date standing alone (its own cell, or with a signature beside it) is the date the paper was signed.
      const rest = s.text.slice(0, from) + s.text.slice(to);
      if (!/[A-Za-zА-Яа-яЁё]{4,}/.test(rest.replace(/\/[^/]*\//g, '').replace(/\b(?:г|года|date|дата)\b/giu, ''))) {
        alone.push({ target: 'applicationDate', raw: m[0], line: s.line, lineIndex: s.lineIndex, how: 'alone' });
      }
    }
  }
  // The last such date: the signature comes after anything else dated on the page.
  const last = alone[alone.length - 1];
  return last ? [...out, last] : out;
}

/**
 * Whether a name stands right after another field's label, on its line or ending the line before ("…по
 * следующим реквизитам: ФИО получателя:" / "Семёнова Вероника Станиславовна, …"): that field's value (the payee,
 * the card's holder), not the applicant.
 */
function labelledOtherwise(lines: Line[], i: number, at: number): boolean {
  // With the line before: a label may break over lines ("…Получатель" / "платежа: Смирнова Инна Вадимовна").
  const before = `${i > 0 ? `${lines[i - 1]!.text} ` : ''}${lines[i]!.text.slice(0, at)}`;
  const last = findLabels(before, { fuzzy: lines[i]!.ocr }).at(-1);
  return last !== undefined && last.def.target !== 'fullName' && /^[\s:–—-]*$/.test(before.slice(last.end));
}

function names(lines: Line[], skip: Set<number>): TypedCandidate[] {
  const counts = new Map<string, { n: number; line: Line; lineIndex: number }>();
  lines.forEach((line, i) => {
    if (skip.has(i) || NOT_APPLICANT.test(line.text)) return;
    for (const m of line.text.matchAll(FULL_NAME)) {
      if (labelledOtherwise(lines, i, m.index)) continue;
      const name = m[1]!.replace(/\s+/g, ' ');
      const seen = counts.get(name);
      counts.set(name, { n: (seen?.n ?? 0) + 1, line: seen?.line ?? line, lineIndex: seen?.lineIndex ?? i });
    }
  });
  // The name written most often; between equals, the one OCR read best (a signature's line is often smudged), then
  // the first: an applicant introduces themself before anyone else is named.
  const ranked = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || b[1].line.confidence - a[1].line.confidence || a[1].lineIndex - b[1].lineIndex);
  const top = ranked[0];
  return top ? [{ target: 'fullName', raw: top[0], line: top[1].line, lineIndex: top[1].lineIndex, how: 'shape' }] : [];
}

function bankDetails(lines: Line[], skip: Set<number>): TypedCandidate[] {
  const found = (re: RegExp) =>
    lines.flatMap((line, i) => (skip.has(i) ? [] : [...line.text.matchAll(re)].map((m) => ({ digits: m[0].replace(/\D/g, ''), line, lineIndex: i }))));
  const biks = found(/(?<!\d)04\d{7}(?!\d)/g).filter((b) => isValidBik(b.digits));
  const accounts = found(/(?<!\d)\d{20}(?!\d)/g);
  const out: TypedCandidate[] = [];
  for (const bik of biks) {
    const account = accounts.find((a) => !a.digits.startsWith('301') && settlementAccountKeyValid(bik.digits, a.digits));
    const corr = accounts.find((a) => checkCorrAccount(bik.digits, a.digits) === 'ok');
    if (!account && !corr) continue;
    out.push({ target: 'bik', raw: bik.digits, line: bik.line, lineIndex: bik.lineIndex, how: 'checksum' });
    if (account) out.push({ target: 'account', raw: account.digits, line: account.line, lineIndex: account.lineIndex, how: 'checksum' });
    if (corr) out.push({ target: 'corrAccount', raw: corr.digits, line: corr.line, lineIndex: corr.lineIndex, how: 'checksum' });
    break;
  }
  return out;
}

/** The one value of a kind outside the shop's own lines, or nothing when there are several. */
function onlyOne(lines: Line[], skip: Set<number>, target: FieldKey, find: (text: string) => string[]): TypedCandidate[] {
  const hits = lines.flatMap((line, i) => (skip.has(i) || ORGANISATION.test(line.text) ? [] : find(line.text).map((raw) => ({ raw, line, lineIndex: i }))));
  const distinct = new Set(hits.map((h) => h.raw.replace(/\D/g, '') || h.raw.toLowerCase()));
  return distinct.size === 1 ? [{ target, raw: hits[0]!.raw, line: hits[0]!.line, lineIndex: hits[0]!.lineIndex, how: 'only_one' }] : [];
}

/**
 * The phone numbers on a line. The whole line is searched first, its cells a space apart, so that a number
 * OCR split into two cells is found whole; when that finds nothing, each cell alone: libphonenumber takes a
 * date in the next cell ("+7 (904) 814-47-59  08/12/2025") as the number's tail and then rejects the whole.
 */
function phoneNumbersIn(text: string): string[] {
  const found = (part: string) => findPhoneNumbersInText(part, 'RU').map((p) => part.slice(p.startsAt, p.endsAt));
  const whole = found(text.replace(/\t/g, '  '));
  return whole.length > 0 || !text.includes('\t') ? whole : text.split('\t').flatMap(found);
}

/** An address; OCR may set the "@" a space apart from its neighbours ("D.smirnov85 @ Yandex.ru"). */
const EMAIL = /[A-Za-z0-9._%+-]+ ?@ ?[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** A card number as a customer masks it: stars (or x's, dots) for all but its last four ("**** 9057", "xxxx-1234"). */
const MASKED_CARD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${MASK_SIGN.source}{2,}[\\s-]?)+\\d{4}(?!\\d)`, 'gu');
const MENTIONS_CARD = /карт|card/iu;

/**
 * Card numbers on a line: a whole one whose Luhn digit holds, or a masked one in a sentence that speaks of a card
 * ("верните на карту, которой платил: **** 9057"): the masking says what the four digits are, where no label does.
 * A masked phone or account is not about a card.
 */
function cardsIn(text: string): string[] {
  const whole = [...text.matchAll(CARD_TOKEN)].filter((m) => m[2] === 'ok').map((m) => m[0]);
  return [...whole, ...(MENTIONS_CARD.test(text) ? (text.match(MASKED_CARD) ?? []) : [])];
}

export function findTypedValues(lines: Line[], skip: Set<number>): TypedCandidate[] {
  return [
    ...dates(lines, skip),
    ...names(lines, skip),
    ...bankDetails(lines, skip),
    ...onlyOne(lines, skip, 'email', (text) => text.match(EMAIL) ?? []),
    ...onlyOne(lines, skip, 'phone', phoneNumbersIn),
    ...onlyOne(lines, skip, 'cardLast4', cardsIn),
  ];
}
