// Orders exported from a shop as CSV, one row per order line (columns: docs/orders-import.md). Every bad row
// is reported with its line number, so whoever exported the file can fix all of it in one go.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { parseRoubles } from '../../domain/money/money.ts';
import { OrderSchema, type Order, type OrderDiscount, type OrderLine } from '../../domain/order.ts';
import { formatZodIssues } from '../../domain/policy/format-zod-issues.ts';
import { isIsoDate } from '../../pipeline/decide/iso-date.ts';

export const REQUIRED_COLUMNS = [
  'order_number', 'customer_email', 'customer_name', 'order_date', 'delivery_date', 'region',
  'sku', 'name', 'size', 'quantity', 'unit_price', 'made_to_order', 'discount_code', 'discount_amount', 'discount_min_items',
] as const;
export const OPTIONAL_COLUMNS = ['discount_min_total', 'discount_description', 'category', 'customer_phone', 'shipping_paid'] as const;

export interface OrdersParseResult {
  orders: Order[];
  /** `line N: column: what is wrong` — empty when the whole file is good. */
  errors: string[];
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';
const text = z.string().transform((s) => s.trim());
const optionalText = z.string().optional().transform((s) => (blank(s) ? undefined : s!.trim()));
const date = text.refine(isIsoDate, 'expected a date YYYY-MM-DD');
const optionalDate = optionalText.refine((s) => s === undefined || isIsoDate(s), 'expected a date YYYY-MM-DD or nothing');
const roubles = text.transform((s, ctx) => {
  const parsed = parseRoubles(s);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: 'expected roubles like 4000.00' });
    return z.NEVER;
  }
  return parsed.kopecks;
});
const optionalRoubles = z.string().optional().transform((s, ctx) => {
  if (blank(s)) return undefined;
  const parsed = parseRoubles(s!);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: 'expected roubles like 4000.00 or nothing' });
    return z.NEVER;
  }
  return parsed.kopecks;
});
const wholeNumber = (min: number) =>
  text.pipe(z.string().regex(/^\d+$/, 'expected a whole number')).transform(Number).pipe(z.number().min(min, `expected at least ${min}`));
const optionalWholeNumber = (min: number) => optionalText.pipe(wholeNumber(min).optional());

const RowSchema = z
  .object({
    order_number: text.pipe(z.string().min(1, 'must not be empty')),
    customer_email: optionalText.pipe(z.email('expected an e-mail address').optional()),
    customer_name: optionalText,
    customer_phone: optionalText,
    order_date: date,
    delivery_date: optionalDate,
    region: optionalText.pipe(z.enum(['domestic', 'international']).default('domestic')),
    sku: text.pipe(z.string().min(1, 'must not be empty')),
    name: text,
    size: optionalText,
    category: optionalText,
    quantity: wholeNumber(1),
    unit_price: roubles,
    made_to_order: optionalText.pipe(z.enum(['true', 'false']).default('false')).transform((s) => s === 'true'),
    discount_code: optionalText,
    discount_description: optionalText,
    discount_amount: optionalRoubles,
    discount_min_items: optionalWholeNumber(1),
    discount_min_total: optionalRoubles,
    shipping_paid: optionalRoubles,
  })
  .superRefine((row, ctx) => {
    if (row.discount_code !== undefined && row.discount_amount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['discount_amount'], message: 'required when discount_code is set' });
    }
  });
type Row = z.infer<typeof RowSchema>;

