// One filled-in application in two forms: canonical values (SPEC §3, what the ground truth holds) and the
// strings a customer actually writes on the form (varied formats, what gets rendered). Both come from here,
// so a rendered sample and its expected.json cannot disagree.
import type { FieldKey, ItemKey, Reason, RefundMethod } from '../../src/domain/application.ts';

export type CanonicalFields = Partial<Record<FieldKey, string>>;
export type CanonicalItem = Partial<Record<ItemKey, string>>;

export interface SampleApplication {
  fields: CanonicalFields & { reason?: Reason; refundMethod?: RefundMethod };
  items: CanonicalItem[];
  /** Values the customer writes differently from the canonical form (e.g. "Anna.Kovaleva@Mail.ru"). */
  writtenAs?: Partial<Record<FieldKey, string>>;
}

/** How this customer writes things. Adding a format is adding a case here, never a second data set. */
export interface WritingStyle {
  /** e.g. "+7 (916) 123-45-67", "8 916 123 45 67", "+7 916 123-45-67", "+7(916)123-45-67", or as given for foreign numbers. */
  phone: 'plus7-brackets' | 'eight-spaces' | 'plus7-dashes' | 'plus7-tight' | 'international';
  /** "4 000,00", "4000", "4 000 ₽", "4000.00" */
  price: 'space-comma' | 'plain' | 'space-rouble' | 'dot';
  /** Digits grouped as on a bank card/statement ("4081 7810 ...") or in one run. */
  accountGroups: boolean;
}

export const DEFAULT_STYLE: WritingStyle = { phone: 'plus7-brackets', price: 'space-comma', accountGroups: false };

/** What goes on the paper, field by field; the checkbox groups carry the ticked option. */
export interface PrintedApplication {
  fields: Partial<Record<FieldKey, string>>;
  items: Partial<Record<ItemKey, string>>[];
}

export const ITEM_REASON_TEXT: Record<Reason, { ru: string; en: string }> = {
  proper_quality: { ru: 'Не подошёл', en: 'Changed mind' },
  defect: { ru: 'Брак', en: 'Defect' },
  wrong_item: { ru: 'Не тот товар', en: 'Wrong item' },
};

function printDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

function printPhone(e164: string, style: WritingStyle['phone']): string {
  if (!e164.startsWith('+7') || style === 'international') return e164.replace(/^(\+\d{2})(\d{4})(\d+)$/, '$1 $2 $3');
  const d = e164.slice(2);
  const [a, b, c, e] = [d.slice(0, 3), d.slice(3, 6), d.slice(6, 8), d.slice(8)];
  switch (style) {
    case 'plus7-brackets':
      return `+7 (${a}) ${b}-${c}-${e}`;
    case 'eight-spaces':
      return `8 ${a} ${b} ${c} ${e}`;
    case 'plus7-dashes':
      return `+7 ${a} ${b}-${c}-${e}`;
    case 'plus7-tight':
      return `+7(${a})${b}-${c}-${e}`;
  }
}

function groupThousands(rubles: string, separator: string): string {
  return rubles.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function printPrice(decimal: string, style: WritingStyle['price']): string {
  const [rubles = '0', kopecks = '00'] = decimal.split('.');
  switch (style) {
    case 'space-comma':
      return `${groupThousands(rubles, ' ')},${kopecks}`;
    case 'plain':
      return kopecks === '00' ? rubles : `${rubles},${kopecks}`;
    case 'space-rouble':
      return `${groupThousands(rubles, ' ')} ₽`;
    case 'dot':
      return decimal;
  }
}

function printAccount(digits: string, grouped: boolean): string {
  return grouped ? digits.replace(/(\d{4})(?=\d)/g, '$1 ') : digits;
}

/** Canonical → as written. Checkbox groups stay enum values; the renderer ticks the matching box. */
export function printApplication(app: SampleApplication, style: WritingStyle, language: 'ru' | 'en' = 'ru'): PrintedApplication {
  const out: Partial<Record<FieldKey, string>> = {};
  for (const [key, value] of Object.entries(app.fields) as [FieldKey, string][]) {
    if (key === 'orderDate' || key === 'receivedDate' || key === 'applicationDate') out[key] = printDate(value);
    else if (key === 'phone') out[key] = printPhone(value, style.phone);
    else if (key === 'account' || key === 'corrAccount') out[key] = printAccount(value, style.accountGroups);
    else out[key] = value;
  }
  Object.assign(out, app.writtenAs);
  const items = app.items.map((item) => {
    const printed: Partial<Record<ItemKey, string>> = { ...item };
    if (item.price !== undefined) printed.price = printPrice(item.price, style.price);
    if (item.reason !== undefined) printed.reason = ITEM_REASON_TEXT[item.reason as Reason][language];
    return printed;
  });
  return { fields: out, items };
}
