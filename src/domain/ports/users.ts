// People who sign in to the review UI, and their sessions. Passwords never cross this port in clear:
// the caller hashes (src/web/auth/passwords.ts) and the store keeps the hash.
import { z } from 'zod';

export const ROLES = ['support', 'manager', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** A person's name as the desk writes it; long enough for any full name, short enough for a timeline line. */
export const MAX_USER_NAME = 100;
export const UserNameSchema = z.string().trim().min(1).max(MAX_USER_NAME);

/** Each role can do everything the one before it can: support reviews, manager also sees the dashboard, admin manages users. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface User {
  id: string;
  email: string;
  /** How the desk knows this person; null: shown by the e-mail. */
  name: string | null;
  role: Role;
  disabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

export interface Users {
  /** Creates the user, or replaces role and password when the e-mail exists (`created` says which); a name given replaces the name. */
  upsertUser(input: { email: string; role: Role; passwordHash: string; name?: string }): Promise<{ user: User; created: boolean }>;
  findUserByEmail(email: string): Promise<UserWithHash | null>;
  listUsers(): Promise<User[]>;
  setUserDisabled(email: string, disabled: boolean): Promise<User | null>;
  setUserRole(email: string, role: Role): Promise<User | null>;
  /** Renames a user (null: shown by the e-mail); their sessions go on. */
  setUserName(email: string, name: string | null): Promise<User | null>;

  /** `tokenHash` is the SHA-256 of the cookie token; the token itself is never stored. */
  createSession(input: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void>;
  /** The session's user, when the session exists, has not expired and the user is not disabled. */
  findSessionUser(tokenHash: string, now: Date): Promise<User | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: Date): Promise<number>;

  /**
   * Sign-in failures in a row for one account key (the SHA-256 of the e-mail typed), in the database so every UI
   * process shares them and a restart keeps them; src/web/auth/login-lockout.ts decides the lock. Null: none counted.
   */
  loginFailures(key: string): Promise<{ failures: number; lockedUntil: Date | null } | null>;
  /** Counts one more failure atomically and returns the count; keys quiet and unlocked since `forgetBefore` are dropped. */
  countLoginFailure(key: string, now: Date, forgetBefore: Date): Promise<number>;
  lockLogin(key: string, until: Date): Promise<void>;
  clearLoginFailures(key: string): Promise<void>;
}
