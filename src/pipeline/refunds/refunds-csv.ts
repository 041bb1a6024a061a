// Refunds as a CSV table for accounting (one row each, every refund method): amounts in roubles with two
// decimals, days as YYYY-MM-DD, a UTF-8 byte order mark so spreadsheet programs read the Cyrillic names.
import { stringify } from 'csv-stringify/sync';
import { isoDay } from '../../domain/iso-day.ts';
import { toRoublesString } from '../../domain/money/money.ts';
import type { RefundDue } from '../../domain/ports/refunds.ts';

export const CSV_COLUMNS = [
  'return_number',
  'order_number',
  'customer_name',
  'customer_email',
  'amount_rub',
  'due_on',
  'refund_method',
  'account_holder',
  'bik',
  'account',
  'corr_account',
  'card_last4',
] as const;

export function refundsCsv(refunds: readonly RefundDue[], timeZone: string): string {
  const rows = refunds.map((r) => [
    r.returnNumber,
    r.orderNumber ?? '',
    r.customerName ?? '',
    r.customerEmail ?? '',
    r.amount === null ? '' : toRoublesString(r.amount),
    r.dueAt ? isoDay(r.dueAt, timeZone) : '',
    r.refundMethod ?? '',
    r.accountHolder ?? '',
    r.bik ?? '',
    r.account ?? '',
    r.corrAccount ?? '',
    r.cardLast4 ?? '',
  ]);
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' })}`;
}
