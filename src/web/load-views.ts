// Server-rendered pages from Handlebars views; Handlebars escapes every {{value}}, so customer text
// (names, subjects, file names) is shown as text, never as markup. The only triple-stash is `json`, which
// escapes "<" so embedded data cannot close its <script type="application/json"> element.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { isoDay } from '../domain/iso-day.ts';
import { createTranslator, loadDictionary, type UiLanguage } from './i18n/ui-language.ts';

const VIEWS_DIR = path.join(import.meta.dirname, 'views');
const PAGES = ['login', 'queue', 'return', 'dashboard', 'users', 'error', 'attention', 'refunds', 'status', 'mail'] as const;

export type Views = Record<(typeof PAGES)[number], (context: object) => string>;

/** The units of a duration on the dashboard, translated like any phrase. */
export const DURATION_UNITS = { seconds: '{n} s', minutes: '{n} min', hours: '{n} h' } as const;

/** Moments as the shop's clock shows them ("2026-12-09 23:59"), so a ship-by deadline reads as the day it ends. */
function shopTime(timeZone: string): (at: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (at) => `${isoDay(at, timeZone)} ${format.format(at)}`;
}

/** A language code as that language's name in the page's language; an unknown code as written. */
export function languageName(code: string, lang: UiLanguage): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    // Not a well-formed language tag: show it as stored.
    return code;
  }
}

/** The language a page is rendered in: the view context's `lang` (the request's), else the UI's default. */
function languageOf(options: Handlebars.HelperOptions | undefined, fallback: UiLanguage): UiLanguage {
  const lang = (options?.data as { root?: { lang?: unknown } } | undefined)?.root?.lang;
  return lang === 'en' || lang === 'ru' ? lang : fallback;
}

export async function loadViews(timeZone: string, options: { defaultLanguage?: UiLanguage; translator?: ReturnType<typeof createTranslator> } = {}): Promise<Views> {
  const hbs = Handlebars.create();
  const clock = shopTime(timeZone);
  const fallback = options.defaultLanguage ?? 'ru';
  const { translate, translateNote, translateField } = options.translator ?? createTranslator(loadDictionary());
  // {{t "Ship by {day}" day=…}}: the phrase in the page's language; Handlebars escapes what it returns.
  hbs.registerHelper('t', function (phrase: unknown, helper: Handlebars.HelperOptions) {
    return typeof phrase === 'string' ? translate(languageOf(helper, fallback), phrase, helper.hash as Record<string, unknown>) : '';
  });
  hbs.registerHelper('note', function (text: unknown, helper: Handlebars.HelperOptions) {
    return typeof text === 'string' ? translateNote(languageOf(helper, fallback), text) : '';
  });
  hbs.registerHelper('fieldName', function (key: unknown, helper: Handlebars.HelperOptions) {
    return typeof key === 'string' ? translateField(languageOf(helper, fallback), key) : '';
  });
  // A customer's language code (`ru`) as its name in the page's language ("русский", "Russian"), by the runtime's ICU.
  hbs.registerHelper('languageName', function (code: unknown, helper: Handlebars.HelperOptions) {
    return typeof code === 'string' && code !== '' ? languageName(code, languageOf(helper, fallback)) : '';
  });
  hbs.registerHelper('date', (value: unknown) => (value instanceof Date ? clock(value) : ''));
  hbs.registerHelper('day', (value: unknown) => (value instanceof Date ? isoDay(value, timeZone) : ''));
  hbs.registerHelper('iso', (value: unknown) => (value instanceof Date ? value.toISOString() : ''));
  hbs.registerHelper('percent', (value: unknown) => (typeof value === 'number' ? `${Math.round(value * 100)}%` : '–'));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  hbs.registerHelper('or', (a: unknown, b: unknown) => Boolean(a) || Boolean(b));
  // Codes (states, reasons, templates) as words in the page's language: `awaiting_shipment` → "awaiting shipment".
  hbs.registerHelper('humanize', function (value: unknown, helper: Handlebars.HelperOptions) {
    return typeof value === 'string' ? translate(languageOf(helper, fallback), value.replaceAll('_', ' ')) : '';
  });
  hbs.registerHelper('json', (value: unknown) => new hbs.SafeString(JSON.stringify(value ?? null).replace(/</g, '\\u003c')));
  // A time to first reply in the page's language ("19 с", "1.5 ч"): the units are words of the dictionary.
  hbs.registerHelper('duration', function (seconds: unknown, helper: Handlebars.HelperOptions) {
    if (typeof seconds !== 'number') return '–';
    const lang = languageOf(helper, fallback);
    if (seconds < 90) return translate(lang, DURATION_UNITS.seconds, { n: Math.round(seconds) });
    if (seconds < 5400) return translate(lang, DURATION_UNITS.minutes, { n: Math.round(seconds / 60) });
    return translate(lang, DURATION_UNITS.hours, { n: (seconds / 3600).toFixed(1) });
  });
  for (const file of await readdir(path.join(VIEWS_DIR, 'partials'))) {
    hbs.registerPartial(path.basename(file, '.hbs'), await readFile(path.join(VIEWS_DIR, 'partials', file), 'utf8'));
  }
  const views = {} as Views;
  for (const page of PAGES) {
    views[page] = hbs.compile(await readFile(path.join(VIEWS_DIR, `${page}.hbs`), 'utf8'), { strict: false });
  }
  return views;
}
