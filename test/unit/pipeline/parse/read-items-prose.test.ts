import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';
import { makeDocument } from './make-document.ts';

const items = (text: string, method: 'pdf_text' | 'body' = 'pdf_text') =>
  parseDocument(makeDocument(text, method)).items.map((item) => Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v!.value])));

describe('items named in a letter', () => {
  it('reads names in quotes with their details in any order, the price per piece where it says so', () => {
    const text = [
      'В составе заказа мною были получены товары: «Брючный костюм», арт.',
      'ML8341, размер 46, в количестве 1 шт. стоимостью 11590 руб.; «Кардиган',
      'удлинённый», размер L, в количестве 2 шт. по цене 4850 руб. за штуку. Общая',
      'стоимость товаров составляет 21290 руб.',
    ].join('\n');
    expect(items(text)).toEqual([
      { name: 'Брючный костюм', sku: 'ML8341', size: '46', quantity: '1', price: '11590.00' },
      { name: 'Кардиган удлинённый', size: 'L', quantity: '2', price: '4850.00' },
    ]);
  });

  it('takes no sentence naming a size, a count and a price for a table header, and a scan\'s "$" for the size S', () => {
    const text = [
      'В составе заказа мною были получены товары: «Жилет утеплённый», размер 48,',
      'в количестве 1 шт. стоимостью 4 450,00 р.; «Термобельё, комплект», арт. NW-28548,',
      'размер $, в количестве 1 шт. стоимостью 4 190,00 р. Общая стоимость товаров',
      'составляет 8 640,00 р.',
    ].join('\n');
    expect(items(text)).toEqual([
      { name: 'Жилет утеплённый', size: '48', quantity: '1', price: '4450.00' },
      { name: 'Термобельё, комплект', sku: 'NW-28548', size: 'S', quantity: '1', price: '4190.00' },
    ]);
  });

  it('takes no law, shop or company named in quotes for goods', () => {
    const text = [
      'Я, Васильева Людмила, оформила в интернет-магазине «Мила» заказ № 29971.',
      'В составе заказа мною был получен товар: «Брючный костюм», арт. ML8341, размер 46, в количестве 1 шт. стоимостью 11590 руб.',
      'На основании ст. 26.1 Закона РФ от 07.02.1992 № 2300-1 «О защите прав потребителей» прошу принять товар и вернуть',
      'уплаченные за него денежные средства. Денежные средства в сумме 11590 руб. прошу перечислить на карту.',
    ].join('\n');
    expect(items(text)).toEqual([{ name: 'Брючный костюм', sku: 'ML8341', size: '46', quantity: '1', price: '11590.00' }]);
  });

  it('reads a numbered list, with kopecks written out and a name that holds a comma', () => {
    const text = ['Возвращаю следующие товары:', '1) Платье трикотажное, арт. ML3824, размер 44, 1 шт., 4 290 руб. 00 коп.', '2) Сумка кожаная, 2 шт., по 7 700 руб. за шт.'].join('\n');
    expect(items(text)).toEqual([
      { name: 'Платье трикотажное', sku: 'ML3824', size: '44', quantity: '1', price: '4290.00' },
      { name: 'Сумка кожаная', quantity: '2', price: '7700.00' },
    ]);
  });

  it('reads a bulleted list typed into an e-mail: "x 1", a size in brackets, an amount with no currency', () => {
    const text = ['Товары к возврату:', '* Сорочка ночная хлопковая, арт. LH-NG-241-05 (размер 44-46) x 1 — 1 890 р.', '2. Рюкзак городской 20 л, арт. UT-4034-NVY, 1 шт., 4 290,00'].join('\n');
    expect(items(text, 'body')).toEqual([
      { name: 'Сорочка ночная хлопковая', sku: 'LH-NG-241-05', size: '44-46', quantity: '1', price: '1890.00' },
      { name: 'Рюкзак городской 20 л', sku: 'UT-4034-NVY', quantity: '1', price: '4290.00' },
    ]);
  });

  it('keeps commas that belong to a name, up to its first detail; a price "за штуку" needs no currency', () => {
    const text = ['Товары к возврату:', '* Свеча ароматическая Amber, 200 г, арт. 280581115 x 2 — 1 099,00 за штуку', '1) Термос Stanley Classic 0,75 л, арт. 1064214, 1 шт., 5 890 ₽;'].join('\n');
    expect(items(text, 'body')).toEqual([
      { name: 'Свеча ароматическая Amber, 200 г', sku: '280581115', quantity: '2', price: '1099.00' },
      { name: 'Термос Stanley Classic 0,75 л', sku: '1064214', quantity: '1', price: '5890.00' },
    ]);
  });

  it('takes the rouble as OCR reads it: "р." with a Latin p, the sign ₽ as a capital P', () => {
    const letter = [
      'В составе заказа мною были получены товары: «Сумка кожаная», арт. ML9899, в',
      'количестве 1 шт. стоимостью 6 890,00 p.; «Блуза из вискозы», арт. ML2381, размер М, в',
      'количестве 1 шт. стоимостью 3 250,00 р.; «Кардиган удлинённый», размер 46-48, в',
      'количестве 1 шт. стоимостью 4 990,00 р. Общая стоимость товаров составляет 15',
      '130,00 р.',
    ].join('\n');
    expect(items(letter).map((i) => i.price)).toEqual(['6890.00', '3250.00', '4990.00']);
    const list = ['Возвращаю следующие товары:', '1) Сковорода Tefal Ingenio, 26 см, арт. 1297521, 1 шт., 4 290 P;', '2) Чайник заварочный Bodum Chambord 1 л, 1 шт., 3 651 Р.'].join('\n');
    expect(items(list)).toEqual([
      { name: 'Сковорода Tefal Ingenio, 26 см', sku: '1297521', quantity: '1', price: '4290.00' },
      { name: 'Чайник заварочный Bodum Chambord 1 л', quantity: '1', price: '3651.00' },
    ]);
  });

  it('does not take a list of attachments or the terms for items', () => {
    expect(items('Приложения:\n1. Копия кассового чека от 12.10.2026.\n2. Копия паспорта.')).toEqual([]);
  });
});
