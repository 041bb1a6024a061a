// OCR benchmark: reads the scanned samples (samples/**/<name>.<png|jpg|pdf|heic|tif> with <name>.expected.json;
// PDFs only when they are page scans)
// through the document reader + parser with the OCR pool, and — in the same run, on the same page images —
// through the native tesseract CLI full page (OMP_THREAD_LIMIT=1) + the same parser. Prints per-page medians,
// the ratio to native, field accuracy both ways, applications per minute with the pool, and peak RSS.
//
//   npm run bench:ocr -- [--runs 3] [--copies 2] [--workers N] [--full-page] [--verbose] [--devset DIR] [--engine wasm|auto]
//
// With --devset DIR (a generated ../shared/devset `forms/` folder) the pages are that set's one-page scans of
// layouts this project has never seen (300 dpi PNGs and scanned PDFs) instead of the samples.
//
// Native tesseract is optional; install it for the comparison with: apt-get install -y tesseract-ocr tesseract-ocr-rus
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { createDocumentReader } from '../src/adapters/documents/create-document-reader.ts';
import { detectKind } from '../src/adapters/documents/detect-kind.ts';
import { limitConcurrency } from '../src/adapters/documents/limit-concurrency.ts';
import { decodeHeic } from '../src/adapters/images/decode-heic.ts';
import { createLazyOcr } from '../src/adapters/ocr/lazy-ocr.ts';
import { embeddedPageJpeg, loadPdfStructure, scansOnly } from '../src/adapters/pdf/embedded-page-jpeg.ts';
import type { ExtractedDocument } from '../src/domain/document.ts';
import { parseDocument } from '../src/pipeline/parse/parse-document.ts';
import { scoreFields, type Expected, type Score } from './lib/field-accuracy.ts';
import { NATIVE_INSTALL_HINT, nativeTesseract, nativeTesseractVersion } from './lib/native-tesseract.ts';
import { median, peakRssMb } from './lib/stats.ts';
import { rasterizeFirstPage } from './lib/rasterize-first-page.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    copies: { type: 'string', default: '2' },
    workers: { type: 'string' },
    engine: { type: 'string' },
    samples: { type: 'string', default: 'samples' },
    'full-page': { type: 'boolean', default: false },
    devset: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const copies = Number(args.copies);
const workers = Number(args.workers ?? availableParallelism());
// As OCR_ENGINE: `wasm` (the default) reads with tesseract.js only, `auto` pages with the installed Tesseract when there is one.
const engine = args.engine ?? process.env.OCR_ENGINE ?? 'wasm';
if (engine !== 'auto' && engine !== 'wasm') throw new Error(`--engine must be auto or wasm, not ${engine}`);
const repo = new URL('../', import.meta.url);
const IMAGE_OR_PDF = /\.(png|jpe?g|pdf|heic|tiff?|webp)$/i;

interface Sample {
  name: string;
  bytes: Buffer;
  expected: Expected;
}

