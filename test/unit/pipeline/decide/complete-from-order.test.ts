import { describe, expect, it } from 'vitest';
import { completeFromOrder, ORDER_CONFIRMED } from '../../../../src/pipeline/decide/complete-from-order.ts';
import { withoutOrderEvidence } from '../../../../src/domain/value-provenance.ts';
import { application, specOrder } from './builders.ts';

const min = 0.9;
const doubt = (value: string) => ({ value, confidence: 0.6 });

describe('completeFromOrder', () => {
  it('takes what the paper does not state from the order, marked source "order"', () => {
    const app = application({ receivedDate: undefined, fullName: undefined }, [{ name: 'Футболка', quantity: '1' }]);
    const { application: done, reasons } = completeFromOrder(app, specOrder(), min);
    expect(reasons).toEqual([]);
    expect(done.fields.receivedDate).toEqual({ value: '2025-03-05', confidence: ORDER_CONFIRMED, source: 'order' });
    expect(done.fields.fullName).toMatchObject({ value: 'Иванова Анна Сергеевна', source: 'order' });
    expect(done.items[0]).toMatchObject({ sku: { value: 'TS-3000', source: 'order' }, size: { value: 'M', source: 'order' }, price: { value: '3000.00', source: 'order' } });
    expect(done.items[0]!.sku!.readConfidence).toBeUndefined();
  });

  it('confirms what the order repeats: confidence raised, the reading\'s own kept', () => {
    const { application: done } = completeFromOrder(application({ receivedDate: doubt('2025-03-05') }), specOrder(), min);
    expect(done.fields.receivedDate).toMatchObject({ value: '2025-03-05', confidence: ORDER_CONFIRMED, source: 'order', readConfidence: 0.6 });
  });

  it('a confidently read value the order contradicts goes to a person, both values named', () => {
    const { application: done, reasons } = completeFromOrder(application({ receivedDate: '2025-03-07' }), specOrder(), min);
    expect(reasons).toEqual([expect.objectContaining({ code: 'order_mismatch', field: 'receivedDate' })]);
    expect(reasons[0]!.message).toContain('2025-03-07');
    expect(reasons[0]!.message).toContain('2025-03-05');
    expect(done.fields.receivedDate?.value).toBe('2025-03-07');
  });

  it('a doubtful reading the order contradicts becomes the order\'s value, listed as a correction', () => {
    const { application: done, reasons, corrections } = completeFromOrder(application({}, [{ sku: 'TS-3000', size: doubt('N'), quantity: '1' }]), specOrder(), min);
    expect(reasons).toEqual([]);
    expect(done.items[0]!.size).toMatchObject({ value: 'M', source: 'order', readConfidence: 0.6, readValue: 'N' });
    expect(corrections).toEqual([expect.objectContaining({ field: 'items[0].size', from: 'N', to: 'M' })]);
  });

  it('does not confirm a name with words the buyer\'s name lacks (the next line run on): it is the name, kept below confident', () => {
    const holder = { value: 'Иванова Анна Сергеевна. Наименование банка ПАО', confidence: 0.8 };
    const { application: done } = completeFromOrder(application({ accountHolder: holder }), specOrder(), min);
    expect(done.fields.accountHolder).toMatchObject({ value: 'Иванова Анна Сергеевна', source: 'order', readValue: holder.value, readConfidence: 0.8 });
    expect(done.fields.accountHolder!.confidence).toBeLessThan(min);
  });

  it('keeps a confidently read name with words the buyer\'s name lacks as read', () => {
    const holder = { value: 'Иванова Анна Сергеевна. Наименование банка ПАО', confidence: 0.95 };
    const { application: done } = completeFromOrder(application({ accountHolder: holder }), specOrder(), min);
    expect(done.fields.accountHolder).toEqual(holder);
  });

  it('does not confirm the order number for an applicant who is not the order\'s buyer', () => {
    const app = application({ orderNumber: doubt('A-1001'), email: 'x@y.ru', fullName: 'Петров Пётр Петрович' });
    expect(completeFromOrder(app, specOrder(), min).application.fields.orderNumber).toEqual(doubt('A-1001'));
  });

  it('an item line that is no line of the order stays as read, and says so', () => {
    const { reasons } = completeFromOrder(application({}, [{ name: 'О защите прав потребителей', price: '9000.00' }]), specOrder(), min);
    expect(reasons).toEqual([expect.objectContaining({ code: 'item_not_in_order', field: 'items[0]' })]);
  });

  it('deciding again starts from the paper: supplied values go, confirmed ones get their reading back', () => {
    const { application: done } = completeFromOrder(application({ receivedDate: doubt('2025-03-05'), fullName: undefined }), specOrder(), min);
    const back = withoutOrderEvidence(done);
    expect(back.fields.fullName).toBeUndefined();
    expect(back.fields.receivedDate).toMatchObject({ value: '2025-03-05', confidence: 0.6, source: 'document' });
  });
});

