import { describe, expect, it } from 'vitest';
import { createMemoryOrders } from '../../../../src/adapters/orders/create-memory-orders.ts';
import { orderOfMisreadPhone, phoneAlternatives } from '../../../../src/pipeline/decide/find-by-misread-phone.ts';
import { findOrder } from '../../../../src/pipeline/decide/find-order.ts';
import { application, specOrder } from './builders.ts';

const unreadPhone = (text: string) => [{ field: 'phone', code: 'invalid_value' as const, message: 'unreadable phone', read: [{ text }] }];
const theirs = specOrder({ orderNumber: '9842/26', customerEmail: 'kalinina@example.ru', customerName: 'Калинина Яна Викторовна', customerPhone: '+79533005186', deliveryDate: '2026-08-27' });
const stranger = specOrder({ orderNumber: '1111/26', customerEmail: 'x@example.ru', customerName: 'Петров Пётр Петрович', customerPhone: '+79533005187', deliveryDate: '2026-01-02', lines: [] });
const orders = createMemoryOrders([theirs, stranger]);
const anonymous = (fields: Parameters<typeof application>[0], problems = unreadPhone('+7953300586')) =>
  application({ orderNumber: undefined, email: undefined, fullName: { value: 'AO Райффайзенбанк', confidence: 0.7 }, phone: undefined, ...fields }, [{ name: 'Кресс они жи', quantity: '1' }], problems);

describe('phoneAlternatives', () => {
  it('undoes one slip: a lost digit, an extra one, an unreadable place, a changed digit', () => {
    expect(phoneAlternatives('+7953300586')).toContain('+79533005186');
    expect(phoneAlternatives('8 953 300 51 866')).toContain('+79533005186');
    const filled = phoneAlternatives('8 909 62? 36 52');
    expect(filled).toHaveLength(10);
    expect(filled).toContain('+79096273652');
    expect(phoneAlternatives('8 953 300 51 87')).toContain('+79533005186');
  });

  it('nothing for a reading two slips off', () => {
    expect(phoneAlternatives('8 (9?3) 3?0-51-86')).toEqual([]);
  });
});

describe('orderOfMisreadPhone', () => {
  const linesFit = () => 0;

  it('the order of the buyer whose phone is one slip away, when the delivery date on the paper agrees', async () => {
    const read = anonymous({ receivedDate: { value: '2026-08-27', confidence: 0.6 } });
    expect((await orderOfMisreadPhone(read, orders, { minConfidence: 0.9, linesFit }))?.orderNumber).toBe('9842/26');
  });

  it('not on the phone alone: one slip may land on another customer\'s number', async () => {
    expect(await orderOfMisreadPhone(anonymous({ receivedDate: undefined }), orders, { minConfidence: 0.9, linesFit })).toBeUndefined();
  });

  it('findOrder uses it when neither a number nor an exact contact finds the buyer', async () => {
    const found = await findOrder(anonymous({ receivedDate: { value: '2026-08-27', confidence: 0.6 } }), orders, { minConfidence: 0.9 });
    expect(found).toMatchObject({ kind: 'found', by: 'customer', order: { orderNumber: '9842/26' } });
  });
});
