import { describe, expect, it } from 'vitest';
import { nameResembles, phoneResembles, resemblesBuyer } from '../../../../src/pipeline/decide/resembles-buyer.ts';
import { application, specOrder } from './builders.ts';

describe('resembles-buyer', () => {
  it('a name misread letter by letter, or run on into the next cell, resembles the buyer\'s', () => {
    expect(nameResembles('Ов чинникова Юлия Александровна •••• ••••••', 'Овчинникова Юлия Александровна')).toBe(true);
    expect(nameResembles('Ершоб Игорь Борисович', 'Ершов Игорь Борисович')).toBe(true);
  });

  it('a name cut short is not the buyer\'s: the paper may well stop there (complete-from-order keeps it as read)', () => {
    expect(nameResembles('овчинниково Юлия', 'Овчинникова Юлия Александровна')).toBe(false);
  });

  it('a phone with at most two digits misread', () => {
    expect(phoneResembles('+79378443578', '+79378993578')).toBe(true);
    expect(phoneResembles('+74378443578', '+79378993578')).toBe(false);
  });

  it('the sender\'s address is the buyer\'s; otherwise the form\'s name, e-mail or phone must resemble theirs', () => {
    const order = specOrder();
    const nobody = application({ fullName: 'Петров Пётр Петрович', email: 'petrov@example.ru' });
    expect(resemblesBuyer(nobody, order)).toBe(false);
    expect(resemblesBuyer(nobody, order, ['Anna.Ivanova@example.ru'])).toBe(true);
    expect(resemblesBuyer(application({ fullName: 'Иванова Анна Сергеевна', email: 'petrov@example.ru' }), order)).toBe(true);
  });
});
