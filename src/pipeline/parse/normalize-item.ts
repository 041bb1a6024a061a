// Normalises one cell of the items table to its canonical form: quantity an integer string, price
// "4000.00", reason one of the Reason values when the words say which.
import type { ItemKey } from '../../domain/application.ts';
import { fixDigitMisreads } from '../../domain/validation/fix-digit-misreads.ts';
import { normalizeMoney } from '../../domain/validation/normalize-money.ts';
import { normalizeSku } from '../../domain/validation/normalize-sku.ts';
import type { Normalized } from '../../domain/validation/normalized.ts';
import { inferReason } from './infer-reason.ts';
import { normalizeText } from './normalize-field.ts';

/** More than this of one article on a return application is a misread, not an order. */
const MAX_QUANTITY = 999;

export function normalizeItemCell(key: ItemKey, raw: string, ocr: boolean): Normalized | undefined {
  switch (key) {
    case 'sku':
      return normalizeSku(raw);
    case 'name':
      return normalizeText(raw);
    case 'size': {
      const value = raw.replace(/\s+/g, ' ').trim();
      return value === '' ? undefined : { value, fixes: 0, strict: true };
    }
    case 'quantity': {
      const { digits, fixes, foreign } = fixDigitMisreads(raw.replace(/\s*(?:шт|pcs|pc)\.?\s*$/i, ''));
      if (foreign > 0 || digits === '' || Number(digits) < 1 || Number(digits) > MAX_QUANTITY) return undefined;
      return { value: String(Number(digits)), fixes, strict: fixes === 0 };
    }
    case 'price':
      return normalizeMoney(raw, { ocr });
    case 'reason': {
      const reason = inferReason(raw);
      if (reason) return { value: reason, fixes: 0, strict: true };
      const text = normalizeText(raw);
      // Words we cannot map stay as written and are marked ambiguous, so a person decides.
      return text ? { ...text, strict: false, ambiguous: true } : undefined;
    }
  }
}
