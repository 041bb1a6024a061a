import { describe, expect, it } from 'vitest';
import { createLoginLockout, FREE_FAILURES } from '../../../src/web/auth/login-lockout.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));

describe('login lock-out per account', () => {
  it('locks after the free failures, for a time that doubles with each further failure', () => {
    const lockout = createLoginLockout();
    for (let i = 0; i < FREE_FAILURES - 1; i++) lockout.failed('ada@desk.test', at(0));
    expect(lockout.lockedFor('ada@desk.test', at(0))).toBe(0);
    lockout.failed('ada@desk.test', at(0));
    expect(lockout.lockedFor('ADA@desk.test ', at(0))).toBe(60_000);
    expect(lockout.lockedFor('ada@desk.test', at(1))).toBe(0);
    lockout.failed('ada@desk.test', at(1));
    expect(lockout.lockedFor('ada@desk.test', at(1))).toBe(120_000);
    for (let i = 0; i < 20; i++) lockout.failed('ada@desk.test', at(2));
    expect(lockout.lockedFor('ada@desk.test', at(2))).toBe(60 * 60_000);
  });

  it('is per account, and a success clears it', () => {
    const lockout = createLoginLockout();
    for (let i = 0; i < FREE_FAILURES; i++) lockout.failed('ada@desk.test', at(0));
    expect(lockout.lockedFor('sam@desk.test', at(0))).toBe(0);
    lockout.succeeded('ada@desk.test');
    expect(lockout.lockedFor('ada@desk.test', at(0))).toBe(0);
  });
});
