import { describe, expect, it } from 'vitest';
import { fixDigitMisreads } from '../../../../src/domain/validation/fix-digit-misreads.ts';
import { normalizeEmail } from '../../../../src/domain/validation/normalize-email.ts';
import { normalizeName } from '../../../../src/domain/validation/normalize-name.ts';
import { normalizeOrderNumber } from '../../../../src/domain/validation/normalize-order-number.ts';
import { normalizeSku } from '../../../../src/domain/validation/normalize-sku.ts';

describe('normalizeEmail', () => {
  it.each([
    ['maria.ivanova@mail.ru', 'maria.ivanova@mail.ru', 0],
    ['Maria.Ivanova@Mail.RU', 'maria.ivanova@mail.ru', 0],
    ['maria.ivanova @ mail,ru', 'maria.ivanova@mail.ru', 2],
    ['maria.ivanova@mail,ru.', 'maria.ivanova@mail.ru', 1],
    ['mаria@mail.ru', 'maria@mail.ru', 1], // Cyrillic "а"
    ['<ivan@yandex.ru>', 'ivan@yandex.ru', 0],
    ['mailto:ivan@yandex.ru', 'ivan@yandex.ru', 0],
    ['ivan(at)yandex.ru', 'ivan@yandex.ru', 1],
    ['ivan@почта.рф', 'ivan@почта.рф', 0],
  ])('%s → %s (fixes %i)', (raw, value, fixes) => {
    expect(normalizeEmail(raw)).toEqual({ value, fixes, strict: fixes === 0 });
  });

  it.each(['ivan', 'ivan@', '@mail.ru', 'ivan@mail', 'иван иванов'])('rejects %s', (raw) => {
    expect(normalizeEmail(raw)).toBeUndefined();
  });

  it.each([
    ['svetlana93agmail .com', 'svetlana93@gmail.com'],
    ['y.vasilev94eagmail.com', 'y.vasilev94@gmail.com'],
    ['petrov©mail.ru', 'petrov@mail.ru'],
  ])('on OCR text, puts back an "@" read as a letter before a common mail domain: %s', (raw, value) => {
    expect(normalizeEmail(raw, { ocr: true })).toMatchObject({ value, strict: false });
  });

  it('on OCR text, drops an "e" the "@" glyph left after a number; typed text keeps it', () => {
    expect(normalizeEmail('a.osipova83e@yandex.ru', { ocr: true })).toMatchObject({ value: 'a.osipova83@yandex.ru', strict: false });
    expect(normalizeEmail('a.osipova83e@yandex.ru')?.value).toBe('a.osipova83e@yandex.ru');
    expect(normalizeEmail('alice@yandex.ru', { ocr: true })).toMatchObject({ value: 'alice@yandex.ru', strict: true });
  });

  it('on OCR text, reads a year\'s 1 read as l and a 0 read as o in the local part as digits, doubtfully; the domain stays', () => {
    expect(normalizeEmail('melnikoval978@yandex.ru', { ocr: true })).toEqual({ value: 'melnikova1978@yandex.ru', fixes: 1, strict: false });
    expect(normalizeEmail('galina9o@ya.ru', { ocr: true })).toEqual({ value: 'galina90@ya.ru', fixes: 1, strict: false });
    expect(normalizeEmail('user@o2.pl', { ocr: true })).toMatchObject({ value: 'user@o2.pl', strict: true });
    expect(normalizeEmail('pavel1985@mail.ru', { ocr: true })).toMatchObject({ value: 'pavel1985@mail.ru', strict: true });
    expect(normalizeEmail('melnikoval978@yandex.ru')?.value).toBe('melnikoval978@yandex.ru');
  });

  it('on OCR text, repairs the local part after putting back its "@", and a common domain\'s letters read as digits', () => {
    expect(normalizeEmail('semenoval994agmail.com', { ocr: true })).toMatchObject({ value: 'semenova1994@gmail.com', strict: false });
    // Two letters for the "@" only after a digit: after a letter the first may be the name's own.
    expect(normalizeEmail('kristina-bogdanovaelist.ru', { ocr: true })).toMatchObject({ value: 'kristina-bogdanova@list.ru', strict: false });
    expect(normalizeEmail('v.kim71@0utlook.com', { ocr: true })).toEqual({ value: 'v.kim71@outlook.com', fixes: 1, strict: false });
    expect(normalizeEmail('v.kim71@0utlook.com')?.value).toBe('v.kim71@0utlook.com');
    // Only where that makes a common domain: a domain with digits of its own stays as read.
    expect(normalizeEmail('user@b1og.ru', { ocr: true })).toMatchObject({ value: 'user@b1og.ru', strict: true });
    // Any misreading OCR makes of a common domain's letters: a letter read twice, an l read as 1.
    expect(normalizeEmail('yakovleva.varvara@rambller.ru', { ocr: true })).toMatchObject({ value: 'yakovleva.varvara@rambler.ru', strict: false });
    expect(normalizeEmail('k.ivanov@gmai1.com', { ocr: true })).toMatchObject({ value: 'k.ivanov@gmail.com', strict: false });
  });

  it('needs the "@" on typed text, and before a domain it does not know', () => {
    expect(normalizeEmail('svetlana93agmail.com')).toBeUndefined();
    expect(normalizeEmail('svetlana93ashop-mail.com', { ocr: true })).toBeUndefined();
  });
});

