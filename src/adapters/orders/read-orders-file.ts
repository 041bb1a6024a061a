// Reads an orders export (`intake orders import FILE`): CSV or JSON by extension. All or nothing: a file
// with any bad row is refused with every problem listed, so a half-imported catalogue never decides returns.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../domain/app-error.ts';
import type { Order } from '../../domain/order.ts';
import { parseOrdersCsv } from './parse-orders-csv.ts';
import { parseOrdersJson } from './parse-orders-json.ts';

export function readOrdersFile(file: string): Order[] {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') {
    throw new AppError('validation_failed', `${file}: expected a .csv or .json orders file`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('not_found', `${file}: ${(cause as Error).message}`, { cause });
  }
  const result = ext === '.csv' ? parseOrdersCsv(text) : parseOrdersJson(text);
  if (result.errors.length > 0) {
    throw new AppError('validation_failed', `${file}: ${result.errors.length} problem(s):\n${result.errors.map((e) => `  ${e}`).join('\n')}`);
  }
  return result.orders;
}
