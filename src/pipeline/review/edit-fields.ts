// An agent's corrections to the parsed fields, validated the way the parser validates what it reads:
// the same normalisers (dates to YYYY-MM-DD, phones to E.164, …), the same bank checksums and date rules.
// A corrected value is certain (confidence 1) and keeps its source box, so the scan still shows where it was.
import { AppError } from '../../domain/app-error.ts';
import {
  FieldKeySchema,
  ItemKeySchema,
  ReasonSchema,
  RefundMethodSchema,
  type FieldKey,
  type FieldValue,
  type ItemKey,
  type ParsedApplication,
} from '../../domain/application.ts';
import { checkDates } from '../../domain/validation/check-dates.ts';
import { normalizeMoney } from '../../domain/validation/normalize-money.ts';
import { normalizeSku } from '../../domain/validation/normalize-sku.ts';
import { checkBankDetails } from '../parse/check-bank-details.ts';
import { normalizeField } from '../parse/normalize-field.ts';
import type { ValueChange } from '../../domain/ports/store.ts';
import { loadReturn, recordNote, today } from './change-return.ts';
import type { AgentActor, ReviewDeps } from './review-deps.ts';

/** Field keys as the form names them: `email`, `items.0.sku`. */
export type EditKey = FieldKey | `items.${number}.${ItemKey}`;

export type EditResult = { ok: true; value: string | null } | { ok: false; message: string };

const EXACT_LENGTH: Partial<Record<FieldKey, number>> = { bik: 9, account: 20, corrAccount: 20, cardLast4: 4 };

/** What a valid value looks like, for the message beside a refused correction (each has its Russian in the UI). */
export const EDIT_HINTS: Partial<Record<FieldKey, string>> = {
  orderDate: 'a date, e.g. 2025-03-01 or 01.03.2025',
  receivedDate: 'a date, e.g. 2025-03-01 or 01.03.2025',
  applicationDate: 'a date, e.g. 2025-03-01 or 01.03.2025',
  email: 'an e-mail address',
  phone: 'a phone number, e.g. +7 916 123-45-67',
  bik: '9 digits',
  account: '20 digits',
  corrAccount: '20 digits',
  cardLast4: 'the last 4 digits of the card',
};

/** One value as typed; an empty value removes the field (a field not found is absent, never ""). */
export function validateField(key: FieldKey, raw: string): EditResult {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  if (key === 'reason') return enumValue(ReasonSchema.options, text);
  if (key === 'refundMethod') return enumValue(RefundMethodSchema.options, text);
  const normalized = normalizeField(key, text);
  if (!normalized) return { ok: false, message: `not a valid ${key}: expected ${EDIT_HINTS[key] ?? 'a readable value'}` };
  const length = EXACT_LENGTH[key];
  if (length !== undefined && (normalized.value.length !== length || normalized.fixes > 0)) {
    return { ok: false, message: `not a valid ${key}: expected ${EDIT_HINTS[key] ?? `${length} digits`}` };
  }
  return { ok: true, value: normalized.value };
}

export function validateItemField(key: ItemKey, raw: string): EditResult {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  switch (key) {
    case 'sku': {
      const sku = normalizeSku(text);
      return sku ? { ok: true, value: sku.value } : { ok: false, message: 'not a valid SKU' };
    }
    case 'quantity':
      return /^\d{1,4}$/.test(text) && Number(text) > 0 ? { ok: true, value: String(Number(text)) } : { ok: false, message: 'quantity must be a whole number' };
    case 'price': {
      const money = normalizeMoney(text);
      return money ? { ok: true, value: money.value } : { ok: false, message: 'price in roubles, e.g. 4000.00' };
    }
    case 'reason':
      return enumValue(ReasonSchema.options, text);
    default:
      return { ok: true, value: text.replace(/\s+/g, ' ') };
  }
}

function enumValue(options: readonly string[], text: string): EditResult {
  return options.includes(text) ? { ok: true, value: text } : { ok: false, message: `one of ${options.join(', ')}` };
}

