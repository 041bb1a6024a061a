// Reads the checkbox groups (reason, refund method): an option counts as chosen when a tick mark sits
// right before its label — "[X]", "[Х]" (Cyrillic), "☒", "✓", "V" … OCR often drops the brackets, so
// a bare tick letter is accepted too, with less confidence.
import type { Reason, RefundMethod } from '../../domain/application.ts';
import { FORM_CHOICES } from '../../domain/application-form.ts';
import type { Line } from './prepare-lines.ts';
import { skeleton } from './skeleton.ts';

export type ChoiceGroup = 'reason' | 'refundMethod';

export interface Tick {
  group: ChoiceGroup;
  value: Reason | RefundMethod;
  line: Line;
  /** The mark was a plain letter without its box: OCR may have invented it. */
  bare: boolean;
}

const EXTRA_OPTIONS: Record<string, string[]> = {
  proper_quality: ['надлежащего качества', 'не подошёл', 'не подошел', 'good quality'],
  defect: ['товар ненадлежащего качества', 'ненадлежащего качества', 'defective', 'брак / дефект'],
  wrong_item: ['пересорт', 'прислали не тот товар'],
  bank_account: ['на банковский счёт', 'на банковский счет', 'на расчётный счёт', 'на расчетный счет', 'по реквизитам', 'bank transfer'],
  card: ['на банковскую карту', 'bank card', 'на карту'],
};

const OPTIONS: Array<{ group: ChoiceGroup; value: Reason | RefundMethod; skel: string }> = [];
for (const group of ['reason', 'refundMethod'] as const) {
  for (const option of FORM_CHOICES[group].options) {
    const texts = [option.labelRu, option.labelEn, ...(EXTRA_OPTIONS[option.value] ?? [])];
    for (const t of texts) OPTIONS.push({ group, value: option.value, skel: skeleton(t.toLowerCase()).text });
  }
}
OPTIONS.sort((a, b) => b.skel.length - a.skel.length);

const BOXED_TICK = /(?:[\[(|{]\s*[xXхХvV✓✔✗✘×*+•]\s*[\])|}]|[☒☑✓✔✗✘■✅⊠])\s*$/u;
const BARE_TICK = /(?:^|\s)[xXхХvV]\s*$/u;
const LETTER = /[A-Za-zА-Яа-яЁё]/;

export function readChoices(lines: Line[], skip: Set<number>): Tick[] {
  const ticks: Tick[] = [];
  lines.forEach((line, index) => {
    if (skip.has(index)) return;
    const skel = skeleton(line.text);
    const taken: Array<[number, number]> = [];
    for (const option of OPTIONS) {
      let from = 0;
      for (;;) {
        const at = skel.text.indexOf(option.skel, from);
        if (at < 0) break;
        from = at + 1;
        const start = skel.map[at]!;
        const end = skel.map[at + option.skel.length - 1]! + 1;
        if ((start > 0 && LETTER.test(line.text[start - 1]!)) || (end < line.text.length && LETTER.test(line.text[end]!))) continue;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        const before = line.text.slice(0, start);
        if (BOXED_TICK.test(before)) ticks.push({ group: option.group, value: option.value, line, bare: false });
        else if (BARE_TICK.test(before)) ticks.push({ group: option.group, value: option.value, line, bare: true });
      }
    }
  });
  return ticks;
}
