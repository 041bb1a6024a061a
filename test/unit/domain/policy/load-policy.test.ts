// Tests the policy file loader (src/adapters/policy/load-policy.ts) against real files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET, loadPolicy } from '../../../../src/adapters/policy/load-policy.ts';
import { AppError } from '../../../../src/domain/app-error.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'policy-'));
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('loadPolicy', () => {
  it(`uses the ${DEFAULT_PRESET} preset when no file is configured`, () => {
    expect(loadPolicy().returnWindowDays).toBe(7);
  });

  it('reads YAML: preset plus overrides', () => {
    const policy = loadPolicy(file('ok.yaml', 'preset: marketplace-international\nshipWithinDays: 5\naddresses:\n  domestic:\n    recipient: ООО Ромашка\n'));
    expect(policy.shipWithinDays).toBe(5);
    expect(policy.reviewSlaHours).toBe(24);
    expect(policy.addresses.domestic.recipient).toBe('ООО Ромашка');
  });

  it('reads JSON', () => {
    expect(loadPolicy(file('ok.json', JSON.stringify({ preset: 'fashion-email', refundDays: 10 }))).refundDays).toBe(10);
  });

  it('returns a frozen policy', () => {
    const policy = loadPolicy();
    expect(Object.isFrozen(policy.addresses.domestic.lines)).toBe(true);
  });

  it.each([
    ['bad.yaml', 'preset: fashion-email\nreturnWindowDays: seven\nrefundDays: "13"\n', ['returnWindowDays: expected number, got "seven"', 'refundDays: expected number, got "13"']],
    ['broken.yaml', 'preset: [fashion-email\n', ['not valid YAML']],
    ['broken.json', '{"preset":', ['not valid JSON']],
  ])('%s → config_invalid listing every problem', (name, text, expected) => {
    const error = errorOf(() => loadPolicy(file(name, text)));
    expect(error.code).toBe('config_invalid');
    for (const line of expected) expect(error.message).toContain(line);
  });

  it('a missing file is config_invalid', () => {
    expect(errorOf(() => loadPolicy(path.join(dir, 'missing.yaml'))).code).toBe('config_invalid');
  });
});
