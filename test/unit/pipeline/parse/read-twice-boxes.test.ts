// Handwriting in boxes read again alone by two models (documents/reread-character-boxes.ts): where they agree, that
// is a second witness for a reason's code and for a card's digits; a first reading alone never is.
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../../src/domain/document.ts';
import { maskSensitive } from '../../../../src/pipeline/parse/mask-sensitive.ts';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';
import { positionedDocument, type RowSpec } from './positioned-document.ts';

/** An OCR'd page; the words given in `twice` were read alike by both models in their boxes. */
function scanned(rows: RowSpec[], twice: string[]): ExtractedDocument {
  const doc = positionedDocument(rows, 'ocr');
  const page = doc.pages[0]!;
  return { ...doc, pages: [{ ...page, words: page.words!.map((w) => (twice.includes(w.text) ? { ...w, readTwice: true } : w)) }] };
}

const form = (code: string, card: string[]): RowSpec[] => [
  [100, [10, 'Номер заказа'], [300, '4821-5567']],
  [200, [10, 'Код причины'], [300, code]],
  [230, [300, '1 - не подошёл размер 2 - не понравился внешний вид']],
  [250, [300, '3 - не соответствует заказу 4 - брак 5 - другое']],
  [300, [10, 'Номер карты'], [300, card[0]!], [400, card[1]!], [500, card[2]!], [600, card[3]!]],
];

describe('a code read twice in its box', () => {
  it('is a confident reason; the same code read once is not', () => {
    const twice = parseDocument(scanned(form('1', ['5536', '9157', '1601', '6721']), ['1'])).fields.reason;
    expect(twice?.value).toBe('proper_quality');
    expect(twice!.confidence).toBeGreaterThanOrEqual(0.9);
    const once = parseDocument(scanned(form('1', ['5536', '9157', '1601', '6721']), [])).fields.reason;
    expect(once?.value).toBe('proper_quality');
    expect(once!.confidence).toBeLessThan(0.9);
  });
});

describe('a card in boxes with one digit neither model could read', () => {
  it('is made whole by its Luhn digit when every box was read twice', () => {
    const groups = ['5536', '9157', '1601', '6/21'];
    const card = parseDocument(scanned(form('4', groups), groups)).fields.cardLast4;
    expect(card?.value).toBe('6721');
    expect(card!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('is never filled in from a single reading', () => {
    const groups = ['5536', '9157', '1601', '6/21'];
    const card = parseDocument(scanned(form('4', groups), groups.slice(0, 3))).fields.cardLast4;
    expect(card?.value === '6721' && card.confidence >= 0.9).toBe(false);
    expect(maskSensitive('Номер карты 5536 9157 1601 6/21')).not.toContain('6721');
    // Still masked: fifteen digits of a card are never left in the text.
    expect(maskSensitive('Номер карты 5536 9157 1601 6/21', { boxesReadTwice: true })).toBe('Номер карты ⟦card:6721:ok⟧');
  });
});

describe("a masked card's last four digits read alike by two models", () => {
  const letter = (last4: string): RowSpec[] => [
    [100, [10, 'Прошу вернуть деньги по заказу № 4821-5567']],
    [200, [10, 'Номер карты'], [300, `**** **** **** ${last4}`]],
  ];

  it('are confident; the same digits read once are not', () => {
    const twice = parseDocument(scanned(letter('5711'), ['5711'])).fields.cardLast4;
    expect(twice?.value).toBe('5711');
    expect(twice!.confidence).toBeGreaterThanOrEqual(0.9);
    const once = parseDocument(scanned(letter('5711'), [])).fields.cardLast4;
    expect(once?.value).toBe('5711');
    expect(once!.confidence).toBeLessThan(0.9);
  });

  it('prove their digits, not that they are the last group: a number cut short after its first group stays doubtful', () => {
    const rows: RowSpec[] = [[200, [10, 'Номер карты'], [300, '5536 9116']]];
    const card = parseDocument(scanned(rows, ['5536', '9116'])).fields.cardLast4;
    expect(card === undefined || card.confidence < 0.9).toBe(true);
    // A boxed card's first group, the label's own cell, with the other groups in the next cells.
    const boxed: RowSpec[] = [[200, [10, 'Номер карты'], [300, '4279'], [400, '90155'], [500, '9447']]];
    const first = parseDocument(scanned(boxed, ['4279', '9447'])).fields.cardLast4;
    expect(first?.value === '4279' && first.confidence >= 0.9).toBe(false);
  });
});
