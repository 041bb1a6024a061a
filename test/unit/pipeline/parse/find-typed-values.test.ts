import { describe, expect, it } from 'vitest';
import { findTypedValues } from '../../../../src/pipeline/parse/find-typed-values.ts';
import { prepareLines } from '../../../../src/pipeline/parse/prepare-lines.ts';
import { makeDocument } from './make-document.ts';

const typed = (text: string) => findTypedValues(prepareLines(makeDocument(text)), new Set()).map((t) => [t.target, t.raw, t.how]);

describe('findTypedValues', () => {
  it('gives dates in a letter their role by the nearest cue word of their sentence; a law\'s date is none of ours', () => {
    const found = typed(
      [
        'Я, Васильева Людмила Константиновна, «12» октября 2026 г. оформила в',
        'интернет-магазине «Мила» заказ № 29971, который получила «21» октября 2026 г.',
        'На основании ст. 26.1 Закона РФ от 07.02.1992 № 2300-1 «О защите прав потребителей» прошу вернуть деньги.',
        '1. Копия кассового чека от 12.10.2026.',
      ].join('\n'),
    );
    expect(found).toContainEqual(['orderDate', '«12» октября 2026 г.', 'cue']);
    expect(found).toContainEqual(['receivedDate', '«21» октября 2026 г.', 'cue']);
    expect(found.filter(([, raw]) => raw === '07.02.1992' || raw === '12.10.2026')).toEqual([]);
  });

  it('dates an order named by its number ("заказ № … от …"); a word that only contains a cue is no cue', () => {
    const found = typed('мною был оформлен заказ № NW676712. Заказ получен мною в пункте выдачи заказов\n«23» ноября 2025 г.\nпо заказу № 987654 от 01.11.2026 прошу вернуть деньги');
    expect(found).toContainEqual(['receivedDate', '«23» ноября 2025 г.', 'cue']);
    expect(found).toContainEqual(['orderDate', '01.11.2026', 'cue']);
  });

  it('finds a date whose day in guillemets OCR read as look-alike letters («ОЗ» for «03»)', () => {
    expect(typed('Заказ получен мною в пункте выдачи заказов «ОЗ» августа\n2026 г.')).toContainEqual(['receivedDate', '«ОЗ» августа 2026 г.', 'cue']);
  });

  it('takes the last date standing alone (beside a signature) for the application date', () => {
    expect(typed('Заказ получен 29 мая 2026 г.\n«02» июня 2026 г.\t/Яковлев Андрей Владимирович/')).toContainEqual(['applicationDate', '«02» июня 2026 г.', 'alone']);
  });

  it('finds bank details by their control keys, without labels', () => {
    const found = typed('Реквизиты: 044525411, 30101810145250000411, 40817810493233505883');
    expect(found).toEqual(expect.arrayContaining([
      ['bik', '044525411', 'checksum'],
      ['account', '40817810493233505883', 'checksum'],
      ['corrAccount', '30101810145250000411', 'checksum'],
    ]));
  });

  it('does not take an account whose key fails for a bank detail', () => {
    expect(typed('044525411 40817810493233505884').filter(([t]) => t === 'account')).toEqual([]);
  });

  it('takes a nominative full name, not the addressee\'s or the genitive "от …"', () => {
    const found = typed('Генеральному директору ООО «Ветер» Кравцову Алексею Петровичу\nот Смирновой Екатерины Алексеевны\n/Смирнова Екатерина Алексеевна/');
    expect(found.filter(([t]) => t === 'fullName')).toEqual([['fullName', 'Смирнова Екатерина Алексеевна', 'shape']]);
  });

  it('does not take the payee named after a label of their own for the applicant', () => {
    const found = typed(
      [
        'от Семёнов Максим Николаевич,',
        'прошу перечислить по следующим реквизитам: ФИО получателя:',
        'Семёнова Вероника Станиславовна, Наименование банка: ПАО Сбербанк',
        'Держатель карты: Семёнова Вероника Станиславовна',
      ].join('\n'),
    );
    expect(found.filter(([t]) => t === 'fullName')).toEqual([['fullName', 'Семёнов Максим Николаевич', 'shape']]);
    // The label broken over two lines, the applicant's name once more at the signature.
    const broken = typed('от Смирнова Ильи Леонидовича,\nпрошу перечислить по реквизитам: Получатель\nплатежа: Смирнова Инна Вадимовна, Банк ГПБ (АО)\n/Смирнов Илья Леонидович/');
    expect(broken.filter(([t]) => t === 'fullName')).toEqual([['fullName', 'Смирнов Илья Леонидович', 'shape']]);
  });

  it('leaves the shop\'s own phone and e-mail alone and takes the customer\'s', () => {
    const found = typed('тел. +7 (4932) 58-17-40 · zakaz@lenhlopok.ru · lenhlopok.ru\nконт. тел. 8(965)8968082, e-mail: yakovlev_a@mail.ru');
    expect(found).toContainEqual(['email', 'yakovlev_a@mail.ru', 'only_one']);
    // OCR set the "@" apart; the domain after it is the customer's mail, not a site.
    expect(typed('Ответ прошу направить на адрес электронной почты\nD.smirnov85 @ Yandex.ru.')).toContainEqual(['email', 'D.smirnov85 @ Yandex.ru', 'only_one']);
    expect(found.filter(([t]) => t === 'phone').map(([, raw]) => String(raw).replace(/\D/g, ''))).toEqual(['89658968082']);
  });

  it('finds a phone whose row goes on with a date in the next cell', () => {
    const found = typed('ФИО\tЛебедева Инна Ринатовна\nТелефон\t+7 (904) 814-47-59\t08/12/2025');
    expect(found.filter(([t]) => t === 'phone').map(([, raw]) => raw)).toEqual(['+7 (904) 814-47-59']);
  });
});

describe('a masked card in a sentence about a card', () => {
  it('gives the last four digits, and only where the sentence speaks of a card', () => {
    expect(typed('Верните, пожалуйста, на карту, которой платил: **** 9057.')).toContainEqual(['cardLast4', '**** 9057', 'only_one']);
    expect(typed('Refund to my card xxxx-xxxx-xxxx-1234 please')).toContainEqual(['cardLast4', 'xxxx-xxxx-xxxx-1234', 'only_one']);
    // A masked phone is no card; two different cards leave the choice to a person.
    expect(typed('Мой телефон +7 *** *** 1234').filter(([target]) => target === 'cardLast4')).toEqual([]);
    expect(typed('на карту **** 9057 или на карту **** 1234').filter(([target]) => target === 'cardLast4')).toEqual([]);
  });
});