async function findSamples(dir: string): Promise<Sample[]> {
  const out: Sample[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !IMAGE_OR_PDF.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const truth = file.replace(IMAGE_OR_PDF, '.expected.json');
    const expected = await readFile(truth, 'utf8').then((t) => JSON.parse(t) as Expected, () => undefined);
    if (!expected || Object.keys(expected.fields ?? {}).length === 0) continue;
    const bytes = await readFile(file);
    // Scans only: a text-layer PDF needs no OCR (and reading one here would load pdf.js into the RSS we report).
    if ((await detectKind(bytes))?.kind === 'pdf') {
      const structure = await loadPdfStructure(bytes);
      if (!structure || !scansOnly(structure)) continue;
    }
    out.push({ name: path.relative(dir, file), bytes, expected: { fields: expected.fields, items: expected.items ?? [] } });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The upright page image native tesseract gets (it ignores EXIF orientation and cannot read PDF or HEIC). Not timed. */
async function nativeInput(sample: Sample, dir: string): Promise<string> {
  const kind = (await detectKind(sample.bytes))?.kind;
  let image = sample.bytes;
  if (kind === 'pdf') {
    const structure = await loadPdfStructure(sample.bytes);
    image = (structure && embeddedPageJpeg(structure, 1)) ?? (await rasterizeFirstPage(sample.bytes, 300));
  } else if (kind === 'heic') {
    image = await decodeHeic(sample.bytes);
  }
  const meta = await sharp(image).metadata();
  const file = path.join(dir, `${path.basename(sample.name)}.${(meta.orientation ?? 1) === 1 && meta.format === 'jpeg' ? 'jpg' : 'png'}`);
  await writeFile(file, file.endsWith('.jpg') ? image : await sharp(image).autoOrient().png().toBuffer());
  return file;
}

function pct(s: Score): string {
  return `${s.right}/${s.total} (${((100 * s.right) / Math.max(1, s.total)).toFixed(1)}%)`;
}

/** The devset's one-page scans, with their ground truth as plain values. */
async function devsetSamples(dir: string): Promise<Sample[]> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { files: Array<{ file: string; variant: string; gt: string }> };
  const plain = (o: Record<string, { value: unknown }>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v.value)]));
  const out: Sample[] = [];
  for (const entry of manifest.files.filter((f) => f.variant === 'png300' || f.variant === 'pdf_scan')) {
    const truth = JSON.parse(await readFile(path.join(dir, entry.gt), 'utf8')) as { fields: Record<string, { value: unknown }>; items: Array<Record<string, { value: unknown }>> };
    out.push({ name: entry.file, bytes: await readFile(path.join(dir, entry.file)), expected: { fields: plain(truth.fields), items: truth.items.map(plain) } });
  }
  return out;
}

const samples = args.devset ? await devsetSamples(path.resolve(args.devset)) : await findSamples(new URL(`${args.samples}/`, repo).pathname);
const nativeVersion = await nativeTesseractVersion();
console.log(`OCR benchmark: ${workers} OCR worker(s) on ${availableParallelism()} core(s), ${runs} run(s) per page, node ${process.version}`);
console.log(nativeVersion ? `native: ${nativeVersion}, full page, psm 3, OMP_THREAD_LIMIT=1` : `native tesseract with its Russian and English models not installed — comparison skipped (${NATIVE_INSTALL_HINT})`);
console.log(`ours: OCR_ENGINE=${engine} — pages and strips read by ${engine === 'auto' && nativeVersion ? 'the installed Tesseract' : 'tesseract.js'}, small jobs by tesseract.js`);

let t: number;
// The OCR the service reads with (main.ts, the document reader's child): the pool of `workers`, and one-worker
// pools for the second readings with one model alone — all started by the first page's warm-up read.
const pool = createLazyOcr({ langPath: new URL('ocr-data', repo).pathname, size: workers, engine });
// As the service reads: a page of another layout in one strip per OCR worker (main.ts sets the same).
const reader = createDocumentReader({ ocr: pool, stripsPerPage: workers, ...(args['full-page'] ? { zones: false } : {}) });
const tmp = await mkdtemp(path.join(tmpdir(), 'ocr-bench-'));

async function readAndParse(sample: Sample): Promise<{ doc: ExtractedDocument; ms: number; score: Score }> {
  const started = performance.now();
  const doc = await reader.read(sample.name, sample.bytes);
  const parsed = parseDocument(doc);
  return { doc, ms: performance.now() - started, score: scoreFields(sample.expected, parsed.fields, parsed.items) };
}

