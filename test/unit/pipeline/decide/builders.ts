// Small builders for decide-stage tests: a confidently read application and the SPEC's example orders.
import type { FieldKey, ItemKey, ParsedApplication } from '../../../../src/domain/application.ts';
import type { Order } from '../../../../src/domain/order.ts';

type FieldInput = string | { value: string; confidence: number };
const field = (v: FieldInput) => (typeof v === 'string' ? { value: v, confidence: 0.98 } : v);

export function application(
  fields: Partial<Record<FieldKey, FieldInput | undefined>> = {},
  items: Array<Partial<Record<ItemKey, FieldInput>>> = [{ sku: 'TS-3000', quantity: '1' }],
  problems: ParsedApplication['problems'] = [],
): ParsedApplication {
  const all: Partial<Record<FieldKey, FieldInput | undefined>> = {
    orderNumber: 'A-1001',
    orderDate: '2025-03-01',
    receivedDate: '2025-03-05',
    fullName: 'Иванова Анна Сергеевна',
    email: 'anna.ivanova@example.ru',
    reason: 'proper_quality',
    refundMethod: 'card',
    cardLast4: '4242',
    applicationDate: '2025-03-08',
    ...fields,
  };
  return {
    source: 'test',
    fields: Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined).map(([k, v]) => [k, field(v!)])),
    items: items.map((item) => Object.fromEntries(Object.entries(item).map(([k, v]) => [k, field(v)]))),
    problems,
  };
}

/** SPEC §2 worked example: skirt 4000 ₽, T-shirt 3000 ₽, scarf 2500 ₽ free under "1+1=3". */
export function specOrder(overrides: Partial<Order> = {}): Order {
  return {
    orderNumber: 'A-1001',
    customerEmail: 'anna.ivanova@example.ru',
    customerName: 'Иванова Анна Сергеевна',
    orderDate: '2025-03-01',
    deliveryDate: '2025-03-05',
    region: 'domestic',
    lines: [
      { sku: 'SK-4000', name: 'Юбка', size: 'S', quantity: 1, unitPrice: 400000, madeToOrder: false },
      { sku: 'TS-3000', name: 'Футболка', size: 'M', quantity: 1, unitPrice: 300000, madeToOrder: false },
      { sku: 'SC-2500', name: 'Шарф', quantity: 1, unitPrice: 250000, madeToOrder: false },
    ],
    discounts: [{ code: '1+1=3', amount: 250000, condition: { minItems: 3 } }],
    shippingPaid: 0,
    ...overrides,
  };
}

export function customOrder(): Order {
  return specOrder({
    discounts: [],
    lines: [
      { sku: 'CU-7700', name: 'Платье по меркам', size: '42', quantity: 1, unitPrice: 770000, madeToOrder: true },
      { sku: 'BL-1500', name: 'Блузка', size: 'M', quantity: 2, unitPrice: 150000, madeToOrder: false },
      { sku: 'EN-0900', name: 'Кружка с надписью', quantity: 1, unitPrice: 90000, madeToOrder: false, category: 'personalised' },
    ],
  });
}
