// An application typed into an e-mail body with the form's own labels, one "label: value" per line —
// the same lines the form's text layer reads as, so one label parser serves both.
import { FORM_CHOICES, FORM_FIELDS, FORM_ITEMS_TABLE } from '../../src/domain/application-form.ts';
import type { PrintedApplication } from './sample-application.ts';

const BEFORE_ITEMS = new Set(['orderNumber', 'orderDate', 'receivedDate', 'fullName', 'email', 'phone']);

function fieldLines(printed: PrintedApplication, include: (key: string) => boolean): string[] {
  return FORM_FIELDS.filter((f) => include(f.key) && printed.fields[f.key] !== undefined).map(
    (f) => `${f.labelRu === f.labelEn ? f.labelRu : `${f.labelRu} / ${f.labelEn}`}: ${printed.fields[f.key]}`,
  );
}

function choiceLines(printed: PrintedApplication, key: keyof typeof FORM_CHOICES): string[] {
  const group = FORM_CHOICES[key];
  return [
    `${group.labelRu} / ${group.labelEn}:`,
    ...group.options.map((o) => `[${printed.fields[key] === o.value ? 'X' : ' '}] ${o.labelRu} / ${o.labelEn}`),
  ];
}

export function applicationAsText(printed: PrintedApplication): string {
  const items = printed.items.map((item, i) =>
    `${i + 1}. ` +
    FORM_ITEMS_TABLE.columns
      .filter((c) => item[c.key] !== undefined)
      .map((c) => `${c.labelRu} / ${c.labelEn}: ${item[c.key]}`)
      .join('; '),
  );
  return [
    ...fieldLines(printed, (k) => BEFORE_ITEMS.has(k)),
    '',
    'Товары к возврату / Items to return:',
    ...items,
    '',
    ...choiceLines(printed, 'reason'),
    ...fieldLines(printed, (k) => k === 'reasonText'),
    '',
    ...choiceLines(printed, 'refundMethod'),
    ...fieldLines(printed, (k) => !BEFORE_ITEMS.has(k) && k !== 'reasonText'),
  ].join('\n');
}
