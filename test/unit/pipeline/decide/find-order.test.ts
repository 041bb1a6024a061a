import { describe, expect, it } from 'vitest';
import { createMemoryOrders } from '../../../../src/adapters/orders/create-memory-orders.ts';
import { findOrder, numberFit } from '../../../../src/pipeline/decide/find-order.ts';
import { application, specOrder } from './builders.ts';

const min = { minConfidence: 0.9 };
const buyer = 'anna.ivanova@example.ru';
const theirs = specOrder({ orderNumber: 'LH-33882' });
const other = specOrder({ orderNumber: 'LH-33889', customerEmail: 'someone@else.ru', customerName: 'Петров Пётр Петрович', customerPhone: '+79990000000' });
const orders = createMemoryOrders([theirs, other]);
const unsure = (value: string) => ({ orderNumber: { value, confidence: 0.6 } });

describe('findOrder', () => {
  it('finds an order by the number as written', async () => {
    const found = await findOrder(application({ orderNumber: 'LH-33882' }), orders, min);
    expect(found).toMatchObject({ kind: 'found', by: 'number', order: { orderNumber: 'LH-33882' } });
  });

  it('leaves a confidently read number that does not exist as order_not_found, even when the buyer has a near one', async () => {
    const found = await findOrder(application({ orderNumber: 'LH-33883' }), orders, { ...min, senders: [buyer] });
    expect(found).toMatchObject({ kind: 'not_found', reasons: [{ code: 'order_not_found' }] });
  });

  it.each([
    ['one symbol off', 'LH-33832'],
    ['two symbols off', 'LH-38832'],
    ['OCR look-alikes', 'LН-ЗЗ8В2'],
    ['a missing prefix', '33882'],
  ])('finds the buyer\'s order from a doubtful number: %s', async (_name, read) => {
    const found = await findOrder(application(unsure(read)), orders, { ...min, senders: [buyer] });
    expect(found).toMatchObject({ kind: 'found', by: 'misread_number', order: { orderNumber: 'LH-33882' } });
  });

  it('finds the buyer\'s order from a doubtful number with every digit misread when every item line is the order\'s (handwriting)', async () => {
    const found = await findOrder(application(unsure('LH-47857')), orders, { ...min, senders: [buyer] });
    expect(found).toMatchObject({ kind: 'found', by: 'misread_number', order: { orderNumber: 'LH-33882' } });
    const elsewhere = await findOrder(application(unsure('LH-47857'), [{ sku: 'ZZ-0000', quantity: '1' }]), orders, { ...min, senders: [buyer] });
    expect(elsewhere.kind).toBe('not_found');
  });

  it('never takes another buyer\'s order for a misread number', async () => {
    const found = await findOrder(application({ ...unsure('LH-33880'), email: 'stranger@example.ru', fullName: 'Сидоров Иван Иванович' }), orders, { ...min, senders: ['stranger@example.ru'] });
    expect(found.kind).toBe('not_found');
  });

  it('picks the buyer by the phone on the form when the e-mail is unknown', async () => {
    const byPhone = createMemoryOrders([specOrder({ orderNumber: 'LH-33882', customerEmail: 'old@example.ru', customerPhone: '+79161234567' })]);
    const found = await findOrder(application({ ...unsure('LH-3382'), email: 'new@example.ru', phone: '+79161234567' }), byPhone, min);
    expect(found).toMatchObject({ kind: 'found', order: { orderNumber: 'LH-33882' } });
  });

  it('without a number, finds the buyer\'s one order that holds every item line', async () => {
    const second = specOrder({ orderNumber: 'LH-40000', lines: [{ sku: 'XX-1', name: 'Пальто', quantity: 1, unitPrice: 100000, madeToOrder: false }], discounts: [] });
    const found = await findOrder(application({ orderNumber: undefined }, [{ name: 'Футболка', quantity: '1' }]), createMemoryOrders([theirs, second]), { ...min, senders: [buyer] });
    expect(found).toMatchObject({ kind: 'found', by: 'customer', order: { orderNumber: 'LH-33882' } });
  });

  it('names both orders when two of the buyer\'s orders fit equally well', async () => {
    const twin = specOrder({ orderNumber: 'LH-33892' });
    const found = await findOrder(application(unsure('LH-33872')), createMemoryOrders([theirs, twin]), { ...min, senders: [buyer] });
    expect(found.kind).toBe('not_found');
    if (found.kind !== 'not_found') return;
    expect(found.reasons[0]).toMatchObject({ code: 'order_ambiguous', field: 'orderNumber' });
    expect(found.reasons[0]!.message).toContain('LH-33882');
    expect(found.reasons[0]!.message).toContain('LH-33892');
  });

  it('the item lines decide between two of the buyer\'s orders with equally near numbers', async () => {
    const twin = specOrder({ orderNumber: 'LH-33892', lines: [{ sku: 'XX-1', name: 'Пальто', quantity: 1, unitPrice: 100000, madeToOrder: false }], discounts: [] });
    const found = await findOrder(application(unsure('LH-33872'), [{ sku: 'TS-3000', quantity: '1' }]), createMemoryOrders([theirs, twin]), { ...min, senders: [buyer] });
    expect(found).toMatchObject({ kind: 'found', order: { orderNumber: 'LH-33882' } });
  });
});

