import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../../../src/adapters/policy/load-policy.ts';
import { deepMerge, resolvePolicy } from '../../../../src/domain/policy/resolve-policy.ts';

const presets = loadPresets();

describe('presets', () => {
  it('ships fashion-email with the published numbers', () => {
    const result = resolvePolicy({ preset: 'fashion-email' }, presets);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const p = result.policy;
    expect(p.returnWindowDays).toBe(7);
    expect(p.refundDays).toBe(13);
    expect(p.nonReturnableCategories).toEqual(['made_to_order', 'modified', 'personalised']);
    expect(p.shippingPaidBy).toEqual({ proper_quality: 'customer', defect: 'merchant', wrong_item: 'merchant' });
    expect(p.usedGoods).toBe('return_to_customer');
    expect(p.applicationRequired).toBe(true);
    expect(p.addresses.domestic.recipient).toMatch(/EXAMPLE/);
  });

  it('ships marketplace-international with the published numbers and address', () => {
    const result = resolvePolicy({ preset: 'marketplace-international' }, presets);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const p = result.policy;
    expect(p.reviewSlaHours).toBe(24);
    expect(p.shipWithinDays).toBe(4);
    expect(p.returnNumber).toEqual({ noteInParcel: true, onShippingForm: true });
    expect(p.shippingPaidBy.proper_quality).toBe('customer');
    expect(p.shippingRefundReasons).toEqual(['defect', 'wrong_item']);
    expect(p.shippingRefundRequiresReceipt).toBe(true);
    expect(p.shipmentConfirmation).toEqual({ trackingNumber: true, receiptPhoto: true });
    expect(p.addresses.international).toEqual({
      recipient: 'Internet Solutions LLC',
      lines: ['7 Magistralnaya Str. (Lvovsky microdistr.), P/O box 4', '140961 Podolsk, Moscow region', 'Russia'],
    });
  });
});

describe('resolvePolicy overrides', () => {
  it('overrides a scalar and a nested key, keeping the rest of the preset', () => {
    const result = resolvePolicy(
      { preset: 'fashion-email', returnWindowDays: 14, addresses: { domestic: { recipient: 'ООО «Ромашка»' } } },
      presets,
    );
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.policy.returnWindowDays).toBe(14);
    expect(result.policy.refundDays).toBe(13);
    expect(result.policy.addresses.domestic.recipient).toBe('ООО «Ромашка»');
    expect(result.policy.addresses.domestic.lines[0]).toMatch(/Складская/);
    expect(result.policy.addresses.international.recipient).toBe('Internet Solutions LLC');
  });

  it('policy keys accepted but doing nothing: an address note (never shown to a customer) is refused at load', () => {
    const result = resolvePolicy({ preset: 'fashion-email', addresses: { domestic: { note: 'Пн–Пт 9–18' } } }, presets);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join('\n')).toMatch(/addresses\.domestic.*note/);
  });

  it('replaces arrays rather than concatenating them', () => {
    const result = resolvePolicy({ preset: 'fashion-email', nonReturnableCategories: ['underwear'] }, presets);
    expect(result.ok && result.policy.nonReturnableCategories).toEqual(['underwear']);
  });

  it.each([
    [{ preset: 'fashion-email', returnWindowDays: 'seven' }, ['returnWindowDays: expected number, got "seven"']],
    [{ preset: 'fashion-email', shippingPaidBy: { defect: 'nobody' } }, ['shippingPaidBy.defect: expected one of "customer", "merchant", got "nobody"']],
    [{ preset: 'fashion-email', returnWindowDay: 7 }, ['returnWindowDay: unknown key']],
    [{ preset: 'fashion-email', addresses: { international: { lines: [] } } }, ['addresses.international.lines: ']],
    [{ preset: 'fashion-email', addresses: { domestic: { lines: ['ok', 5] } } }, ['addresses.domestic.lines[1]: expected string, got 5']],
    [{ preset: 'nope' }, ['preset: unknown preset "nope" (known: fashion-email, marketplace-international)']],
    ['just text', ['(root): expected a mapping of policy keys, got "just text"']],
  ])('reports %j', (config, expected) => {
    const result = resolvePolicy(config, presets);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expected.forEach((line, i) => expect(result.errors[i]).toContain(line));
  });

  it('lists every bad key at once', () => {
    const result = resolvePolicy({ preset: 'fashion-email', returnWindowDays: 'seven', refundDays: -1, minConfidence: 2, usedGoods: 'keep', extra: 1 }, presets);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(5);
    expect(result.errors.join('\n')).toMatch(/returnWindowDays[\s\S]*refundDays[\s\S]*usedGoods[\s\S]*minConfidence/);
    expect(result.errors.join('\n')).toContain('extra: unknown key');
  });

  it('without a preset, requires every key', () => {
    const result = resolvePolicy({ name: 'Mine' }, presets);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain('returnWindowDays: expected number, got nothing');
  });
});

describe('deepMerge', () => {
  it.each([
    [{ a: 1, b: { c: 2, d: 3 } }, { b: { d: 4 } }, { a: 1, b: { c: 2, d: 4 } }],
    [{ a: [1, 2] }, { a: [3] }, { a: [3] }],
    [{ a: { b: 1 } }, { a: null }, { a: null }],
    [{ a: 1 }, undefined, { a: 1 }],
  ])('%j + %j', (base, override, expected) => expect(deepMerge(base, override)).toEqual(expected));
});
