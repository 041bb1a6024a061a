// Reads and compiles the reply templates (templates/replies/<name>/<lang>.<part>.hbs) once at start-up.
// Strict mode makes a value missing from the render data throw instead of rendering as a blank; HTML parts
// escape customer data, text and subject parts do not (they are not HTML).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { AppError } from '../../domain/app-error.ts';
import { formatMoney } from '../../domain/money/format-money.ts';
import { parseRoubles } from '../../domain/money/money.ts';
import type { ReplyTemplatePart, ReplyTemplates } from '../../domain/ports/reply-renderer.ts';
import type { Language, ReplyAttachment, ReplyTemplate } from '../../domain/reply.ts';

/** Every ReplyTemplate; the Record type makes the compiler point here when one is added. */
const TEMPLATE_NAMES = Object.keys({
  approved: true,
  approved_address_pending: true,
  shipping_instructions: true,
  rejected: true,
  needs_review: true,
  application_missing: true,
  photo_unreadable: true,
  message_too_large: true,
  shipping_reminder: true,
  expired: true,
  parcel_received: true,
  refund_issued: true,
  shipment_received: true,
  returned_to_customer: true,
  ship_by_extended: true,
  cancelled: true,
  agent_reply: true,
  desk_alert: true,
  desk_digest: true,
  exchange_approved: true,
  exchange_sent: true,
} satisfies Record<ReplyTemplate, true>) as ReplyTemplate[];
const LANGUAGES: Language[] = ['ru', 'en'];
const PARTS: ReplyTemplatePart[] = ['subject', 'text', 'html'];

export interface LoadReplyTemplatesOptions {
  /**
   * The customer status page (`https://returns.shop.example/status`): the signature of every reply about a return
   * links to it, the return number filled in; a reply about no return has no link. Unset: no link (e.g. `intake parse`).
   */
  statusUrl?: string;
  /** The blank application form sent with `application_missing`; default `<dir>/../forms/return-application.pdf`. */
  formPath?: string;
}

/** Russian has three plural forms (1 день, 2 дня, 5 дней), English two; the template passes the forms. */
function plural(count: unknown, ...args: unknown[]): string {
  const forms = args.slice(0, -1).map(String); // the last argument is Handlebars' options object
  // Strict mode does not check helper arguments, so the helpers do: a missing number must not print "NaN".
  if (typeof count !== 'number' || !Number.isFinite(count)) throw new Error(`plural: not a number: ${String(count)}`);
  const n = count;
  if (forms.length === 2) return `${n} ${n === 1 ? forms[0] : forms[1]}`;
  const mod10 = Math.abs(n) % 10;
  const mod100 = Math.abs(n) % 100;
  const form = mod10 === 1 && mod100 !== 11 ? forms[0] : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? forms[1] : forms[2];
  return `${n} ${form}`;
}

function text(value: unknown, helper: string): string {
  if (typeof value !== 'string') throw new Error(`${helper}: not a string: ${String(value)}`);
  return value;
}

const LONG_DATE = {
  // "8 декабря 2026 г." and "8 December 2026": how people write a date inside a sentence. The value is a shop
  // day already (YYYY-MM-DD), so it is formatted as that calendar day, in UTC, with no shift.
  ru: new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

function language(value: unknown, helper: string): 'ru' | 'en' {
  if (value !== 'ru' && value !== 'en') throw new Error(`${helper}: language must be "ru" or "en", got ${String(value)}`);
  return value;
}

/** `{{date shipByDate "ru"}}` → "8 декабря 2026 г."; an ISO day never reaches a sentence. */
export function longDate(value: unknown, lang: unknown): string {
  const day = text(value, 'date');
  const at = new Date(`${day}T00:00:00Z`);
  // Date accepts 2025-02-31 as 3 March; a day that does not survive the round trip is not a calendar day.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day) {
    throw new Error(`date: not a YYYY-MM-DD day: ${day}`);
  }
  return LONG_DATE[language(lang, 'date')].format(at);
}

/** `{{money refund.amount "ru"}}` → "4 000,00 ₽"; English "4,000.00 RUB". */
export function moneyText(value: unknown, lang: unknown): string {
  const parsed = parseRoubles(text(value, 'money'));
  if (!parsed.ok) throw new Error(`money: ${parsed.message}`);
  return formatMoney(parsed.kopecks, language(lang, 'money'));
}

function registerHelpers(hbs: typeof Handlebars): void {
  hbs.registerHelper('date', longDate);
  hbs.registerHelper('money', moneyText);
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('plural', plural);
  hbs.registerHelper('lines', (value: unknown) =>
    text(value, 'lines')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  );
  // Plain-text bodies indent a multi-line address under its list item.
  hbs.registerHelper('indent', (value: unknown, width: unknown) =>
    text(value, 'indent')
      .split(/\r?\n/)
      .map((line) => `${' '.repeat(Number(width))}${line.trim()}`)
      .join('\n'),
  );
}

function read(path: string): string {
  if (!existsSync(path)) throw new AppError('config_invalid', `reply template missing: ${path}`);
  return readFileSync(path, 'utf8');
}

/** Files end with a newline; a subject is one line and a body should not end with a blank line. */
function withoutFinalNewline(source: string): string {
  return source.replace(/\r?\n$/, '');
}

function createEnvironment(root: string): typeof Handlebars {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const partialsDir = join(root, '_partials');
  if (existsSync(partialsDir)) {
    for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
      hbs.registerPartial(basename(file, '.hbs'), read(join(partialsDir, file)));
    }
  }
  return hbs;
}

export function loadReplyTemplates(dir: string, options: LoadReplyTemplatesOptions = {}): ReplyTemplates {
  const root = resolve(dir);
  // Two environments: Handlebars caches a compiled partial per environment, so a partial first used by a
  // text template (noEscape) would otherwise stay unescaped in HTML too.
  const htmlEnv = createEnvironment(root);
  const textEnv = createEnvironment(root);

  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const name of TEMPLATE_NAMES) {
    for (const language of LANGUAGES) {
      for (const part of PARTS) {
        const path = join(root, name, `${language}.${part}.hbs`);
        const source = withoutFinalNewline(read(path));
        try {
          htmlEnv.parse(source); // syntax errors at start-up, not at the first customer's reply
        } catch (error) {
          throw new AppError('config_invalid', `reply template does not parse: ${path}`, { cause: error });
        }
        const env = part === 'html' ? htmlEnv : textEnv;
        compiled.set(`${name}/${language}.${part}`, env.compile(source, { strict: true, noEscape: part !== 'html' }));
      }
    }
  }

  const formPath = options.formPath ?? join(root, '..', 'forms', 'return-application.pdf');
  const form: ReplyAttachment = { filename: 'return-application.pdf', contentType: 'application/pdf', path: formPath };

  return {
    render(template, language, part, data) {
      const render = compiled.get(`${template}/${language}.${part}`);
      if (!render) throw new AppError('config_invalid', `no reply template ${template}/${language}.${part}`);
      const number = typeof data.returnNumber === 'string' ? data.returnNumber : null;
      // Only a reply about a return links its status: an answer to mail of no return has nothing to look up there.
      const statusLink = options.statusUrl && number ? `${options.statusUrl}?number=${encodeURIComponent(number)}` : null;
      return render({ statusLink, ...data });
    },
    attachmentsFor(template) {
      return template === 'application_missing' ? [{ ...form }] : [];
    },
  };
}