describe('findOrder with handwriting (#15)', () => {
  const handwritten = specOrder({ orderNumber: '8539/26', customerEmail: 'ovchinnikova@example.ru', customerName: 'Овчинникова Юлия Александровна', customerPhone: '+79965319380' });
  const neighbour = specOrder({ orderNumber: '8537/26', customerEmail: 'petrov@example.ru', customerName: 'Петров Пётр Петрович', customerPhone: '+79990000000' });
  const shop = createMemoryOrders([handwritten, neighbour, other]);

  it('a doubtful number one digit off is the order whose buyer the misread name on the form resembles', async () => {
    const read = application({ ...unsure('8534/26'), email: undefined, fullName: { value: 'Ов чинникова Юлия Александровна', confidence: 0.75 } });
    const found = await findOrder(read, shop, min);
    expect(found).toMatchObject({ kind: 'found', by: 'misread_number', order: { orderNumber: '8539/26' } });
  });

  it('not when the buyer resembles no one, nor for a confident number', async () => {
    const stranger = application({ ...unsure('8534/26'), email: undefined, fullName: { value: 'Сидорова Мария Ивановна', confidence: 0.75 } });
    expect((await findOrder(stranger, shop, min)).kind).toBe('not_found');
    const confident = application({ orderNumber: '8534/26', email: undefined, fullName: 'Овчинникова Юлия Александровна' });
    expect((await findOrder(confident, shop, min)).kind).toBe('not_found');
  });

  it('no readable number from the sender of the shop\'s only order of theirs: that order, once an item line is one of its lines', async () => {
    const read = application({ orderNumber: undefined, email: undefined }, [{ name: 'Футболка', quantity: '1' }, { name: 'Носки шерстяные', quantity: '1' }]);
    const found = await findOrder(read, createMemoryOrders([theirs, other]), { ...min, senders: [buyer] });
    expect(found).toMatchObject({ kind: 'found', by: 'customer', order: { orderNumber: 'LH-33882' } });
    const nothingOfIt = application({ orderNumber: undefined, email: undefined }, [{ name: 'Носки шерстяные', quantity: '1' }]);
    expect((await findOrder(nothingOfIt, createMemoryOrders([theirs, other]), { ...min, senders: [buyer] })).kind).toBe('not_found');
  });

  it('not when the sender has two orders the lines do not tell apart', async () => {
    const second = specOrder({ orderNumber: 'LH-40000' });
    const read = application({ orderNumber: undefined, email: undefined }, [{ name: 'Футболка', quantity: '1' }, { name: 'Носки шерстяные', quantity: '1' }]);
    expect((await findOrder(read, createMemoryOrders([theirs, second]), { ...min, senders: [buyer] })).kind).toBe('not_found');
  });
});

describe('numberFit', () => {
  it.each([
    ['KM-60954', 'KM-60954', 3],
    ['КМ-6О954', 'KM-60954', 3],
    ['60954', 'KM-60954', 2],
    ['KM-60953', 'KM-60954', 2],
    ['KM-60853', 'KM-60954', 1],
    ['KM-11111', 'KM-60954', 0],
    ['12', '13', 0],
  ])('%s for %s → %i', (read, actual, fit) => {
    expect(numberFit(read, actual)).toBe(fit);
  });
});
