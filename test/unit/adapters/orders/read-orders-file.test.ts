import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrdersCsv } from '../../../../src/adapters/orders/parse-orders-csv.ts';
import { parseOrdersJson } from '../../../../src/adapters/orders/parse-orders-json.ts';
import { readOrdersFile } from '../../../../src/adapters/orders/read-orders-file.ts';
import { AppError } from '../../../../src/domain/app-error.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/orders');
const HEADER = 'order_number,customer_email,customer_name,order_date,delivery_date,region,sku,name,size,quantity,unit_price,made_to_order,discount_code,discount_amount,discount_min_items';

describe('readOrdersFile', () => {
  it('reads the example CSV into orders, grouping lines and discounts', () => {
    const orders = readOrdersFile(path.join(fixtures, 'orders.csv'));
    expect(orders.map((o) => o.orderNumber)).toEqual(['A-1001', 'A-1002', 'M-2001']);
    const [spec, custom, intl] = orders;
    expect(spec).toMatchObject({
      customerEmail: 'anna.ivanova@example.ru',
      orderDate: '2025-03-01',
      deliveryDate: '2025-03-05',
      region: 'domestic',
      discounts: [{ code: '1+1=3', amount: 250000, description: 'Third item free', condition: { minItems: 3 } }],
      shippingPaid: 0,
    });
    expect(spec!.lines.map((l) => [l.sku, l.unitPrice, l.quantity])).toEqual([
      ['SK-4000', 400000, 1],
      ['TS-3000', 300000, 1],
      ['SC-2500', 250000, 1],
    ]);
    expect(spec!.lines[2]).not.toHaveProperty('size');
    expect(custom!.lines[0]).toMatchObject({ sku: 'CU-7700', madeToOrder: true, name: 'Платье по индивидуальным меркам' });
    expect(custom!.discounts).toEqual([]);
    expect(intl!.region).toBe('international');
  });

  it('reads the same orders from JSON', () => {
    const fromJson = readOrdersFile(path.join(fixtures, 'orders.json'));
    const fromCsv = readOrdersFile(path.join(fixtures, 'orders.csv'));
    expect(fromJson[0]).toEqual(fromCsv[0]);
    expect(fromJson[1]).toMatchObject({ orderNumber: 'M-2001', shippingPaid: 120000 });
  });

  it('refuses a file with bad rows, listing every one by line number', () => {
    let error: unknown;
    try {
      readOrdersFile(path.join(fixtures, 'bad-orders.csv'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const { code, message } = error as AppError;
    expect(code).toBe('validation_failed');
    for (const expected of [
      'line 3: order_date: "2025-03-02" differs from line 2 ("2025-03-01") of order B-1',
      'line 4: customer_email: expected an e-mail address, got "not-an-email"',
      'line 4: order_date: expected a date YYYY-MM-DD, got "2025-13-01"',
      'line 4: region: expected one of "domestic", "international", got "moon"',
      'line 4: quantity: expected a whole number, got "zero"',
      'line 4: unit_price: expected roubles like 4000.00, got "12.345"',
      'line 4: made_to_order: expected one of "true", "false", got "maybe"',
      'line 5: discount_amount: required when discount_code is set',
      'line 6: expected 15 columns, got 4',
    ]) {
      expect(message).toContain(expected);
    }
  });

  it.each(['orders.txt', 'orders.xlsx'])('refuses %s by extension', (name) => {
    expect(() => readOrdersFile(path.join(fixtures, name))).toThrow(/expected a \.csv or \.json/);
  });

  it('a missing file is not_found', () => {
    expect(() => readOrdersFile(path.join(fixtures, 'missing.csv'))).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

describe('parseOrdersCsv', () => {
  it.each([
    ['an empty file', '', ['the file is empty']],
    ['missing columns', 'order_number,sku\nA,B\n', ['line 1: missing columns: customer_email']],
    ['an unknown column', `${HEADER},colour\n`, ['line 1: unknown columns: colour']],
    ['broken quoting', `${HEADER}\n"A-1,x\n`, ['not valid CSV']],
    ['an empty order number and SKU', `${HEADER}\n,,,2025-03-01,,,,Шапка,,1,10.00,,,,\n`, ['line 2: order_number: must not be empty', 'line 2: sku: must not be empty']],
    ['a zero quantity', `${HEADER}\nA,,,2025-03-01,,,X,Шапка,,0,10.00,,,,\n`, ['line 2: quantity: expected at least 1']],
    ['a conflicting discount', `${HEADER}\nA,,,2025-03-01,,,X,Шапка,,1,10.00,,D,5.00,\nA,,,2025-03-01,,,Y,Шарф,,1,10.00,,D,6.00,\n`, ['line 3: discount D differs from line 2 of order A']],
  ])('reports %s', (_name, csv, expected) => {
    const { errors } = parseOrdersCsv(csv);
    for (const e of expected) expect(errors.join('\n')).toContain(e);
  });

  it('accepts blank optional columns, a BOM, CRLF line ends and optional extra columns', () => {
    const csv = `\uFEFF${HEADER},shipping_paid,category,discount_min_total\r\nA,,,2025-03-01,,,X,Шапка,,2,10.50,,,,,300.00,personalised,\r\n`;
    const { orders, errors } = parseOrdersCsv(csv);
    expect(errors).toEqual([]);
    expect(orders).toEqual([
      {
        orderNumber: 'A',
        orderDate: '2025-03-01',
        region: 'domestic',
        lines: [{ sku: 'X', name: 'Шапка', quantity: 2, unitPrice: 1050, madeToOrder: false, category: 'personalised' }],
        discounts: [],
        shippingPaid: 30000,
      },
    ]);
  });

  it('keeps a discount with a minimum total', () => {
    const csv = `${HEADER},discount_min_total\nA,,,2025-03-01,,,X,Шапка,,1,10.00,,D,5.00,,100.00\n`;
    expect(parseOrdersCsv(csv).orders[0]?.discounts).toEqual([{ code: 'D', amount: 500, condition: { minTotal: 10000 } }]);
  });
});

describe('parseOrdersJson', () => {
  it.each([
    ['not JSON', '{', ['not valid JSON']],
    ['not an array', '{}', ['expected an array of orders']],
    ['a bad order', JSON.stringify([{ orderNumber: 'A', orderDate: '2025-03-01', lines: [{ sku: 'X', name: 'n', quantity: 1, unitPrice: 10.5 }] }]), ['orders[0]: lines[0].unitPrice: expected int']],
    ['no lines', JSON.stringify([{ orderNumber: 'A', orderDate: '2025-03-01', lines: [] }]), ['orders[0]: lines: ']],
    ['a duplicate', JSON.stringify([1, 2].map(() => ({ orderNumber: 'A', orderDate: '2025-03-01', lines: [{ sku: 'X', name: 'n', quantity: 1, unitPrice: 10 }] }))), ['orders[1]: order A appears more than once']],
  ])('reports %s', (_name, json, expected) => {
    const { errors } = parseOrdersJson(json);
    for (const e of expected) expect(errors.join('\n')).toContain(e);
  });
});
