// A reason is confident only when it was read, not guessed: exact characters, and a code the form's legend
// explains, an option's words that name one reason, or a letter's words that the law it cites agrees with.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../../src/domain/document.ts';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';
import { isLegendNumber, lawArticleReason } from '../../../../src/pipeline/parse/read-reason.ts';
import { makeDocument } from './make-document.ts';

const reason = (text: string | Array<[string, number]>, method: 'pdf_text' | 'body' | 'ocr' = 'pdf_text') => parseDocument(makeDocument(text, method)).fields.reason;

const LAW = 'Закона РФ от 07.02.1992 № 2300-1 «О защите прав потребителей»';

describe('how sure a reason is', () => {
  it('is sure of an option typed beside its label that names one reason', () => {
    const r = reason('Номер заказа: 4821-5567\nПричина возврата / Reason: Не соответствует описанию / Not as described');
    expect(r?.value).toBe('wrong_item');
    expect(r!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('is not sure when the words name two reasons', () => {
    const r = reason('Номер заказа: 4821-5567\nПричина возврата: брак, и размер не подошёл');
    expect(r?.value).toBeDefined();
    expect(r!.confidence).toBeLessThan(0.9);
  });

  it("is sure of a code from a text layer that the form's legend explains, not of the same code OCR'd", () => {
    const lines = ['Номер заказа: 4821-5567', 'Код причины: 4', '1 – не подошёл размер 2 – не понравился внешний вид 3 – не соответствует заказу 4 – брак 5 – другое'];
    expect(reason(lines.join('\n'))).toMatchObject({ value: 'defect' });
    expect(reason(lines.join('\n'))!.confidence).toBeGreaterThanOrEqual(0.9);
    const ocr = reason(lines.map((l): [string, number] => [l, 0.96]), 'ocr');
    expect(ocr?.value).toBe('defect');
    expect(ocr!.confidence).toBeLessThan(0.9);
  });

  it("is sure of a letter's words when the article of the law it cites says the same, and only then", () => {
    const letter = (words: string, article: string) =>
      ['Номер заказа № 4821-5567', `${words} Товар не был в употреблении. На основании ст. ${article} ${LAW} прошу вернуть деньги.`].join('\n');
    const agreed = reason(letter('Вещь оказалась мала, не подошёл размер.', '26.1'));
    expect(agreed?.value).toBe('proper_quality');
    expect(agreed!.confidence).toBeGreaterThanOrEqual(0.9);
    const disagreed = reason(letter('Вещь оказалась мала, не подошёл размер.', '18'));
    expect(disagreed!.confidence).toBeLessThan(0.9);
    const noLaw = reason('Номер заказа № 4821-5567\nВещь оказалась мала, не подошёл размер. Прошу вернуть деньги.');
    expect(noLaw?.value).toBe('proper_quality');
    expect(noLaw!.confidence).toBeLessThan(0.9);
  });
});

describe("a scanned letter's reason and the article of the law it cites", () => {
  const scanned = (words: string, article: string, confidence = 0.93): Array<[string, number]> => [
    ['Номер заказа № 4821-5567', 0.95],
    [words, confidence],
    ['Товар не был в употреблении, сохранены его товарный вид и ярлыки.', 0.95],
    [`На основании ст. ${article} ${LAW} прошу вернуть деньги.`, 0.95],
  ];

  it('is sure when the words name one reason, read above the review floor, and the article agrees', () => {
    const r = reason(scanned('В ходе использования обнаружила недостаток: сломалась молния.', '18'), 'ocr');
    expect(r?.value).toBe('defect');
    expect(r!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('stays below the decision threshold when the article names another reason', () => {
    const r = reason(scanned('В ходе использования обнаружила недостаток: сломалась молния.', '26.1'), 'ocr');
    expect(r?.value).toBe('defect');
    expect(r!.confidence).toBeLessThan(0.9);
  });

  it('stays below the decision threshold when the words also name another reason', () => {
    const r = reason(scanned('Размер не подошёл, кроме того сломалась молния.', '18'), 'ocr');
    expect(r?.value).toBe('defect');
    expect(r!.confidence).toBeLessThan(0.9);
  });

  it('stays below the decision threshold when the words were read below the review floor', () => {
    const r = reason(scanned('В ходе использования обнаружила недостаток: сломалась молния.', '18', 0.5), 'ocr');
    expect(r?.value).toBe('defect');
    expect(r!.confidence).toBeLessThan(0.9);
  });

  it('counts an article with no words naming the reason as one statement, not two', () => {
    const r = reason(scanned('Прошу принять товар обратно.', '18'), 'ocr');
    expect(r?.value).toBe('defect');
    expect(r!.confidence).toBeLessThan(0.9);
  });

  it("does not take a form's printed terms for the customer's words where the form's reason field was not read", () => {
    const form = (method: 'pdf_text' | 'ocr') =>
      reason(
        [
          ['Номер заказа: 4821-5567', 0.95],
          ['Код причины', 0.96],
          ['впишите цифру в клетку', 0.96],
          ['Подпись покупателя', 0.95],
          [`Товар надлежащего качества принимается в течение 7 дней согласно ст. 26.1 ${LAW}.`, 0.95],
        ],
        method,
      );
    for (const method of ['pdf_text', 'ocr'] as const) {
      expect(form(method)?.value).toBe('proper_quality');
      expect(form(method)!.confidence).toBeLessThan(0.9);
    }
  });

  it('stays below the decision threshold with no article at all (a low-confidence reason, no confirmation)', () => {
    const lines = scanned('В ходе использования обнаружила недостаток: сломалась молния.', '18').slice(0, 3);
    const r = reason(lines, 'ocr');
    expect(r?.value).toBe('defect');
    expect(r!.confidence).toBeLessThan(0.9);
  });
});

describe('a code in a box', () => {
  it('beats the legend words under the section heading, with the legend digits read on its row', () => {
    const lines: Array<[string, number]> = [
      ['Номер заказа: 4821-5567', 0.95],
      ['ПРИЧИНА ВОЗВРАТА', 0.9],
      ['- не подошёл размер\t- не понравился\tвид', 0.9],
      ['Код причины\t4\t1\t2\tвнешний', 0.91],
      ['впишите цифру в клетку\t3 - не соответствует заказу 4-брак 5 - другое (укажите ниже)', 0.92],
    ];
    expect(reason(lines, 'ocr')?.value).toBe('defect');
  });

  it('is explained by a legend entry whose number OCR lost, and read past legend words taken into its value', () => {
    const legend = (first: string): Array<[string, number]> => [
      ['Номер заказа: 4821-5567', 0.95],
      ['Код причины: 3', 0.9],
      [`впишите цифру в клетку\t${first} не соответствует заказу 4- брак 5 - другое (укажите ниже)`, 0.9],
    ];
    // "– не соответствует заказу" opens the cell right before entry 4: it is entry 3.
    expect(reason(legend('-'), 'ocr')?.value).toBe('wrong_item');
    expect(reason(legend('3 -'), 'ocr')?.value).toBe('wrong_item');
    const merged: Array<[string, number]> = [
      ['Номер заказа: 4821-5567', 0.95],
      ['Код причины: не подошёл размер 2 - не понравился внешний вид 3', 0.9],
      ['3 - не соответствует заказу 4 - брак 5 - другое', 0.9],
    ];
    expect(reason(merged, 'ocr')?.value).toBe('wrong_item');
  });

  it("is not the legend's own number read apart from its words, beside an empty box", () => {
    // The rows as built from the words, and the legend as OCR read it whole.
    const row = 'впишите цифру в клетку\t3\tне соответствует заказу 4-\tдругое';
    const legend = [{ text: 'Код причины\t1-ne подошёл размер\t2 - He понравился внешний вид' }, { text: row }, { text: '3 - не соответствует заказу 4- брак 5 - другое' }];
    expect(isLegendNumber('3', row, legend)).toBe(true);
    // A code written in the box, beside the legend's words of another entry, is a code.
    expect(isLegendNumber('3', 'впишите цифру в клетку\t3\t4 - брак 5 - другое', legend)).toBe(false);
    expect(isLegendNumber('3', 'Код причины\t3', legend)).toBe(false);
    // The code 1 written in the box, the legend's entry 1 beside it with its own number.
    expect(isLegendNumber('1', 'Код причины\t1\t1 – не подошёл размер 2 – не понравился внешний вид', [{ text: '1 – не подошёл размер 2 – не понравился внешний вид' }])).toBe(false);
  });
});

describe('a form whose code box was not read', () => {
  it("takes the reason from the customer's comment, not from the legend's options read without their digits", () => {
    const lines: Array<[string, number]> = [
      ['Номер заказа: 4821-5567', 0.95],
      ['Код причины', 0.96],
      ['- не соответствует заказу\tдругое', 0.9],
      ['впишите цифру в клетку', 0.96],
      ['Комментарий: не подошёл по фасону', 0.94],
    ];
    const r = reason(lines, 'ocr');
    expect(r?.value).toBe('proper_quality');
    // One reading of one place: a guess the decision does not rest on.
    expect(r!.confidence).toBeLessThan(0.9);
  });
});

describe('lawArticleReason', () => {
  it('maps the articles of the consumer protection law to their reason, and nothing else', () => {
    expect(lawArticleReason(`на основании ст. 18 ${LAW}`)).toBe('defect');
    expect(lawArticleReason(`согласно статье 25 ${LAW}`)).toBe('proper_quality');
    expect(lawArticleReason(`ст.26.1 ${LAW}`)).toBe('proper_quality');
    expect(lawArticleReason('на основании ст. 18 Гражданского кодекса')).toBeUndefined();
    expect(lawArticleReason(`ст. 180 ${LAW}`)).toBeUndefined();
    expect(lawArticleReason(`ст. 18 и ст. 26.1 ${LAW}`)).toBeUndefined();
  });
});



describe('a field its control key settles', () => {
  it('has no problem left from something else beside a label like its own', () => {
    // A letter's text layer as extracted (words with boxes): "к/с: 3010…" beside "р/с: 4081…" under the BIK.
    const doc = JSON.parse(readFileSync(new URL('./fixtures/letter-bank-lines.extracted.json', import.meta.url), 'utf8')) as ExtractedDocument;
    const r = parseDocument(doc);
    expect(r.fields.account).toMatchObject({ value: '40817810422354581961' });
    expect(r.fields.account!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(r.problems.filter((p) => p.field === 'account')).toEqual([]);
  });
});
