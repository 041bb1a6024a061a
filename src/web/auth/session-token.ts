// Session tokens: 256 random bits in the cookie, only their SHA-256 in the database.
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'ri_session';
/** A working day and then some: an agent signs in once per shift. */
export const SESSION_HOURS = 12;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
