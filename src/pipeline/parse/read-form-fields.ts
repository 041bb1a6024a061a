// Values of a fillable PDF's form fields: named after FORM_FIELDS keys, the checkbox groups `reason` /
// `refundMethod` holding the chosen option's value, item cells as `items.<row>.<column>`. They are
// exactly what the customer typed, so they need normalising but never OCR correction.
import { FIELD_KEYS, ITEM_KEYS, type FieldKey, type ItemKey } from '../../domain/application.ts';
import { FORM_CHOICES } from '../../domain/application-form.ts';

export interface FormValues {
  fields: Partial<Record<FieldKey, string>>;
  items: Array<Partial<Record<ItemKey, string>>>;
}

const TICKED = /^(?:yes|on|true|1|x|да)$/i;

export function readFormFields(formFields: Record<string, string>): FormValues {
  const fields: Partial<Record<FieldKey, string>> = {};
  const rows = new Map<number, Partial<Record<ItemKey, string>>>();
  for (const [name, rawValue] of Object.entries(formFields)) {
    const value = String(rawValue ?? '').trim();
    if (value === '' || value === 'Off') continue;
    const item = /^items\.(\d+)\.(\w+)$/.exec(name);
    if (item) {
      const column = item[2] as ItemKey;
      if (!(ITEM_KEYS as readonly string[]).includes(column)) continue;
      const row = rows.get(Number(item[1])) ?? {};
      row[column] = value;
      rows.set(Number(item[1]), row);
      continue;
    }
    // Some PDF writers give each checkbox its own field: "reason.defect" = "Yes".
    const box = /^(reason|refundMethod)\.(\w+)$/.exec(name);
    if (box && TICKED.test(value)) {
      const group = box[1] as 'reason' | 'refundMethod';
      if (FORM_CHOICES[group].options.some((o) => o.value === box[2])) fields[group] = fields[group] ? 'conflict' : box[2]!;
      continue;
    }
    if ((FIELD_KEYS as readonly string[]).includes(name)) fields[name as FieldKey] = value;
  }
  const items = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  return { fields, items };
}
