// Regression tests from bench:accuracy: item reason cells OCR read in Latin look-alikes were left as text.
import { describe, expect, it } from 'vitest';
import { matchReasonLookalike } from '../../../../src/pipeline/parse/match-reason-lookalike.ts';
import { parseDocument } from '../../../../src/pipeline/parse/parse-document.ts';
import { makeDocument } from './make-document.ts';

describe('matchReasonLookalike', () => {
  it('reason-cell-bpak: "Bpak" (Брак read in Latin, Б as B) is a defect', () => {
    expect(matchReasonLookalike('Bpak')).toBe('defect');
  });

  it('reason-cell-italic: "He nogowen" (Не подошёл with italic п, д, ш read as n, g, w) is proper quality', () => {
    expect(matchReasonLookalike('He nogowen')).toBe('proper_quality');
    expect(matchReasonLookalike('He ToT ToBap')).toBe('wrong_item');
  });

  it('leaves other words alone: nothing within one edit, or too short to tell', () => {
    expect(matchReasonLookalike('Park')).toBeUndefined();
    expect(matchReasonLookalike('Bp')).toBeUndefined();
    expect(matchReasonLookalike('Changed colour')).toBeUndefined();
  });
});

describe('an OCR\'d items row with a look-alike reason', () => {
  it('gets the reason, below the confident bar', () => {
    const text = [
      'Номер заказа / Order number: 4821-5567',
      'Артикул | Наименование | Размер | Кол-во | Цена, ₽ | Причина',
      'TS-1045 | Футболка | M | 1 | 3000 | Bpak',
    ];
    const item = parseDocument(makeDocument(text.join('\n'), 'ocr')).items[0]!;
    expect(item.reason?.value).toBe('defect');
    expect(item.reason!.confidence).toBeLessThan(0.9);
  });
});
