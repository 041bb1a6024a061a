// Readings of hand-filled forms (#15): what OCR makes of a pen's strokes in cells whose kind is known.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';
import { normalizeField } from '../../../../src/pipeline/parse/normalize-field.ts';
import { normalizeItemCell } from '../../../../src/pipeline/parse/normalize-item.ts';
import { isReasonCode } from '../../../../src/pipeline/parse/read-reason.ts';
import { makeDocument } from './make-document.ts';

describe('handwritten cells', () => {
  it('a count cell holding one bracket is a handwritten 1, as a correction; on a text layer it is no count', () => {
    expect(normalizeItemCell('quantity', '(', true)).toEqual({ value: '1', fixes: 1, strict: false });
    expect(normalizeItemCell('quantity', ' ] ', true)?.value).toBe('1');
    expect(normalizeItemCell('quantity', '(', false)).toBeUndefined();
    expect(normalizeItemCell('quantity', '((', true)).toBeUndefined();
  });

  it('a price opening with a bracket is a handwritten 1, as a correction', () => {
    expect(normalizeItemCell('price', '(0190', true)).toMatchObject({ value: '10190.00', strict: false });
    expect(normalizeItemCell('price', '6590', true)).toMatchObject({ value: '6590.00' });
    expect(normalizeItemCell('price', '(0190', false)?.value).not.toBe('10190.00');
  });

  it('a name written surname first, set off by a comma, is the whole name; an address after a comma is not', () => {
    expect(normalizeField('fullName', 'Козлова, Анна Владимировна,', { ocr: true })?.value).toBe('Козлова Анна Владимировна');
    expect(normalizeField('fullName', 'Иванов Иван Иванович, г. Москва', { ocr: true })?.value).toBe('Иванов Иван Иванович');
    expect(normalizeField('fullName', 'Москва, Ленина', { ocr: true })).toBeUndefined();
  });

  it('a legend entry is never the code written in the reason box', () => {
    expect(isReasonCode('1 - не подошёл размер')).toBe(false);
    expect(isReasonCode('4')).toBe(true);
    expect(isReasonCode('[3]')).toBe(true);
    expect(isReasonCode('4 1 2 внешний')).toBe(true);
    // The box's corner or a full stop after the digit, as OCR reads it.
    expect(isReasonCode('4.')).toBe(true);
    expect(isReasonCode('4.5')).toBe(false);
  });

  it('keeps what stood beside a phone or date label that could not be read as one on its problem, never a card number', () => {
    const r = parseDocument(
      makeDocument(
        [
          ['Телефон: 8 (A946) 531-а3-80', 0.6],
          ['Дата получения: 76.00.2075', 0.6],
          ['Номер карты: 2200 15б1 91З2 7#43', 0.6],
        ],
        'ocr',
      ),
    );
    const read = (field: string) => r.problems.find((p) => p.field === field && p.code === 'invalid_value')?.read?.map((x) => x.text);
    expect(read('phone')).toEqual(['8 (A946) 531-а3-80']);
    expect(read('receivedDate')).toEqual(['76.00.2075']);
    expect(JSON.stringify(r.problems)).not.toContain('2200');
  });

  it('keeps a name a pen\'s stray mark made unreadable on its problem, for the order to recognise; a value read is no problem', () => {
    const r = parseDocument(
      makeDocument(
        [
          ['ФИО / Full name: Козлова. Анна Владимировна.', 0.6],
          ['Телефон / Phone: +79161234567', 0.6],
        ],
        'ocr',
      ),
    );
    const read = (field: string) => r.problems.find((p) => p.field === field && p.code === 'invalid_value')?.read?.map((x) => x.text);
    expect(r.fields.fullName).toBeUndefined();
    expect(read('fullName')).toEqual(['Козлова. Анна Владимировна.']);
    expect(r.fields.phone?.value).toBe('+79161234567');
    expect(read('phone')).toBeUndefined();
  });
});

describe('unreadable item cells', () => {
  it('keeps an OCR\'d SKU or price cell that is no value on a problem of its item, for the order to recognise', async () => {
    const { itemsFromTable } = await import('../../../../src/pipeline/parse/read-items.ts');
    const line = { text: 'row', confidence: 0.5, ocr: true, page: 1 } as never;
    const table = { items: [{ sku: { raw: 'SVB 588-N', line, positional: true }, name: { raw: 'Ботинки', line, positional: true }, price: { raw: '$ 390', line, positional: true } }], lines: new Set<number>(), amountIsLineTotal: false };
    const { items, problems } = itemsFromTable(table as never, 'text');
    expect(items[0]!.sku).toBeUndefined();
    expect(problems.filter((p) => p.read).map((p) => [p.field, p.read![0]!.text])).toEqual([
      ['items[0].sku', 'SVB 588-N'],
      ['items[0].price', '$ 390'],
    ]);
  });
});

describe('the reason code written in a box', () => {
  it('a digit whose box edge OCR read as a bracket is the code, explained by the legend even when OCR set the legend\'s digits apart from its words', () => {
    const doc = makeDocument(
      [
        ['Код причины: 3 [3 | 3', 0.6],
        ['1 - не подошёл размер 2 - не понравился внешний вид', 0.9],
        ['3 - не соответствует заказу 4 - брак 5 - другое', 0.9],
      ],
      'ocr',
    );
    expect(parseDocument(doc).fields.reason?.value).toBe('wrong_item');
  });
});

describe('unread text and card numbers', () => {
  it('a card number that reached a kept text is masked there too', async () => {
    const { scrubCardNumbers } = await import('../../../../src/pipeline/parse/scrub-card-numbers.ts');
    const result = scrubCardNumbers({ fields: {}, items: [], problems: [{ field: 'phone', code: 'invalid_value' as const, message: 'x', read: [{ text: '4276 3800 1234 5679' }] }] });
    expect(result.problems[0]!.read![0]!.text).not.toContain('3800');
  });
});
