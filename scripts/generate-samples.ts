// Writes the committed samples (`npm run samples:generate`): samples/orders.json, samples/documents/*,
// samples/emails/*.eml and a `.expected.json` ground truth beside each. Deterministic: the same code
// writes the same bytes. The tables in scripts/samples/*-samples.ts are the source of truth.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { OrderSchema } from '../src/domain/order.ts';
import { DOCUMENT_SAMPLES } from './samples/document-samples.ts';
import { EMAIL_SAMPLES } from './samples/email-samples.ts';
import { renderEmail } from './samples/render-email.ts';
import { ExpectedSchema, type Expected } from './samples/expected-schema.ts';
import { renderDocument } from './samples/render-document.ts';
import { SAMPLE_ORDERS } from './samples/sample-orders.ts';
import { checkGroundTruth } from './samples/check-ground-truth.ts';

const ROOT = new URL('../samples/', import.meta.url);
const only = process.argv[2];

function expectedName(file: string): string {
  return file.replace(/\.[^.]+$/, '') + '.expected.json';
}

async function writeExpected(dir: URL, file: string, expected: Expected): Promise<void> {
  // Refuse to write ground truth that is not canonical or whose bank details fail their control key.
  const parsed = ExpectedSchema.parse(expected);
  const faults = checkGroundTruth(parsed);
  if (faults.length > 0) throw new Error(`${file}: ${faults.join('; ')}`);
  await writeFile(new URL(expectedName(file), dir), JSON.stringify(parsed, null, 2) + '\n');
}

await mkdir(new URL('documents/', ROOT), { recursive: true });
await mkdir(new URL('emails/', ROOT), { recursive: true });
await writeFile(new URL('orders.json', ROOT), JSON.stringify(SAMPLE_ORDERS.map((o) => OrderSchema.parse(o)), null, 2) + '\n');

const documents = new Map<string, Awaited<ReturnType<typeof renderDocument>>>();
for (const sample of DOCUMENT_SAMPLES) {
  if (only && !sample.file.includes(only)) continue;
  const rendered = await renderDocument(sample);
  documents.set(sample.file, rendered);
  const dir = new URL('documents/', ROOT);
  await writeFile(new URL(sample.file, dir), rendered.bytes);
  await writeExpected(dir, sample.file, rendered.expected);
  console.log(`documents/${sample.file} (${Math.round(rendered.bytes.length / 1024)} KiB)`);
}

const emails = new Map<string, Buffer>();
for (const sample of EMAIL_SAMPLES) {
  if (only && !sample.name.includes(only)) continue;
  const dir = new URL('emails/', ROOT);
  const source = sample.copyOf === undefined ? undefined : emails.get(sample.copyOf);
  const rendered = sample.copyOf !== undefined && source
    ? { bytes: source, expected: { ...JSON.parse(await readFile(new URL(`${sample.copyOf}.expected.json`, dir), 'utf8')), description: sample.description, expect: sample.expect } }
    : sample.copyOf === undefined
      ? await renderEmail(sample, documents)
      : undefined;
  if (!rendered) throw new Error(`${sample.name}: copy of ${sample.copyOf}, which was not generated before it`);
  emails.set(sample.name, rendered.bytes);
  await writeFile(new URL(`${sample.name}.eml`, dir), rendered.bytes);
  await writeExpected(dir, `${sample.name}.eml`, rendered.expected);
  console.log(`emails/${sample.name}.eml (${Math.round(rendered.bytes.length / 1024)} KiB)`);
}
