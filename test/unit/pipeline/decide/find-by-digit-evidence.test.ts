// Issue #15: a cursive hand's order number, phone and dates all read with slips find the order only together.
import { describe, expect, it } from 'vitest';
import { createMemoryOrders } from '../../../../src/adapters/orders/create-memory-orders.ts';
import { completeFromOrder } from '../../../../src/pipeline/decide/complete-from-order.ts';
import { numberAlternatives, orderByDigitEvidence, phoneNeighbours, weighOrder } from '../../../../src/pipeline/decide/find-by-digit-evidence.ts';
import { findOrder } from '../../../../src/pipeline/decide/find-order.ts';
import { application, specOrder } from './builders.ts';

const min = { minConfidence: 0.9 };
const doubt = (value: string) => ({ value, confidence: 0.66 });
const hers = specOrder({ orderNumber: '5636/25', customerEmail: 'krylova@example.ru', customerName: 'Крылова Людмила Андреевна', customerPhone: '+79378993578', orderDate: '2025-10-23', deliveryDate: '2025-10-26' });
/** What a cursive hand left of it: two digits of the number read as letters, two of the phone misread, the name unreadable. */
const cursive = (overrides: Parameters<typeof application>[0] = {}) =>
  application({ orderNumber: doubt('96Y6/Z5'), phone: doubt('+79318943578'), receivedDate: doubt('2025-10-26'), orderDate: undefined, fullName: doubt('<piacta Aiogalua'), email: undefined, ...overrides });
/** A busy shop: every number near hers exists, each another buyer's, delivered around the same days. */
function neighbours(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const n = 5600 + i;
    return specOrder({
      orderNumber: `${n}/25`,
      customerEmail: `buyer${n}@example.ru`,
      customerName: 'Петров Пётр Петрович',
      customerPhone: `+7916${String(1000000 + n * 7919).slice(-7)}`,
      orderDate: '2025-10-2' + (i % 7),
      deliveryDate: '2025-10-2' + ((i + 3) % 7),
    });
  }).filter((o) => o.orderNumber !== hers.orderNumber);
}

describe('numberAlternatives / phoneNeighbours', () => {
  it('fills each letter of a number (two at most) with every digit; a number with no letter or three has none', () => {
    const alternatives = numberAlternatives('Y636/Z5');
    expect(alternatives).toContain('5636/25');
    expect(alternatives).toHaveLength(120);
    expect(numberAlternatives('5636/25')).toEqual([]);
    expect(numberAlternatives('YЯ36/Z5')).toEqual([]);
    // A shop API asked one number at a time: one letter place at most.
    expect(numberAlternatives('Y636/Z5', 1)).toEqual([]);
    expect(numberAlternatives('Y636/25', 1)).toHaveLength(10);
  });

  it('asks a shop API that finds orders only by number at most ten times', async () => {
    const asked: string[] = [];
    const api = { find: async (n: string) => (asked.push(n), n === hers.orderNumber ? hers : null) };
    await orderByDigitEvidence(cursive({ orderNumber: doubt('Y636/Z5') }), api, min);
    expect(asked).toEqual([]);
    await orderByDigitEvidence(cursive({ orderNumber: doubt('Y636/25') }), api, min);
    expect(asked).toHaveLength(10);
  });

  it('every phone two digits away, unreadable places among them', () => {
    expect(phoneNeighbours('+79318943578')).toContain('+79378993578');
    expect(phoneNeighbours('+79318943578')).not.toContain('+79378993570');
    expect(phoneNeighbours('8 (931) 8?4-35-78')).toContain('+79318943578');
    expect(phoneNeighbours('+7931894357')).toEqual([]);
  });
});

describe('orderByDigitEvidence', () => {
  it('finds the order the number, the phone and the delivery day point to together, among a busy shop\'s neighbours', async () => {
    const shop = createMemoryOrders([hers, ...neighbours(120)]);
    const found = await orderByDigitEvidence(cursive(), shop, min);
    expect(found?.order.orderNumber).toBe('5636/25');
    expect(found?.fields).toEqual(expect.arrayContaining(['orderNumber', 'phone', 'receivedDate']));
  });

  it('not without the phone pointing to its buyer: the number\'s digits alone are every neighbour\'s too', async () => {
    const shop = createMemoryOrders([hers, ...neighbours(120)]);
    expect(await orderByDigitEvidence(cursive({ phone: undefined }), shop, min)).toBeUndefined();
  });

  it('not when another order of the same buyer fits nearly as well: the number and the dates must tell them apart', async () => {
    const twin = { ...hers, orderNumber: '9606/25', deliveryDate: '2025-10-26' };
    const shop = createMemoryOrders([hers, twin]);
    const first = weighOrder(cursive(), hers);
    const second = weighOrder(cursive(), twin);
    expect(first.score - second.score).toBeLessThan(4.6);
    expect(await orderByDigitEvidence(cursive(), shop, min)).toBeUndefined();
  });

  it('findOrder takes it as probable, and what the order gives then stays below confident', async () => {
    const shop = createMemoryOrders([hers, ...neighbours(120)]);
    const found = await findOrder(cursive(), shop, min);
    expect(found).toMatchObject({ kind: 'found', by: 'digits', order: { orderNumber: '5636/25' } });
    const done = completeFromOrder(cursive(), hers, 0.9, { probable: true }).application;
    expect(done.fields.orderNumber).toMatchObject({ value: '5636/25', source: 'order' });
    expect(done.fields.receivedDate?.value).toBe('2025-10-26');
    const values = [...Object.values(done.fields), ...done.items.flatMap((i) => Object.values(i))];
    expect(values.filter((v) => v?.source === 'order').every((v) => v!.confidence < 0.9)).toBe(true);
  });
});

describe('a doubtful number that is another buyer\'s order exactly (#15, a busy shop)', () => {
  it('is weighed against what the phone proposes: the buyer\'s order whose digits fit wins, as probable', async () => {
    const misread = application({ orderNumber: doubt('5686/25'), phone: doubt('+79378993578'), receivedDate: doubt('2025-10-26'), orderDate: undefined, fullName: doubt('<piacta Aiogalua'), email: undefined });
    const shop = createMemoryOrders([hers, ...neighbours(120)]);
    const found = await findOrder(misread, shop, min);
    expect(found).toMatchObject({ kind: 'found', by: 'digits', order: { orderNumber: '5636/25' } });
  });

  it('with nothing else to go on it is still taken, but only as probable; a buyer recognised makes it the number\'s', async () => {
    const shop = createMemoryOrders([hers, ...neighbours(120)]);
    const bare = application({ orderNumber: doubt('5686/25'), phone: undefined, fullName: doubt('<piacta Aiogalua'), email: undefined });
    expect(await findOrder(bare, shop, min)).toMatchObject({ kind: 'found', by: 'digits', order: { orderNumber: '5686/25' } });
    const recognised = application({ orderNumber: doubt('5636/25'), phone: '+79378993578', email: undefined });
    expect(await findOrder(recognised, shop, min)).toMatchObject({ kind: 'found', by: 'number', order: { orderNumber: '5636/25' } });
  });
});
