import { describe, expect, it } from 'vitest';
import { chooseFromUnread, dateIn, digitPlaces, phoneIn, recogniseCells } from '../../../../src/pipeline/decide/choose-from-unread.ts';
import { completeFromOrder } from '../../../../src/pipeline/decide/complete-from-order.ts';
import { isOrdersCustomer } from '../../../../src/pipeline/decide/match-order.ts';
import { application, specOrder } from './builders.ts';

const unreadable = (field: string, ...texts: string[]) => ({
  field,
  code: 'invalid_value' as const,
  message: `a value was found next to the ${field} label but could not be read as one`,
  read: texts.map((text) => ({ text })),
});

describe('digitPlaces', () => {
  it('keeps digits, marks a letter or sign where a digit was, drops separators', () => {
    expect(digitPlaces('8 (A946) 531-а3-80')).toBe('8?946531?380');
    expect(digitPlaces('76.10.2075')).toBe('76102075');
  });
});

describe('phoneIn', () => {
  const phone = '+79965319380';
  it.each([
    ['letters where digits were and one added', '8 (A946) 531-а3-80'],
    ['an unreadable country code', '+? (996) 531-93-80'],
    ['one digit dropped', '+7996531980'],
    ['one digit misread', '8 996 531 93 81'],
  ])('finds the buyer\'s phone in a reading with %s', (_name, text) => {
    expect(phoneIn(text, phone)).toBe(true);
  });

  it.each([
    ['another phone', '+7 (343) 288-41-09'],
    ['three digits misread', '8 996 000 93 80'],
    ['mostly unreadable', '8 (AAA) 531-??-80'],
    ['a passport number', '4510 123456'],
  ])('does not find it in %s', (_name, text) => {
    expect(phoneIn(text, phone)).toBe(false);
  });
});

describe('dateIn', () => {
  it('finds a date written day first or year first with up to two slips', () => {
    expect(dateIn('76.10.2075', '2025-10-26')).toBe(true);
    expect(dateIn('2025-1O-26', '2025-10-26')).toBe(true);
    expect(dateIn('26/1o/2025', '2025-10-26')).toBe(true);
  });

  it('not with three slips, nor with digits missing', () => {
    expect(dateIn('76.00.2075', '2025-10-26')).toBe(false);
    expect(dateIn('26.10.25', '2025-10-26')).toBe(false);
    expect(dateIn('15.03.2026', '2025-10-26')).toBe(false);
  });
});

describe('chooseFromUnread', () => {
  const order = specOrder({ customerPhone: '+79965319380', deliveryDate: '2025-10-26' });

  it('takes the order\'s phone and delivery date where the text beside their labels is recognisably them, below confident', () => {
    const read = application({ phone: undefined, receivedDate: undefined }, undefined, [unreadable('phone', '+7 (343) 288-41-09', '8 (A946) 531-а3-80'), unreadable('receivedDate', '76.10.2075')]);
    const chosen = chooseFromUnread(read, order, 0.9);
    expect(chosen.map((c) => [c.field, c.value.value, c.value.source, c.value.readValue])).toEqual([
      ['phone', '+79965319380', 'order', '8 (A946) 531-а3-80'],
      ['receivedDate', '2025-10-26', 'order', '76.10.2075'],
    ]);
    expect(chosen.every((c) => c.value.confidence < 0.9)).toBe(true);
  });

  it('leaves a value read confidently, and text that is not the order\'s', () => {
    const confident = application({ phone: '+79001112233' }, undefined, [unreadable('phone', '8 (A946) 531-а3-80')]);
    expect(chooseFromUnread(confident, order, 0.9)).toEqual([]);
    const other = application({ phone: undefined }, undefined, [unreadable('phone', '8 (912) 000-11-22')]);
    expect(chooseFromUnread(other, order, 0.9)).toEqual([]);
  });

  it('replaces a doubtful value found by its shape elsewhere (a passport number) when its label\'s text is the buyer\'s phone', () => {
    const read = application({ phone: { value: '+79508362801', confidence: 0.63 } }, undefined, [unreadable('phone', '8 (A946) 531-а3-80')]);
    expect(chooseFromUnread(read, order, 0.9)[0]?.value.value).toBe('+79965319380');
  });

  it('completeFromOrder keeps the recognised value on the paper\'s side (a readValue), not as a value only the order supplies', () => {
    const read = application({ phone: undefined }, [{ sku: 'TS-3000', quantity: '1' }], [unreadable('phone', '8 (A946) 531-а3-80')]);
    const { application: done, corrections } = completeFromOrder(read, order, 0.9);
    expect(done.fields.phone).toMatchObject({ value: '+79965319380', source: 'order', readValue: '8 (A946) 531-а3-80', confidence: 0.85 });
    expect(corrections.some((c) => c.field === 'phone')).toBe(true);
  });
});

