import { describe, expect, it } from 'vitest';
import type { Users } from '../../../src/domain/ports/users.ts';
import { accountKey, createLoginLockout, FREE_FAILURES } from '../../../src/web/auth/login-lockout.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));

/** The Users port's lock-out part in memory (the database one is in the store contract). */
function memoryStore() {
  const rows = new Map<string, { failures: number; lockedUntil: Date | null; lastFailedAt: Date }>();
  const store: Pick<Users, 'loginFailures' | 'countLoginFailure' | 'lockLogin' | 'clearLoginFailures'> = {
    loginFailures: async (key) => {
      const row = rows.get(key);
      return row ? { failures: row.failures, lockedUntil: row.lockedUntil } : null;
    },
    countLoginFailure: async (key, now, forgetBefore) => {
      for (const [k, row] of rows) if (row.lastFailedAt < forgetBefore && (!row.lockedUntil || row.lockedUntil < now)) rows.delete(k);
      const row = rows.get(key) ?? { failures: 0, lockedUntil: null, lastFailedAt: now };
      row.failures += 1;
      row.lastFailedAt = now;
      rows.set(key, row);
      return row.failures;
    },
    lockLogin: async (key, until) => {
      const row = rows.get(key);
      if (row) row.lockedUntil = until;
    },
    clearLoginFailures: async (key) => void rows.delete(key),
  };
  return { store, rows };
}

describe('login lock-out per account', () => {
  it('locks after the free failures, for a time that doubles with each further failure', async () => {
    const lockout = createLoginLockout(memoryStore().store);
    for (let i = 0; i < FREE_FAILURES - 1; i++) await lockout.failed('ada@desk.test', at(0));
    expect(await lockout.lockedFor('ada@desk.test', at(0))).toBe(0);
    await lockout.failed('ada@desk.test', at(0));
    expect(await lockout.lockedFor('ADA@desk.test ', at(0))).toBe(60_000);
    expect(await lockout.lockedFor('ada@desk.test', at(1))).toBe(0);
    await lockout.failed('ada@desk.test', at(1));
    expect(await lockout.lockedFor('ada@desk.test', at(1))).toBe(120_000);
    for (let i = 0; i < 20; i++) await lockout.failed('ada@desk.test', at(2));
    expect(await lockout.lockedFor('ada@desk.test', at(2))).toBe(60 * 60_000);
  });

  it('is per account, and a success clears it', async () => {
    const lockout = createLoginLockout(memoryStore().store);
    for (let i = 0; i < FREE_FAILURES; i++) await lockout.failed('ada@desk.test', at(0));
    expect(await lockout.lockedFor('sam@desk.test', at(0))).toBe(0);
    await lockout.succeeded('ada@desk.test');
    expect(await lockout.lockedFor('ada@desk.test', at(0))).toBe(0);
  });

  it('keys accounts by a hash of the e-mail typed: the store never holds a stranger\'s address', async () => {
    const { store, rows } = memoryStore();
    await createLoginLockout(store).failed(' Someone@Example.COM', at(0));
    expect([...rows.keys()]).toEqual([accountKey('someone@example.com')]);
    expect([...rows.keys()][0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('forgets failures after a quiet day, but never a running lock', async () => {
    const { store, rows } = memoryStore();
    const lockout = createLoginLockout(store);
    await lockout.failed('sam@desk.test', at(0));
    for (let i = 0; i < 30; i++) await lockout.failed('ada@desk.test', at(0)); // locked for the longest, an hour
    await lockout.failed('eve@desk.test', at(25 * 60)); // a day and an hour later: the quiet ones are dropped
    expect(rows.has(accountKey('sam@desk.test'))).toBe(false);
    expect(rows.has(accountKey('ada@desk.test'))).toBe(false); // its hour-long lock ended long ago
    expect(rows.has(accountKey('eve@desk.test'))).toBe(true);
  });
});
