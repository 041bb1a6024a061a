// Password hashing with argon2id (@node-rs/argon2, the OWASP-recommended parameters are its defaults).
import { hash, verify } from '@node-rs/argon2';

/** Short passwords fall to offline guessing whatever the hash; 12 characters is the floor we accept. */
export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a crash
  }
}

/** A real hash to verify against when the e-mail is unknown, so timing does not reveal which accounts exist. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hash('not-a-real-password-for-timing');
  return dummy;
}
