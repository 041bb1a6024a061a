// `intake parse FILE... --json`: read applications offline (no database, no mail server) and print one JSON
// object per input, one per line (SPEC §6). Exit 1 when any input could not be read at all.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParsedApplication } from '../domain/application.ts';
import type { ExtractedDocument } from '../domain/document.ts';
import { problem } from '../domain/problem.ts';
import { loadConfig } from '../config.ts';
import { createReader } from '../main.ts';
import { bodyDocument } from '../pipeline/extract/body-document.ts';
import { readAttachments } from '../pipeline/process/process-message.ts';
import { readApplication } from '../pipeline/process/read-application.ts';
import { messageLimitBreach, type MessageLimitBreach } from '../pipeline/process/message-limit.ts';
import { createProgress } from './progress.ts';
import { createMemoryOrders } from '../adapters/orders/create-memory-orders.ts';
import { readOrdersFile } from '../adapters/orders/read-orders-file.ts';
import { loadPolicy } from '../adapters/policy/load-policy.ts';
import { describeSource } from '../domain/value-provenance.ts';
import { readWithOrders, type ReadWithOrders } from '../pipeline/process/read-with-orders.ts';
import { fillFromHeader } from '../pipeline/decide/fill-from-header.ts';
import { isoDay } from '../domain/iso-day.ts';
import { dateBeforeSending } from '../pipeline/decide/date-before-sending.ts';

/** Problems that mean the document's content could not be read at all (as opposed to read with doubts). */
const UNREADABLE = new Set(['unreadable_file', 'unsupported_type', 'encrypted_pdf', 'too_large', 'too_many_pages', 'too_complex', 'ocr_timeout', 'ocr_failed']);

export async function parseCommand(files: string[], options: { json?: boolean; today?: string; orders?: string }): Promise<number> {
  const config = loadConfig();
  // Read before any OCR starts: a bad orders file is refused at once, with every problem listed.
  const orders = options.orders ? createMemoryOrders(readOrdersFile(options.orders)) : null;
  const minConfidence = loadPolicy(config.policyFile).minConfidence;
  const reader = await createReader(config, { isolated: true });
  const today = options.today ?? isoDay(new Date(), config.shopTimeZone);
  const progress = createProgress('Parsing');
  progress.setTotal(files.length);
  let failed = 0;
  try {
    for (const file of files) {
      const parsed = await parseFile(file, reader, today);
      const { readable } = parsed;
      // Nothing is signed after it is sent: an e-mail's own day bounds the application's date. (A file alone gives
      // no such day; the worker uses the day the mail arrived.)
      const latest = parsed.sent && !Number.isNaN(parsed.sent.getTime()) ? isoDay(parsed.sent, config.shopTimeZone) : undefined;
      // A message's sender is evidence for the customer's address, with or without the shop's orders.
      const read = fillFromHeader(latest ? dateBeforeSending(parsed.result, latest) : parsed.result, parsed.sender);
      const result = orders ? await readWithOrders(read, orders, { minConfidence, ...(latest ? { latest } : {}), ...(parsed.sender ? { sender: parsed.sender } : {}) }) : read;
      if (!readable) {
        failed++;
        for (const p of result.problems) process.stderr.write(`${file}: ${p.code}: ${p.message}\n`);
      }
      process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : describe(result));
      progress.tick(path.basename(file));
    }
  } finally {
    progress.stop();
    await reader.close();
  }
  if (!options.json) process.stderr.write(`${files.length} input(s), ${files.length - failed} read, ${failed} unreadable\n`);
  return failed > 0 ? 1 : 0;
}

async function parseFile(
  file: string,
  reader: Awaited<ReturnType<typeof createReader>>,
  today: string,
): Promise<{ result: ParsedApplication; readable: boolean; sender?: string; sent?: Date }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const message = `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    return { result: { source: file, fields: {}, items: [], problems: [problem(file, 'unreadable_file', message)] }, readable: false };
  }
  let documents: ExtractedDocument[];
  let sender: string | undefined;
  let sent: Date | undefined;
  let breach: MessageLimitBreach | null = null;
  if (path.extname(file).toLowerCase() === '.eml') {
    const mail = await reader.mime.parse(bytes);
    sender = mail.replyTo?.address ?? mail.from?.address;
    sent = mail.date;
    // Over a limit on whole messages only the headers were read: said with the code the service's reply gives.
    breach = messageLimitBreach(mail, bytes.length);
    documents = [...(await readAttachments(mail, reader.documents)).map(({ content: _content, ...doc }) => doc), bodyDocument(mail.text)];
  } else {
    documents = [await reader.documents.read(path.basename(file), bytes)];
  }
  const { application } = readApplication(file, documents, today);
  if (breach) {
    const result = { ...application, problems: [problem(file, breach.code, breach.message), ...application.problems] };
    return { result, readable: false, ...(sender ? { sender } : {}) };
  }
  const single = documents.length === 1 ? documents[0]! : undefined;
  const readable = !(single && single.pages.length === 0 && single.problems.some((p) => UNREADABLE.has(p.code)));
  return { result: application, readable, ...(sender ? { sender } : {}), ...(sent ? { sent } : {}) };
}

function describe(result: ParsedApplication | ReadWithOrders): string {
  const lines = [`${result.source}`];
  for (const [key, field] of Object.entries(result.fields)) {
    lines.push(`  ${key.padEnd(16)} ${field!.value}  (${Math.round(field!.confidence * 100)}%, ${describeSource(field!)})`);
  }
  result.items.forEach((item, i) => {
    lines.push(`  item ${i + 1}: ${Object.entries(item).map(([k, v]) => `${k}=${v!.value}`).join(' ')}`);
  });
  for (const p of result.problems) lines.push(`  ! ${p.code} ${p.field}: ${p.message}`);
  const withOrders = result as ReadWithOrders;
  if (withOrders.order) lines.push(`  order ${withOrders.order.orderNumber}: ${withOrders.order.foundBy}`);
  for (const [key, field] of Object.entries(withOrders.supplied?.fields ?? {})) lines.push(`  ${key.padEnd(16)} ${field!.value}  (from the order)`);
  for (const { index, ...item } of withOrders.supplied?.items ?? []) {
    lines.push(`  item ${index + 1} from the order: ${Object.entries(item).map(([k, v]) => `${k}=${(v as { value: string }).value}`).join(' ')}`);
  }
  for (const p of withOrders.orderProblems ?? []) lines.push(`  ! ${p.code} ${p.field ?? ''}: ${p.message}`);
  return `${lines.join('\n')}\n`;
}
