import { describe, expect, it } from 'vitest';
import { matchOrder, namesMatch } from '../../../../src/pipeline/decide/match-order.ts';
import { application, specOrder } from './builders.ts';

const today = '2025-03-10';
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe('matchOrder', () => {
  it('passes a clean application', () => {
    const result = matchOrder({ application: application(), order: specOrder(), today });
    expect(result.reasons).toEqual([]);
    expect(result.customerMatched).toBe(true);
    expect(result.items).toEqual([expect.objectContaining({ index: 0, sku: 'TS-3000', quantity: 1, corrected: false })]);
  });

  describe('customer', () => {
    it.each([
      ['same e-mail, different case', { email: 'Anna.Ivanova@Example.RU' }, true],
      ['other e-mail but the same name', { email: 'anna@other.ru' }, true],
      ['name in another order, without patronymic, with ё', { email: undefined, fullName: 'Анна  Иванова' }, true],
      ['other e-mail and other name', { email: 'x@y.ru', fullName: 'Петров Иван' }, false],
      ['no e-mail and a lone first name', { email: undefined, fullName: 'Анна' }, false],
      ['no e-mail and no name', { email: undefined, fullName: undefined }, false],
    ])('%s → matched %s', (_name, fields, matched) => {
      const result = matchOrder({ application: application(fields), order: specOrder(), today });
      expect(result.customerMatched).toBe(matched);
      expect(codes(result).includes('customer_mismatch')).toBe(!matched);
    });

    it('an order without customer data cannot be verified', () => {
      const result = matchOrder({ application: application(), order: specOrder({ customerEmail: undefined, customerName: undefined }), today });
      expect(codes(result)).toEqual(['customer_unverified']);
    });
  });

  describe('items', () => {
    it('corrects an OCR-misread SKU when exactly one order SKU is one edit away, and records it', () => {
      const result = matchOrder({ application: application({}, [{ sku: 'TS-30O0', quantity: '1' }]), order: specOrder(), today });
      expect(result.reasons).toEqual([]);
      expect(result.corrections).toEqual([expect.objectContaining({ item: 0, field: 'sku', from: 'TS-30O0', to: 'TS-3000' })]);
      expect(result.items[0]).toMatchObject({ sku: 'TS-3000', corrected: true });
    });

    it('treats case and spaces as the same SKU, not a correction', () => {
      const result = matchOrder({ application: application({}, [{ sku: ' ts-30 00', quantity: '1' }]), order: specOrder(), today });
      expect(result.corrections).toEqual([]);
      expect(result.items[0]?.sku).toBe('TS-3000');
    });

    it('does not guess between two SKUs one edit away', () => {
      const order = specOrder({ lines: [...specOrder().lines, { sku: 'TS-3001', name: 'Футболка 2', quantity: 1, unitPrice: 300000, madeToOrder: false }] });
      const result = matchOrder({ application: application({}, [{ sku: 'TS-300X', quantity: '1' }]), order, today });
      expect(codes(result)).toEqual(['item_not_in_order']);
      expect(result.reasons[0]?.message).toContain('TS-3000, TS-3001');
      expect(result.corrections).toEqual([]);
    });

    it.each([
      ['an SKU not in the order', [{ sku: 'ZZ-9999', quantity: '1' }], [], ['item_not_in_order']],
      ['two edits away is not corrected', [{ sku: 'TS-3O0O', quantity: '1' }], [], ['item_not_in_order']],
      ['quantity larger than ordered', [{ sku: 'TS-3000', quantity: '2' }], [], ['quantity_exceeds_order']],
      ['the same SKU twice adding up to more than ordered', [{ sku: 'TS-3000', quantity: '1' }, { sku: 'TS-3000', quantity: '1' }], [], ['quantity_exceeds_order']],
      ['an item already returned', [{ sku: 'TS-3000', quantity: '1' }], [{ sku: 'TS-3000', quantity: 1 }], ['already_returned']],
      ['more than what is left after an earlier return', [{ sku: 'TS-3000', quantity: '2' }], [{ sku: 'TS-3000', quantity: 1 }], ['quantity_exceeds_order']],
      ['a quantity that is not a number', [{ sku: 'TS-3000', quantity: 'one' }], [], ['invalid_value']],
      ['a zero quantity', [{ sku: 'TS-3000', quantity: '0' }], [], ['invalid_value']],
    ])('%s', (_name, items, alreadyReturned, expected) => {
      const result = matchOrder({ application: application({}, items), order: specOrder(), today, alreadyReturned });
      expect(codes(result)).toEqual(expected);
    });

    it('says clearly how much was already returned', () => {
      const result = matchOrder({ application: application(), order: specOrder(), today, alreadyReturned: [{ sku: 'TS-3000', quantity: 1 }] });
      expect(result.reasons[0]).toMatchObject({ code: 'already_returned', field: 'items[0].quantity' });
      expect(result.reasons[0]?.message).toContain('1 of 1 × TS-3000 were already returned');
    });
  });

  describe('dates', () => {
    it.each([
      ['received in the future', { receivedDate: '2025-03-11' }, ['date_in_future']],
      // Every rule counts from the e-mail's arrival (#13): a signature dated after it decides nothing.
      ['signed after the e-mail arrived', { applicationDate: '2025-04-01' }, []],
      ['order date in the future', { orderDate: '2025-12-01', receivedDate: '2025-03-05' }, ['date_in_future', 'inconsistent', 'order_date_mismatch']],
      ['received before the order was placed', { receivedDate: '2025-02-27' }, ['inconsistent', 'date_before_order']],
      ['order date differs from the order', { orderDate: '2025-02-28' }, ['order_date_mismatch']],
      ['not a real date', { receivedDate: '2025-02-30' }, ['invalid_value']],
      ['received today is fine', { receivedDate: today }, []],
    ])('%s', (_name, fields, expected) => {
      expect(codes(matchOrder({ application: application(fields), order: specOrder(), today }))).toEqual(expected);
    });
  });
});

describe('namesMatch', () => {
  it.each([
    ['Иванова Анна Сергеевна', 'Анна Иванова', true],
    ['ПЁТР ПЕТРОВ', 'петр  петров', true],
    ['John Smith', 'Smith, John', true],
    ['Анна Иванова', 'Анна Петрова', false],
    ['Анна', 'Анна Иванова', false],
    ['', 'Анна Иванова', false],
  ])('%j ~ %j → %s', (a, b, expected) => expect(namesMatch(a, b)).toBe(expected));
});
