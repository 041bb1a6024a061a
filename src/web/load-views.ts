// Server-rendered pages from Handlebars views; Handlebars escapes every {{value}}, so customer text
// (names, subjects, file names) is shown as text, never as markup. The only triple-stash is `json`, which
// escapes "<" so embedded data cannot close its <script type="application/json"> element.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';

const VIEWS_DIR = path.join(import.meta.dirname, 'views');
const PAGES = ['login', 'queue', 'return', 'dashboard', 'users', 'error', 'attention'] as const;

export type Views = Record<(typeof PAGES)[number], (context: object) => string>;

export async function loadViews(): Promise<Views> {
  const hbs = Handlebars.create();
  hbs.registerHelper('date', (value: unknown) => (value instanceof Date ? value.toISOString().replace('T', ' ').slice(0, 16) : ''));
  hbs.registerHelper('day', (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : ''));
  hbs.registerHelper('iso', (value: unknown) => (value instanceof Date ? value.toISOString() : ''));
  hbs.registerHelper('percent', (value: unknown) => (typeof value === 'number' ? `${Math.round(value * 100)}%` : '–'));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('or', (a: unknown, b: unknown) => Boolean(a) || Boolean(b));
  hbs.registerHelper('humanize', (value: unknown) => (typeof value === 'string' ? value.replaceAll('_', ' ') : ''));
  hbs.registerHelper('json', (value: unknown) => new hbs.SafeString(JSON.stringify(value ?? null).replace(/</g, '\\u003c')));
  hbs.registerHelper('duration', (seconds: unknown) => {
    if (typeof seconds !== 'number') return '–';
    if (seconds < 90) return `${Math.round(seconds)} s`;
    if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
    return `${(seconds / 3600).toFixed(1)} h`;
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
