// The lexicons are data: every entry must load, and every entry must be reachable — found as what it says it
// is — or it is dead weight that misleads whoever adds the next phrasing.
import { describe, expect, it } from 'vitest';
import { LABEL_LEXICON } from '../../../../src/pipeline/parse/field-labels.ts';
import { findLabels } from '../../../../src/pipeline/parse/find-labels.ts';
import { inferReason, REASON_PHRASES } from '../../../../src/pipeline/parse/infer-reason.ts';
import { columnAt, HEADER_WORDS, type Column } from '../../../../src/pipeline/parse/read-items-table.ts';
import { skeleton } from '../../../../src/pipeline/parse/skeleton.ts';

describe('label lexicon', () => {
  const entries = Object.entries(LABEL_LEXICON.fields).flatMap(([target, texts]) => texts!.map((text) => [target, text] as const));
  it.each(entries)('%s: "%s" is found as a label of its field', (target, text) => {
    const found = findLabels(`${text}: x`, { fuzzy: false });
    expect(found[0]?.def.target).toBe(target);
    expect(found[0]?.start).toBe(0);
  });

  it.each(LABEL_LEXICON.cutting)('"%s" cuts the value before it', (text) => {
    expect(findLabels(`Иванов Иван ${text}`, { fuzzy: false }).some((m) => m.def.cuts)).toBe(true);
  });
});

describe('reason lexicon', () => {
  const entries = REASON_PHRASES.flatMap(([reason, phrases]) => phrases.map((p) => [reason, p] as const));
  it.each(entries)('%s: "%s" is read as that reason', (reason, phrase) => {
    expect(inferReason(`Товар: ${phrase}`)).toBe(reason);
  });

  it('reads a chip as a defect, and "сколько" as no reason', () => {
    expect(inferReason('Скол на крае')).toBe('defect');
    expect(inferReason('Сколько стоит доставка?')).toBeUndefined();
    expect(inferReason('Пришла другая модель')).toBe('wrong_item');
  });

  // Bug: the lexicon was loaded as a record keyed by the reason enum, which hands its entries back in the enum's
  // order (proper_quality first), so a defect letter that also said the size was fine read as proper quality.
  it("lets the file's order decide between reasons named together: a defect beats a size", () => {
    expect(REASON_PHRASES.map(([reason]) => reason)).toEqual(['wrong_item', 'defect', 'proper_quality']);
    expect(inferReason('Размер не подошёл, кроме того сломалась молния')).toBe('defect');
    expect(inferReason('Прислали не тот товар, и он мне не понравился')).toBe('wrong_item');
  });
});

describe('item header lexicon', () => {
  const entries = (Object.entries(HEADER_WORDS) as Array<[Column, string[]]>).flatMap(([column, words]) => words.map((w) => [column, w] as const));
  it.each(entries)('%s: "%s" heads its column', (column, word) => {
    expect(columnAt(skeleton(word).text, 0)?.column).toBe(column);
  });
});