describe('chooseFromUnread: names and the e-mail (a pen\'s stray mark made them no value)', () => {
  const order = specOrder();

  it('takes the buyer\'s name for the name and the holder, and the address, where nearly all of it is in place, below confident', () => {
    const read = application({ fullName: undefined, email: undefined }, undefined, [
      unreadable('fullName', 'Иванова. Анна Сергеевна.'),
      unreadable('accountHolder', 'Иванова, Анна Сергеевнаа!'),
      unreadable('email', 'anna&ivanova@example.ru | 7'),
    ]);
    const chosen = chooseFromUnread(read, order, 0.9);
    expect(chosen.map((c) => [c.field, c.value.value, c.value.readValue])).toEqual([
      ['fullName', 'Иванова Анна Сергеевна', 'Иванова. Анна Сергеевна.'],
      ['accountHolder', 'Иванова Анна Сергеевна', 'Иванова, Анна Сергеевнаа!'],
      ['email', 'anna.ivanova@example.ru', 'anna&ivanova@example.ru | 7'],
    ]);
    expect(chosen.every((c) => c.value.confidence < 0.9 && c.value.source === 'order')).toBe(true);
  });

  it('not another person\'s name (a relative holding the account), nor another address', () => {
    const read = application({ fullName: undefined, email: undefined }, undefined, [
      unreadable('accountHolder', 'Иванов, Пётр Сергеевич!'),
      unreadable('email', 'petr.ivanov@mail.ru'),
    ]);
    expect(chooseFromUnread(read, order, 0.9)).toEqual([]);
  });

  it('a recognised name proves nothing about the applicant: the order\'s customer stays unverified by it', () => {
    const read = application({ fullName: undefined, email: undefined, phone: undefined }, [{ sku: 'TS-3000', quantity: '1' }], [unreadable('fullName', 'Иванова. Анна Сергеевна.')]);
    const { application: done } = completeFromOrder(read, order, 0.9);
    expect(done.fields.fullName).toMatchObject({ value: 'Иванова Анна Сергеевна', readValue: 'Иванова. Анна Сергеевна.' });
    expect(isOrdersCustomer(done, order)).toBe(false);
  });
});

describe('recogniseCells', () => {
  const line = { sku: 'SV-B-588-11', name: 'Ботинки зимние мужские', size: '42', quantity: 1, unitPrice: 839000, madeToOrder: false };
  const cell = (field: string, text: string) => ({ field, code: 'invalid_value' as const, message: `${field} could not be read as one`, read: [{ text }] });

  it('an SKU or price cell that is no value but looks like the placed line\'s is that value, recognised below confident', () => {
    const read = application({}, [{ name: 'Фовичи ии оси', size: '42' }], [cell('items[0].sku', 'SVB 588-N'), cell('items[0].price', '$ 390')]);
    const out = recogniseCells(read, 0, read.items[0]!, line);
    expect(out.sku).toMatchObject({ value: 'SV-B-588-11', source: 'order', readValue: 'SVB 588-N', confidence: 0.85 });
    expect(out.price).toMatchObject({ value: '8390.00', readValue: '$ 390' });
    const ruled = application({}, [{ name: 'x' }], [cell('items[0].sku', 'VY | 574 02')]);
    expect(recogniseCells(ruled, 0, ruled.items[0]!, { ...line, sku: 'SV-K-579-02' }).sku?.value).toBe('SV-K-579-02');
  });

  it('on a line completeFromOrder places by its other cells, the recognised code is as sure as a blank cell\'s, the reading kept', () => {
    const order = specOrder();
    const blank = completeFromOrder(application({}, [{ name: 'Юбка', size: 'S', price: '4000.00', quantity: '1' }]), order, 0.9).application.items[0]!.sku;
    const misread = application({}, [{ name: 'Юбка', size: 'S', price: '4000.00', quantity: '1' }], [cell('items[0].sku', 'SK-40O0 |')]);
    const recognised = completeFromOrder(misread, order, 0.9).application.items[0]!.sku;
    expect(blank).toMatchObject({ value: 'SK-4000', source: 'order' });
    expect(recognised).toMatchObject({ value: 'SK-4000', source: 'order', readValue: 'SK-40O0 |', confidence: blank!.confidence });
  });

  it('not text of another shape, another item\'s cell, nor a cell already read', () => {
    const read = application({}, [{ name: 'x', price: '8390.00' }], [cell('items[0].sku', 'KP-4410'), cell('items[1].sku', 'SVB 588-N'), cell('items[0].price', '$ 120')]);
    expect(recogniseCells(read, 0, read.items[0]!, line)).toEqual({});
    const other = application({}, [{ name: 'x' }], [cell('items[0].price', '$ 120')]);
    expect(recogniseCells(other, 0, other.items[0]!, line)).toEqual({});
  });
});