export interface EditOutcome {
  application: ParsedApplication;
  /** Keys whose value actually changed. */
  changed: EditKey[];
  /** The old and new value of each changed key, for the audit trail. */
  changes: ValueChange[];
  errors: Partial<Record<string, string>>;
}

/** Applies the edits that differ from the current values; returns errors by key instead of throwing. */
export function applyEdits(application: ParsedApplication, edits: Record<string, string>, todayIso: string): EditOutcome {
  const fields = { ...application.fields };
  const items = application.items.map((item) => ({ ...item }));
  const changed: EditKey[] = [];
  const changes: ValueChange[] = [];
  const errors: Record<string, string> = {};
  const edited = (old: FieldValue | undefined, value: string): FieldValue => ({
    value,
    confidence: 1,
    source: 'agent',
    ...(old?.document ? { document: old.document } : {}),
    ...(old?.box ? { box: old.box } : {}),
  });

  for (const [key, raw] of Object.entries(edits)) {
    const item = /^items\.(\d{1,3})\.(\w+)$/.exec(key);
    if (item) {
      const index = Number(item[1]);
      const itemKey = ItemKeySchema.safeParse(item[2]);
      const target = items[index];
      if (!itemKey.success || !target) {
        errors[key] = 'no such field';
        continue;
      }
      if ((target[itemKey.data]?.value ?? '') === raw.trim()) continue;
      const result = validateItemField(itemKey.data, raw);
      if (!result.ok) errors[key] = result.message;
      else if ((target[itemKey.data]?.value ?? null) !== result.value) {
        changes.push({ field: key, from: target[itemKey.data]?.value ?? null, to: result.value });
        if (result.value === null) delete target[itemKey.data];
        else target[itemKey.data] = edited(target[itemKey.data], result.value);
        changed.push(key as EditKey);
      }
      continue;
    }
    const fieldKey = FieldKeySchema.safeParse(key);
    if (!fieldKey.success) {
      errors[key] = 'no such field';
      continue;
    }
    const old = fields[fieldKey.data];
    if ((old?.value ?? '') === raw.trim()) continue;
    const result = validateField(fieldKey.data, raw);
    if (!result.ok) errors[key] = result.message;
    else if ((old?.value ?? null) !== result.value) {
      changes.push({ field: fieldKey.data, from: old?.value ?? null, to: result.value });
      if (result.value === null) delete fields[fieldKey.data];
      else fields[fieldKey.data] = edited(old, result.value);
      changed.push(fieldKey.data);
    }
  }

  // Cross-field rules, as the parser applies them, for the fields the agent touched.
  const bank = checkBankDetails({ bik: fields.bik?.value, account: fields.account?.value, corrAccount: fields.corrAccount?.value });
  const dates = checkDates({ orderDate: fields.orderDate?.value, receivedDate: fields.receivedDate?.value, applicationDate: fields.applicationDate?.value }, todayIso);
  for (const problem of [...bank.problems, ...dates]) {
    if (changed.includes(problem.field as EditKey) && !errors[problem.field]) errors[problem.field] = problem.message;
  }
  return { application: { ...application, fields, items }, changed, changes, errors };
}

/** Saves the edits as one audited change; refuses all of them when any is invalid. */
export async function saveFieldEdits(
  deps: ReviewDeps,
  input: { returnNumber: string; actor: AgentActor; edits: Record<string, string> },
): Promise<{ changed: EditKey[]; errors: Partial<Record<string, string>> }> {
  const ref = await loadReturn(deps, input.returnNumber);
  if (ref.state !== 'needs_review') {
    throw new AppError('illegal_transition', `Fields can be corrected while a return is under review; ${ref.returnNumber} is ${ref.state}.`);
  }
  const outcome = applyEdits(ref.application, input.edits, today(deps));
  if (Object.keys(outcome.errors).length > 0 || outcome.changed.length === 0) return { changed: [], errors: outcome.errors };
  await recordNote(deps, ref, { actor: input.actor, type: 'edit', reason: `corrected ${outcome.changed.join(', ')}`, changes: outcome.changes }, outcome.application);
  return { changed: outcome.changed, errors: {} };
}
