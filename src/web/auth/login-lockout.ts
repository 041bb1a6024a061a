// Per-account lock-out for the sign-in form. The per-address rate limit alone let anyone with many addresses (18
// local ones were enough) keep guessing one account's password; here an account that failed FREE_FAILURES times
// in a row is locked, for a time that doubles with each further failure, whoever is asking. Unknown e-mails are
// counted the same way, so the answer never tells whether an account exists.
//
// The counts live in the database (the Users port), so a restart does not wipe a lock and several UI processes
// share one count; accounts are keyed by a hash of the e-mail typed, so the table holds no stranger's address.
import { createHash } from 'node:crypto';
import type { Users } from '../../domain/ports/users.ts';

/** Wrong passwords in a row before an account is locked: room for a person's typos. */
export const FREE_FAILURES = 5;
/** The first lock; each further failure doubles it. */
const FIRST_LOCK_MS = 60_000;
/** The longest lock: a locked-out colleague can still sign in within the hour. */
const MAX_LOCK_MS = 60 * 60_000;
/** Failures with no further attempt for this long (and no lock running) are forgotten: the table stays small. */
const FORGET_AFTER_MS = 24 * 3_600_000;

export interface LoginLockout {
  /** The time (ms) the account stays locked from `now`, 0 when it may try. */
  lockedFor(email: string, now: Date): Promise<number>;
  failed(email: string, now: Date): Promise<void>;
  succeeded(email: string): Promise<void>;
}

type LockStore = Pick<Users, 'loginFailures' | 'countLoginFailure' | 'lockLogin' | 'clearLoginFailures'>;

/** The lock after `failures` wrong passwords in a row, 0 while they are within the free ones. */
export function lockDuration(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES));
}

export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

export function createLoginLockout(store: LockStore): LoginLockout {
  return {
    async lockedFor(email, now) {
      const entry = await store.loginFailures(accountKey(email));
      return entry?.lockedUntil ? Math.max(0, entry.lockedUntil.getTime() - now.getTime()) : 0;
    },
    async failed(email, now) {
      const key = accountKey(email);
      const failures = await store.countLoginFailure(key, now, new Date(now.getTime() - FORGET_AFTER_MS));
      const lock = lockDuration(failures);
      if (lock > 0) await store.lockLogin(key, new Date(now.getTime() + lock));
    },
    async succeeded(email) {
      await store.clearLoginFailures(accountKey(email));
    },
  };
}