describe('normalizeName', () => {
  it.each([
    ['Иванова Мария Петровна', 'Иванова Мария Петровна', 0, true],
    ['  Иванова   Мария\tПетровна ', 'Иванова Мария Петровна', 0, true],
    ['СИДОРОВА ЕЛЕНА НИКОЛАЕВНА', 'Сидорова Елена Николаевна', 0, true],
    ['иванов-петров иван', 'Иванов-Петров Иван', 0, true],
    ['Иванова Мaрия Петровна', 'Иванова Мария Петровна', 1, false], // Latin "a"
    ['Ив0нов Иван', 'Ивонов Иван', 1, false],
    ['John Smith', 'John Smith', 0, true],
    ['Петров С. А.', 'Петров С. А.', 0, true],
    ['Иванова Мария Петровна,', 'Иванова Мария Петровна', 0, true],
  ])('%s → %s', (raw, value, fixes, strict) => {
    expect(normalizeName(raw)).toEqual({ value, fixes, strict });
  });

  it('is undefined for an empty value', () => expect(normalizeName(' , ')).toBeUndefined());
});

describe('normalizeOrderNumber', () => {
  it.each([
    ['2026-11-00457', '2026-11-00457'],
    ['№ 1234567 от 02.11.2026:', '1234567'],
    ['77 001 234', '77001234'],
    ['# 55—10234', '55-10234'],
    ['96759. Заказ получен в отделении', '96759'],
    ['KM-60954', 'KM-60954'],
    ['4417/26', '4417/26'],
    // A code's letter prefix set apart at its dash is still the code's.
    ['LH- 57413', 'LH-57413'],
    ['LH -57413 от 02.11.2026', 'LH-57413'],
  ])('typed %s → %s, as printed', (raw, value) => {
    expect(normalizeOrderNumber(raw)).toEqual({ value, fixes: 0, strict: true });
  });

  it.each([
    ['2026-11-OO457', '2026-11-00457', 2, false],
    ['l2345', '12345', 1, false],
    ['12З45', '12345', 1, false],
    ['КМ-91329', 'KM-91329', 2, false],
  ])('OCR %s → %s with its look-alikes repaired', (raw, value, fixes, strict) => {
    expect(normalizeOrderNumber(raw, { ocr: true })).toEqual({ value, fixes, strict });
  });

  it('typed-order-number-keeps-letters: "SS-1234" typed is not "55-1234" (look-alike fixes are for OCR only)', () => {
    expect(normalizeOrderNumber('SS-1234')).toEqual({ value: 'SS-1234', fixes: 0, strict: true });
  });

  it('keeps a number apart from a dash and a digit after it that are not its own', () => expect(normalizeOrderNumber('№ 123 - 4 шт.')?.value).toBe('123'));

  it.each(['29/07/2026', '9/07/2026', '05.11.26'])('is not a date: %s', (raw) => {
    expect(normalizeOrderNumber(raw)).toBeUndefined();
    expect(normalizeOrderNumber(raw, { ocr: true })).toBeUndefined();
  });

  it('is not a word without digits ("Order" left of a wrapped label)', () => expect(normalizeOrderNumber('Order')).toBeUndefined());

  it('refuses a masked card number', () => expect(normalizeOrderNumber('⟦card:1111:ok⟧')).toBeUndefined());
});

describe('normalizeSku', () => {
  it.each([
    ['SK-1001', 'SK-1001', 0, true],
    ['$K-1001', 'SK-1001', 1, false],
    ['SКU-77', 'SKU-77', 1, false], // Cyrillic К inside a Latin code
    ['АРТ-123', 'АРТ-123', 0, false], // wholly Cyrillic: left as written
  ])('%s → %s', (raw, value, fixes, strict) => {
    expect(normalizeSku(raw)).toEqual({ value, fixes, strict });
  });

  it.each([
    ['UT-3985-8LK', 'UT-3985-BLK', 1], // a colour's B read as 8
    ['KM985-BLK', 'KM985-BLK', 0], // letters and digits in one group: a model number, left alone
    ['AB12-77', 'AB12-77', 0], // two digits in a group: a number, not a misread letter
    ['LH-NG-241-05', 'LH-NG-241-05', 0],
    ['ЬН-55538', 'LH-55538', 2], // a Latin L read as the Cyrillic soft sign
    ['KP-BD-491-@5', 'KP-BD-491-05', 1], // a bold 0 read as "@" among digits
    ['KP-@LV-12', 'KP-OLV-12', 1], // and among capitals an O
  ])('OCR: %s → %s', (raw, value, fixes) => {
    expect(normalizeSku(raw, { ocr: true })).toMatchObject({ value, fixes });
  });
});

describe('fixDigitMisreads', () => {
  it.each([
    ['044525225', '044525225', 0, 0],
    ['O44525225', '044525225', 1, 0],
    ['4О817 810 5З8', '40817810538', 2, 0],
    ['l2S4Б', '12546', 3, 0],
    ['12-34 56', '123456', 0, 0],
    ['12a4', '124', 0, 1],
  ])('%s → %s', (raw, digits, fixes, foreign) => {
    expect(fixDigitMisreads(raw)).toEqual({ digits, fixes, foreign });
  });
});