const rows: Array<{ name: string; ours: number; native?: number; oursScore: Score; nativeScore?: Score; mode: string }> = [];
const totals = { ours: { right: 0, total: 0, wrong: [] } as Score, native: { right: 0, total: 0, wrong: [] } as Score };
try {
  for (const sample of samples) {
    const first = await readAndParse(sample); // warm-up, and tells whether OCR was used at all
    if (first.doc.method !== 'ocr') continue;
    const times: number[] = [];
    let last = first;
    for (let i = 0; i < runs; i++) {
      last = await readAndParse(sample);
      times.push(last.ms);
    }
    const lines = last.doc.pages.flatMap((p) => p.lines.map((l) => l.text));
    const mode = lines.some((l) => l.startsWith('Артикул | ')) ? 'zones' : 'full page';
    const row: (typeof rows)[number] = { name: sample.name, ours: median(times), oursScore: last.score, mode };
    if (nativeVersion) {
      const file = await nativeInput(sample, tmp);
      const nativeTimes: number[] = [];
      let page;
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        page = await nativeTesseract(file);
        nativeTimes.push(performance.now() - started);
      }
      const parsed = parseDocument({ name: sample.name, kind: 'png', mimeType: 'image/png', bytes: 0, sha256: '', method: 'ocr', pageCount: 1, pages: [page!], problems: [] });
      row.native = median(nativeTimes);
      row.nativeScore = scoreFields(sample.expected, parsed.fields, parsed.items);
    }
    rows.push(row);
    for (const [side, score] of [['ours', row.oursScore], ['native', row.nativeScore]] as const) {
      if (!score) continue;
      totals[side].right += score.right;
      totals[side].total += score.total;
      totals[side].wrong.push(...score.wrong.map((w) => `${sample.name} ${w}`));
    }
  }

  console.log('\nper page (median of runs; ours = read + prepare + OCR + parse, one document at a time, pool shared)');
  console.log(`${'sample'.padEnd(34)} ${'mode'.padEnd(9)} ${'ours ms'.padStart(8)} ${'native ms'.padStart(10)} ${'ratio'.padStart(6)}  fields ours / native`);
  for (const r of rows) {
    const ratio = r.native ? (r.ours / r.native).toFixed(2) : '—';
    console.log(`${r.name.padEnd(34)} ${r.mode.padEnd(9)} ${Math.round(r.ours).toString().padStart(8)} ${(r.native ? Math.round(r.native).toString() : '—').padStart(10)} ${ratio.padStart(6)}  ${pct(r.oursScore)} / ${r.nativeScore ? pct(r.nativeScore) : '—'}`);
  }
  const oursMedian = median(rows.map((r) => r.ours));
  const nativeRows = rows.filter((r) => r.native !== undefined);
  const nativeMedian = median(nativeRows.map((r) => r.native!));
  console.log(`\nmedian per page: ours ${Math.round(oursMedian)} ms` + (nativeRows.length ? `, native ${Math.round(nativeMedian)} ms, ratio ${(oursMedian / nativeMedian).toFixed(2)} (target ${args.devset ? '≤ 1.0 on pages of other layouts' : '≤ 0.5 on our form'})` : ''));
  console.log(`field accuracy: ours ${pct(totals.ours)}` + (nativeRows.length ? `, native ${pct(totals.native)}` : ''));
  if (args.verbose) {
    for (const w of totals.ours.wrong) console.log(`  ours   ${w}`);
    for (const w of totals.native.wrong) console.log(`  native ${w}`);
  }

  console.log(`peak RSS after the per-page runs: ${peakRssMb()} MB`);
  // Throughput: every scanned sample `copies` times, `workers` documents at a time (the intake worker reads one
  // message at a time; a page's zones already spread over every OCR worker).
  const batch = rows.flatMap((r) => Array.from({ length: copies }, () => samples.find((s) => s.name === r.name)!));
  const docsAtOnce = limitConcurrency(workers);
  t = performance.now();
  await Promise.all(batch.map((s) => docsAtOnce(() => readAndParse(s))));
  const wall = (performance.now() - t) / 1000;
  console.log(`throughput: ${batch.length} pages in ${wall.toFixed(1)} s with ${workers} workers = ${((batch.length / wall) * 60).toFixed(0)} applications/min (target ≥ 60, end to end see docs/ocr.md)`);
  console.log(`peak RSS of this process: ${peakRssMb()} MB (target ≤ 600)`);
} finally {
  await pool.close();
  await rm(tmp, { recursive: true, force: true });
}
