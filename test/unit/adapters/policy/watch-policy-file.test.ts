// The policy file as a running service sees it: a real file edited on disk between refreshes. A valid edit replaces
// the policy at once; an invalid one (bad YAML, a bad value, a deleted file) is refused, said once, and the policy
// before it stays in force until the file is fixed.
import { mkdtemp, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchPolicyFile, type PolicyChange } from '../../../../src/adapters/policy/watch-policy-file.ts';
import { isPlaceholderAddress } from '../../../../src/domain/policy/placeholder-address.ts';

const PLACEHOLDER = 'preset: fashion-email\n';
const REAL = [
  'preset: fashion-email',
  'addresses:',
  '  domestic:',
  '    recipient: "ООО «Магазин», склад возвратов"',
  '    lines: ["ул. Настоящая, д. 7", "101000 Москва", "Россия"]',
  '',
].join('\n');

let dir: string;
let file: string;
let changes: PolicyChange[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-policy-watch-'));
  file = path.join(dir, 'policy.yaml');
  changes = [];
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const watch = () => watchPolicyFile(file, { onChange: (change) => changes.push(change) });

describe('watchPolicyFile', () => {
  it('takes a valid edit on the next refresh, in one step', async () => {
    await writeFile(file, PLACEHOLDER);
    const source = watch();
    expect(isPlaceholderAddress(source.current().addresses.domestic)).toBe(true);
    expect(await source.refresh()).toBe('unchanged');

    await writeFile(file, REAL);
    expect(await source.refresh()).toBe('reloaded');
    expect(source.current().addresses.domestic.lines[0]).toBe('ул. Настоящая, д. 7');
    expect(Object.isFrozen(source.current())).toBe(true);
    expect(changes.map((c) => c.outcome)).toEqual(['reloaded']);
    expect(source.status()).toMatchObject({ source: file });
    expect(source.status().refused).toBeUndefined();
    expect(await source.refresh()).toBe('unchanged');
  });

  it('refuses an invalid edit once, keeps the policy before it, and clears the refusal when the file is fixed', async () => {
    await writeFile(file, REAL);
    const source = watch();
    const before = source.current();
    const version = source.status().version;

    await writeFile(file, `${REAL}shipWithinDays: -3\n`);
    expect(await source.refresh()).toBe('refused');
    expect(source.current()).toBe(before);
    expect(source.status().version).toBe(version);
    expect(source.status().refused?.message).toContain('shipWithinDays');
    // Said once: the same refused text is not judged again on every round.
    expect(await source.refresh()).toBe('unchanged');
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    expect(await source.refresh()).toBe('unchanged');
    expect(changes.map((c) => c.outcome)).toEqual(['refused']);

    await writeFile(file, 'addresses: [unclosed\n');
    expect(await source.refresh()).toBe('refused');
    expect(source.status().refused?.message).toMatch(/not valid YAML/);
    expect(source.current()).toBe(before);

    // Put back as it was: the file is the policy in force again.
    await writeFile(file, REAL);
    expect(await source.refresh()).toBe('unchanged');
    expect(source.status().refused).toBeUndefined();
    expect(source.current()).toBe(before);
  });

  it('a deleted file is refused and the policy stays; a new valid file is taken', async () => {
    await writeFile(file, PLACEHOLDER);
    const source = watch();
    await unlink(file);
    expect(await source.refresh()).toBe('refused');
    expect(source.status().refused?.message).toContain('Cannot read policy file');
    expect(isPlaceholderAddress(source.current().addresses.domestic)).toBe(true);
    await writeFile(file, REAL);
    expect(await source.refresh()).toBe('reloaded');
    expect(isPlaceholderAddress(source.current().addresses.domestic)).toBe(false);
    // Deleted again after a reload: refused again, said again.
    await unlink(file);
    expect(await source.refresh()).toBe('refused');
    expect(changes.map((c) => c.outcome)).toEqual(['refused', 'reloaded', 'refused']);
  });

  it('a bad file at start-up still stops start-up', async () => {
    await writeFile(file, 'returnWindowDays: "seven"\n');
    expect(() => watch()).toThrow(/returnWindowDays/);
  });

  it('concurrent refreshes read the file once', async () => {
    await writeFile(file, PLACEHOLDER);
    const source = watch();
    await writeFile(file, REAL);
    const outcomes = await Promise.all([source.refresh(), source.refresh(), source.refresh()]);
    expect(outcomes).toEqual(['reloaded', 'reloaded', 'reloaded']);
    expect(changes).toHaveLength(1);
  });

  it('without a file the preset is the policy and nothing changes', async () => {
    const source = watchPolicyFile(undefined);
    expect(await source.refresh()).toBe('unchanged');
    expect(source.status().source).toBe('preset fashion-email');
  });
});
