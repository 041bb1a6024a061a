// `npm run bench:accuracy`: reads every sample with ground truth through the same path as `intake parse`
// (createReader + readApplication) and reports exact-match accuracy per field and per variant, missing and
// spurious fields, the confident-but-wrong rate (confidence ≥ 0.9 and wrong, over all values at ≥ 0.9),
// and whether bad inputs got their problem code. Options: `--only <text>` (file names containing it),
// `--details` (list every wrong value), `--json <file>` (write the raw per-sample results), `--devset DIR` (also
// score a generated devset folder — ../shared/devset's `forms/` — and print its tables after the samples').
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createReader } from '../src/main.ts';
import type { ExtractedDocument } from '../src/domain/document.ts';
import { bodyDocument } from '../src/pipeline/extract/body-document.ts';
import { readAttachments } from '../src/pipeline/process/process-message.ts';
import { readApplication } from '../src/pipeline/process/read-application.ts';
import { DOCUMENT_SAMPLES } from '../scripts/samples/document-samples.ts';
import { EMAIL_SAMPLES } from '../scripts/samples/email-samples.ts';
import { ExpectedSchema, type Expected } from '../scripts/samples/expected-schema.ts';
import { scoreSample, summarise, variantOf, type SampleResult } from './accuracy-score.ts';
import { devsetTables, loadDevset, scoreDevset, type DevsetResult } from './lib/devset.ts';
import type { ParsedApplication } from '../src/domain/application.ts';
import { isoDay } from '../src/domain/iso-day.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../samples');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const details = args.includes('--details');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const devsetDir = args.includes('--devset') ? args[args.indexOf('--devset') + 1] : undefined;
/** Documents read at once; the OCR pool has one worker per core, a third keeps it busy. */
const CONCURRENCY = 3;

interface Job {
  file: string;
  variant: string;
  expected: Expected;
}

async function jobs(): Promise<Job[]> {
  const out: Job[] = [];
  for (const sample of DOCUMENT_SAMPLES) {
    out.push({ file: `documents/${sample.file}`, variant: variantOf(sample), expected: await expectedFor('documents', sample.file) });
  }
  // E-mails whose application is typed into the body; those with attachments repeat the documents above.
  for (const sample of EMAIL_SAMPLES) {
    if (sample.copyOf !== undefined || sample.bodyApplication === undefined) continue;
    out.push({ file: `emails/${sample.name}.eml`, variant: 'e-mail body', expected: await expectedFor('emails', `${sample.name}.eml`) });
  }
  return out.filter((j) => only === undefined || j.file.includes(only));
}

async function expectedFor(dir: string, file: string): Promise<Expected> {
  const name = file.replace(/\.[^.]+$/, '') + '.expected.json';
  return ExpectedSchema.parse(JSON.parse(await readFile(path.join(SAMPLES, dir, name), 'utf8')));
}

const config = loadConfig();
const reader = await createReader(config);

/** One file through the same path as `intake parse`: an e-mail's attachments and body, or one document. */
async function readOne(file: string, today: string): Promise<ParsedApplication> {
  const bytes = await readFile(file);
  let documents: ExtractedDocument[];
  if (file.endsWith('.eml')) {
    const mail = await reader.mime.parse(bytes);
    documents = [...(await readAttachments(mail, reader.documents)).map(({ content: _content, ...doc }) => doc), bodyDocument(mail.text)];
  } else {
    documents = [await reader.documents.read(path.basename(file), bytes)];
  }
  return readApplication(file, documents, today).application;
}

const started = Date.now();
const devsetResults: DevsetResult[] = [];
const results: SampleResult[] = [];
try {
  const queue = await jobs();
  const total = queue.length;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const t0 = Date.now();
        const application = await readOne(path.join(SAMPLES, job.file), job.expected.expect.asOf.slice(0, 10));
        const result = scoreSample(job.file, job.variant, job.expected, application, Date.now() - t0);
        results.push(result);
        process.stderr.write(`[${results.length}/${total}] ${job.file} ${result.seconds.toFixed(1)} s\n`);
      }
    }),
  );
  if (devsetDir) {
    const entries = await loadDevset(path.resolve(devsetDir));
    const today = isoDay(new Date(), config.shopTimeZone);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let entry = entries.shift(); entry; entry = entries.shift()) {
          devsetResults.push(scoreDevset(entry, await readOne(entry.file, today)));
          process.stderr.write(`[devset ${devsetResults.length}] ${path.basename(entry.file)}\n`);
        }
      }),
    );
  }
} finally {
  await reader.close();
}

results.sort((a, b) => a.file.localeCompare(b.file));
process.stdout.write(summarise(results, { details, seconds: (Date.now() - started) / 1000 }));
if (devsetDir) process.stdout.write(`\n## Devset: ${devsetDir}\n\n${devsetTables(devsetResults)}\n`);
if (jsonOut) await writeFile(jsonOut, JSON.stringify(results, null, 2) + '\n');

