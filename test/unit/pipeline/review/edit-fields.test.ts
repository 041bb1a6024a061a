import { describe, expect, it } from 'vitest';
import type { ParsedApplication } from '../../../../src/domain/application.ts';
import { applyEdits, validateField, validateItemField } from '../../../../src/pipeline/review/edit-fields.ts';

const application: ParsedApplication = {
  source: 'm.eml',
  fields: {
    email: { value: 'anna@exarnple.com', confidence: 0.5, source: 'scan.jpg', box: { page: 1, x: 1, y: 2, width: 3, height: 4 } },
    orderDate: { value: '2025-03-01', confidence: 0.9 },
    bik: { value: '044525225', confidence: 0.9 },
  },
  items: [{ sku: { value: 'SK-1', confidence: 0.7 }, quantity: { value: '1', confidence: 0.9 } }],
  problems: [],
};

describe('validateField: the parser\'s normalisers', () => {
  it.each([
    ['orderDate', '01.03.2025', '2025-03-01'],
    ['phone', '8 (916) 123-45-67', '+79161234567'],
    ['email', ' Anna@Example.COM ', 'anna@example.com'],
    ['reason', 'defect', 'defect'],
    ['cardLast4', '**** 4242', '4242'],
  ] as const)('%s %j → %j', (key, raw, value) => {
    expect(validateField(key, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['email', 'not an email'],
    ['orderDate', '31.02.2025'],
    ['reason', 'because'],
    ['bik', '04452522'],
    ['account', '4070281090000000000'],
  ] as const)('refuses %s %j', (key, raw) => {
    expect(validateField(key, raw).ok).toBe(false);
  });

  it('an empty value removes the field', () => {
    expect(validateField('phone', '  ')).toEqual({ ok: true, value: null });
  });

  it('validates item quantity and price', () => {
    expect(validateItemField('quantity', '2')).toEqual({ ok: true, value: '2' });
    expect(validateItemField('quantity', 'two').ok).toBe(false);
    expect(validateItemField('price', '3 000,00 ₽')).toEqual({ ok: true, value: '3000.00' });
  });
});

describe('applyEdits', () => {
  it('keeps the source box, marks the value certain and lists only what changed', () => {
    const out = applyEdits(application, { email: 'anna@example.com', orderDate: '2025-03-01', 'items.0.quantity': '2' }, '2025-03-10');
    expect(out.errors).toEqual({});
    expect(out.changed).toEqual(['email', 'items.0.quantity']);
    expect(out.application.fields.email).toEqual({ value: 'anna@example.com', confidence: 1, source: 'agent', box: { page: 1, x: 1, y: 2, width: 3, height: 4 } });
    expect(out.application.items[0]!.quantity!.value).toBe('2');
    expect(application.fields.email!.value).toBe('anna@exarnple.com'); // the input is not mutated
  });

  it('applies the cross-field rules to what was edited: a future date, an account that fails the BIK key', () => {
    const out = applyEdits(application, { orderDate: '2025-04-01', account: '40702810900000000001' }, '2025-03-10');
    expect(out.errors.orderDate).toMatch(/future/);
    expect(out.errors.account).toMatch(/control key/);
  });

  it('refuses unknown keys', () => {
    expect(applyEdits(application, { passport: '1234', 'items.7.sku': 'X' }, '2025-03-10').errors).toEqual({ passport: 'no such field', 'items.7.sku': 'no such field' });
  });
});
