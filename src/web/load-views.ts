// Server-rendered pages from Handlebars views; Handlebars escapes every {{value}}, so customer text
// (names, subjects, file names) is shown as text, never as markup.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';

const VIEWS_DIR = path.join(import.meta.dirname, 'views');

export async function loadViews() {
  const hbs = Handlebars.create();
  hbs.registerHelper('date', (value: unknown) => (value instanceof Date ? value.toISOString().replace('T', ' ').slice(0, 16) : ''));
  hbs.registerHelper('percent', (value: unknown) => (typeof value === 'number' ? `${Math.round(value * 100)}%` : ''));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerPartial('layout', await readFile(path.join(VIEWS_DIR, 'layout.hbs'), 'utf8'));
  const compile = async (name: string) => hbs.compile(await readFile(path.join(VIEWS_DIR, `${name}.hbs`), 'utf8'), { strict: false });
  return {
    queue: await compile('queue'),
    returnPage: await compile('return'),
    notFound: await compile('not-found'),
  };
}