describe('completeFromOrder: names', () => {
  it('does not confirm a name read cut short (the paper may well give the patronymic)', () => {
    const name = { value: 'Иванова Анна', confidence: 0.8 };
    expect(completeFromOrder(application({ fullName: name }), specOrder(), min).application.fields.fullName).toEqual(name);
  });

  it('confirms the same words in another order and case', () => {
    const name = { value: 'АННА СЕРГЕЕВНА ИВАНОВА', confidence: 0.8 };
    expect(completeFromOrder(application({ fullName: name }), specOrder(), min).application.fields.fullName).toMatchObject({ ...name, source: 'order', confidence: ORDER_CONFIRMED });
  });
});

describe('completeFromOrder: deciding again after a correction', () => {
  it('gets the paper\'s own reading back, not the order\'s value', () => {
    const { application: done } = completeFromOrder(application({}, [{ sku: 'TS-3000', size: doubt('N'), quantity: '1' }]), specOrder(), min);
    expect(withoutOrderEvidence(done).items[0]!.size).toMatchObject({ value: 'N', confidence: 0.6, source: 'document' });
  });
});

describe('completeFromOrder, handwriting read with doubt (closed vocabulary)', () => {
  it('chooses the buyer\'s name for a doubtful reading that resembles it, below confident, the reading kept', () => {
    const { application: done } = completeFromOrder(application({ fullName: doubt('Ивонова Анна Сергеевна') }), specOrder(), min);
    expect(done.fields.fullName).toMatchObject({ value: 'Иванова Анна Сергеевна', source: 'order', readValue: 'Ивонова Анна Сергеевна' });
    expect(done.fields.fullName!.confidence).toBeLessThan(min);
  });

  it('confirms a name read with a stray full stop or "е" for "ё" in the order\'s spelling (regression: confident but not what the order says)', () => {
    const order = specOrder({ customerName: 'Семёнова Екатерина Фёдоровна' });
    const done = completeFromOrder(application({ fullName: doubt('Семёнова Екатерина Федоровна.') }), order, min).application.fields.fullName;
    expect(done).toMatchObject({ value: 'Семёнова Екатерина Фёдоровна', source: 'order', confidence: ORDER_CONFIRMED });
    const reordered = completeFromOrder(application({ fullName: doubt('Екатерина Федоровна Семёнова') }), order, min).application.fields.fullName;
    expect(reordered!.value).toBe('Екатерина Федоровна Семёнова');
  });

  it('mends a doubtful application date the order rules out when one digit away is the only day that fits, below confident', () => {
    const { application: done, corrections } = completeFromOrder(application({ applicationDate: doubt('2020-03-08') }), specOrder(), min);
    expect(done.fields.applicationDate).toMatchObject({ value: '2025-03-08', source: 'order', readValue: '2020-03-08' });
    expect(done.fields.applicationDate!.confidence).toBeLessThan(min);
    expect(corrections).toEqual([expect.objectContaining({ field: 'applicationDate', from: '2020-03-08', to: '2025-03-08' })]);
  });

  it('leaves another person\'s name as read', () => {
    const { application: done } = completeFromOrder(application({ fullName: doubt('Иванов Андрей Сергеевич') }), specOrder(), min);
    expect(done.fields.fullName).toEqual(doubt('Иванов Андрей Сергеевич'));
  });

  it('chooses the buyer\'s phone for a doubtful one at most two digits off, and keeps another number', () => {
    const order = specOrder({ customerPhone: '+79161234567' });
    expect(completeFromOrder(application({ phone: doubt('+79161284557') }), order, min).application.fields.phone).toMatchObject({ value: '+79161234567', readValue: '+79161284557' });
    expect(completeFromOrder(application({ phone: doubt('+79031112233') }), order, min).application.fields.phone).toEqual(doubt('+79031112233'));
  });

  it('chooses the buyer\'s e-mail for a doubtful address with a few symbols misread, never the shop\'s own', () => {
    const misread = completeFromOrder(application({ email: doubt('anna.ivanava@exarnple.ru') }), specOrder(), min).application.fields.email;
    expect(misread).toMatchObject({ value: 'anna.ivanova@example.ru', source: 'order', readValue: 'anna.ivanava@exarnple.ru' });
    expect(misread!.confidence).toBeLessThan(min);
    expect(completeFromOrder(application({ email: doubt('info@shag-vpered.ru') }), specOrder(), min).application.fields.email).toEqual(doubt('info@shag-vpered.ru'));
  });

  it('fills a doubtful item line placed by resemblance from its order line', () => {
    const items = [{ sku: doubt('SK-4O0'), name: doubt('Юбко'), size: doubt('S'), price: doubt('4000.00'), quantity: doubt('1') }];
    const { application: done, reasons } = completeFromOrder(application({}, items), specOrder(), min);
    expect(reasons).toEqual([]);
    expect(done.items[0]).toMatchObject({ sku: { value: 'SK-4000', source: 'order' }, name: { value: 'Юбка', source: 'order' } });
  });

  it('keeps what the order fills in below confident when the line was only leaned towards', () => {
    const items = [{ sku: doubt('SK-40'), name: doubt('Юбко'), quantity: doubt('1') }];
    const { application: done } = completeFromOrder(application({}, items), specOrder(), min);
    expect(done.items[0]!.sku).toMatchObject({ value: 'SK-4000', source: 'order' });
    expect(done.items[0]!.sku!.confidence).toBeLessThan(min);
  });

  it('takes the line\'s name for a garbage reading on a line placed by its SKU, below confident', () => {
    const items = [{ sku: 'TS-3000', name: doubt('fw HMRC Ke'), quantity: '1' }];
    const name = completeFromOrder(application({}, items), specOrder(), min).application.items[0]!.name!;
    expect(name).toMatchObject({ value: 'Футболка', source: 'order' });
    expect(name.confidence).toBeLessThan(min);
  });
});

describe('completeFromOrder: a count the line cannot hold', () => {
  it('on a line of one, a doubtful count above it is a misread 1, below confident with the reading kept', () => {
    const { application: done } = completeFromOrder(application({}, [{ sku: 'TS-3000', quantity: doubt('4') }]), specOrder(), min);
    expect(done.items[0]!.quantity).toMatchObject({ value: '1', source: 'order', readValue: '4' });
    expect(done.items[0]!.quantity!.confidence).toBeLessThan(0.9);
  });

  it('not a count read confidently (the quantity check reports it), nor on a line of more than one', () => {
    const sure = completeFromOrder(application({}, [{ sku: 'TS-3000', quantity: '4' }]), specOrder(), min).application;
    expect(sure.items[0]!.quantity?.value).toBe('4');
    const two = specOrder({ lines: [{ sku: 'TS-3000', name: 'Футболка', size: 'M', quantity: 2, unitPrice: 300000, madeToOrder: false }], discounts: [] });
    const longer = completeFromOrder(application({}, [{ sku: 'TS-3000', quantity: doubt('4') }]), two, min).application;
    expect(longer.items[0]!.quantity?.value).toBe('4');
  });
});
