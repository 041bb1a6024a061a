import { describe, expect, it } from 'vitest';
import { mendEmailByName } from '../../../../src/pipeline/parse/mend-email-by-name.ts';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';
import { positionedDocument } from './positioned-document.ts';

describe('mendEmailByName', () => {
  it('puts back the name an address spells where OCR confused its letters, in the customer\'s own transliteration', () => {
    expect(mendEmailByName('koziova@gmail.com', 'Козлова Елена Андреевна')).toEqual({ value: 'kozlova@gmail.com', fixes: 1 });
    expect(mendEmailByName('k.mellnikov89@mail.ru', 'Мельников Кирилл Олегович')).toEqual({ value: 'k.melnikov89@mail.ru', fixes: 1 });
    expect(mendEmailByName('margarita.khabibuilina@yandex.ru', 'Хабибуллина Маргарита')?.value).toBe('margarita.khabibullina@yandex.ru');
    expect(mendEmailByName('habibuilina@ya.ru', 'Хабибуллина Маргарита')?.value).toBe('habibullina@ya.ru');
  });

  it('leaves an address alone that spells the name already, spells another, or differs by what OCR does not confuse', () => {
    expect(mendEmailByName('kristina-bogdanova@list.ru', 'Богданова Кристина')).toBeUndefined();
    expect(mendEmailByName('petrova@mail.ru', 'Шетрова Валерия')).toBeUndefined();
    expect(mendEmailByName('kozlov@mail.ru', 'Козлова Елена')).toBeUndefined();
    expect(mendEmailByName('zhukova1986@gmail.com', 'Иванова Анна')).toBeUndefined();
    // Another transliteration is no misread: "Мария" is maria, mariya or mariia.
    expect(mendEmailByName('maria.ivanova@mail.ru', 'Иванова Мария Петровна')).toBeUndefined();
  });

  it('mends an OCR\'d address from a name read more surely, never a text layer\'s', () => {
    const rows: Parameters<typeof positionedDocument>[0] = [
      [100, [10, 'ФИО'], [200, 'Козлова Елена Андреевна']],
      [120, [10, 'E-mail'], [200, 'elena.koziova@gmail.com']],
    ];
    const scanned = positionedDocument(rows, 'ocr');
    scanned.pages[0]!.words = scanned.pages[0]!.words!.map((w) => (w.text.includes('@') ? { ...w, confidence: 0.6 } : w));
    expect(parseDocument(scanned).fields.email?.value).toBe('elena.kozlova@gmail.com');
    expect(parseDocument(positionedDocument(rows)).fields.email?.value).toBe('elena.koziova@gmail.com');
  });
});
