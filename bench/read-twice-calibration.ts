// How often a number two OCR models read alike is wrong (docs/orders-import.md, issue #11): for every OCR'd file of
// generated devset folders, each word that is all digits, whether extraction marked it read twice, and whether it
// is on the file's true page (a digit run of the page's HTML or of its ground truth). A misread that happens to equal another number on
// the same page counts as right, so the count is an upper bound on how well agreement does, per word.
//
//   npx tsx bench/read-twice-calibration.ts /tmp/devset-cache/forms /tmp/devset-seed2/forms
//   (EXTRACT_CACHE_DIR re-uses what scoring extracted; OCR_ENGINE as in the scoring run)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createReader } from '../src/main.ts';
import { loadDevset } from './lib/devset.ts';

interface Counted {
  digits: number;
  readTwice: boolean;
  confidence: number;
  onPage: boolean;
}

const MIN_AGREED_DIGITS = 4;

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: read-twice-calibration.ts DEVSET_FORMS_DIR...');
  process.exit(2);
}
const reader = await createReader(loadConfig());
const words: Counted[] = [];
for (const dir of dirs) {
  // E-mails carry the same renderings as the files; a text PDF has no OCR.
  for (const entry of (await loadDevset(dir)).filter((e) => !e.variant.startsWith('eml_') && e.variant !== 'pdf_text')) {
    // Handwriting is drawn, not text, in the page's HTML: the ground truth's values stand for it (digits only too,
    // "5650.10" read as 565010 has its digits right).
    const truth = JSON.stringify(entry.truth);
    const page = `${await truePageText(path.join(dir, 'html', `${entry.app}.html`))} ${truth} ${truth.replace(/[.,\s-]/g, '')}`;
    const runs = new Set(page.match(/\d+/g) ?? []);
    const doc = await reader.documents.read(path.basename(entry.file), await readFile(entry.file));
    for (const word of doc.pages.flatMap((p) => p.words ?? [])) {
      if (!/^\d+$/.test(word.text)) continue;
      words.push({ digits: word.text.length, readTwice: word.readTwice === true, confidence: word.confidence, onPage: runs.has(word.text) || page.includes(word.text) });
    }
  }
}
await reader.close();

const row = (label: string, chosen: Counted[]) => console.log(`${label.padEnd(44)} ${String(chosen.length).padStart(6)} ${String(chosen.filter((w) => !w.onPage).length).padStart(10)}`);
console.log(`${'all-digit words'.padEnd(44)} ${'count'.padStart(6)} ${'not on page'.padStart(10)}`);
row(`≥ ${MIN_AGREED_DIGITS} digits, read twice`, words.filter((w) => w.digits >= MIN_AGREED_DIGITS && w.readTwice));
row(`≥ ${MIN_AGREED_DIGITS} digits, read once, confidence ≥ 0.9`, words.filter((w) => w.digits >= MIN_AGREED_DIGITS && !w.readTwice && w.confidence >= 0.9));
row('one digit, read twice (in its box)', words.filter((w) => w.digits === 1 && w.readTwice));
const agreed = words.filter((w) => w.digits >= MIN_AGREED_DIGITS && w.readTwice);
const wrong = agreed.filter((w) => !w.onPage).length;
// With no error seen, the 95 % upper bound of the rate is about 3/n (the rule of three).
if (agreed.length > 0) console.log(`read twice and wrong: ${wrong}/${agreed.length}${wrong === 0 ? `, 95 % upper bound ${((300 / agreed.length)).toFixed(2)} %` : ''}`);

async function truePageText(file: string): Promise<string> {
  const html = await readFile(file, 'utf8').catch(() => '');
  return html.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
}
