// Per-account lock-out for the sign-in form. The per-address rate limit alone let anyone with many addresses (18
// local ones were enough) keep guessing one account's password; here an account that failed FREE_FAILURES times
// in a row is locked, for a time that doubles with each further failure, whoever is asking. Unknown e-mails are
// counted the same way, so the answer never tells whether an account exists.
//
// Kept in memory: a restart clears it, and several UI processes each keep their own (documented in docs/ui.md).

/** Wrong passwords in a row before an account is locked: room for a person's typos. */
export const FREE_FAILURES = 5;
/** The first lock; each further failure doubles it. */
const FIRST_LOCK_MS = 60_000;
/** The longest lock: a locked-out colleague can still sign in within the hour. */
const MAX_LOCK_MS = 60 * 60_000;
/** Accounts remembered at most: random e-mails must not grow the map without bound. Oldest forgotten first. */
const MAX_TRACKED = 10_000;

interface Entry {
  failures: number;
  lockedUntil: number;
}

export interface LoginLockout {
  /** The time (ms) the account stays locked from `now`, 0 when it may try. */
  lockedFor(email: string, now: Date): number;
  failed(email: string, now: Date): void;
  succeeded(email: string): void;
}

export function createLoginLockout(): LoginLockout {
  const entries = new Map<string, Entry>();
  const key = (email: string) => email.trim().toLowerCase();
  return {
    lockedFor(email, now) {
      const entry = entries.get(key(email));
      return entry ? Math.max(0, entry.lockedUntil - now.getTime()) : 0;
    },
    failed(email, now) {
      const k = key(email);
      const entry = entries.get(k) ?? { failures: 0, lockedUntil: 0 };
      entry.failures += 1;
      if (entry.failures >= FREE_FAILURES) {
        entry.lockedUntil = now.getTime() + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (entry.failures - FREE_FAILURES));
      }
      // Re-inserted so the map's order is least recently failed first.
      entries.delete(k);
      entries.set(k, entry);
      if (entries.size > MAX_TRACKED) entries.delete(entries.keys().next().value!);
    },
    succeeded(email) {
      entries.delete(key(email));
    },
  };
}