export function parseOrdersCsv(csv: string): OrdersParseResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { orders: [], errors: [`${line !== undefined ? `line ${line}: ` : ''}not valid CSV: ${(error as Error).message}`] };
  }
  const [header, ...rows] = records;
  if (!header) return { orders: [], errors: ['the file is empty'] };
  const columns = header.record.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  const known: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
  const unknown = columns.filter((c) => !known.includes(c));
  const errors: string[] = [];
  if (missing.length) errors.push(`line ${header.info.lines}: missing columns: ${missing.join(', ')}`);
  if (unknown.length) errors.push(`line ${header.info.lines}: unknown columns: ${unknown.join(', ')}`);
  if (errors.length) return { orders: [], errors };

  const builders = new Map<string, OrderBuilder>();
  for (const { record, info } of rows) {
    const line = info.lines;
    if (record.length !== columns.length) {
      errors.push(`line ${line}: expected ${columns.length} columns, got ${record.length}`);
      continue;
    }
    const raw = Object.fromEntries(columns.map((c, i) => [c, record[i] ?? '']));
    const parsed = RowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const message of formatZodIssues(parsed.error.issues, raw)) errors.push(`line ${line}: ${message}`);
      continue;
    }
    const row = parsed.data;
    let builder = builders.get(row.order_number);
    if (!builder) builders.set(row.order_number, (builder = new OrderBuilder(row, line)));
    errors.push(...builder.add(row, line));
  }

  const orders: Order[] = [];
  for (const builder of builders.values()) {
    const order = OrderSchema.safeParse(builder.build());
    if (order.success) orders.push(order.data);
    else errors.push(...formatZodIssues(order.error.issues, builder.build()).map((m) => `order ${builder.number}: ${m}`));
  }
  return { orders, errors };
}

/** Collects one order's rows; order-level columns must agree on every row of the order. */
class OrderBuilder {
  readonly number: string;
  private readonly first: Row;
  private readonly firstLine: number;
  private readonly lines: OrderLine[] = [];
  private readonly discounts = new Map<string, { discount: OrderDiscount; line: number }>();

  constructor(first: Row, line: number) {
    this.number = first.order_number;
    this.first = first;
    this.firstLine = line;
  }

  add(row: Row, line: number): string[] {
    const errors: string[] = [];
    for (const key of ['customer_email', 'customer_name', 'customer_phone', 'order_date', 'delivery_date', 'region', 'shipping_paid'] as const) {
      if (row[key] !== this.first[key]) {
        errors.push(`line ${line}: ${key}: ${JSON.stringify(row[key] ?? '')} differs from line ${this.firstLine} (${JSON.stringify(this.first[key] ?? '')}) of order ${this.number}`);
      }
    }
    if (row.discount_code !== undefined) {
      const discount: OrderDiscount = {
        code: row.discount_code,
        amount: row.discount_amount!,
        ...(row.discount_description !== undefined ? { description: row.discount_description } : {}),
        ...(row.discount_min_items !== undefined || row.discount_min_total !== undefined
          ? { condition: { ...(row.discount_min_items !== undefined ? { minItems: row.discount_min_items } : {}), ...(row.discount_min_total !== undefined ? { minTotal: row.discount_min_total } : {}) } }
          : {}),
      };
      const seen = this.discounts.get(discount.code);
      if (!seen) this.discounts.set(discount.code, { discount, line });
      else if (JSON.stringify(seen.discount) !== JSON.stringify(discount)) {
        errors.push(`line ${line}: discount ${discount.code} differs from line ${seen.line} of order ${this.number}`);
      }
    }
    if (errors.length === 0) {
      this.lines.push({
        sku: row.sku,
        name: row.name,
        quantity: row.quantity,
        unitPrice: row.unit_price,
        madeToOrder: row.made_to_order,
        ...(row.size !== undefined ? { size: row.size } : {}),
        ...(row.category !== undefined ? { category: row.category } : {}),
      });
    }
    return errors;
  }

  build(): unknown {
    const f = this.first;
    return {
      orderNumber: f.order_number,
      ...(f.customer_email !== undefined ? { customerEmail: f.customer_email.toLowerCase() } : {}),
      ...(f.customer_name !== undefined ? { customerName: f.customer_name } : {}),
      ...(f.customer_phone !== undefined ? { customerPhone: f.customer_phone } : {}),
      orderDate: f.order_date,
      ...(f.delivery_date !== undefined ? { deliveryDate: f.delivery_date } : {}),
      region: f.region,
      lines: this.lines,
      discounts: [...this.discounts.values()].map((d) => d.discount),
      shippingPaid: f.shipping_paid ?? 0,
    };
  }
}
