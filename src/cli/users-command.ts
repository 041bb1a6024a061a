// `intake users add EMAIL --role support|manager|admin` (password from INTAKE_PASSWORD or typed twice, never an
// argument: arguments end up in shell history and `ps`), `intake users list`, `intake users disable EMAIL`.
import { createInterface } from 'node:readline/promises';
import { read } from 'read';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { AppError } from '../domain/app-error.ts';
import { MAX_USER_NAME, RoleSchema, UserNameSchema, type Role, type Users } from '../domain/ports/users.ts';
import { openStore } from '../adapters/db/open-store.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../web/auth/passwords.ts';

async function withUsers<T>(run: (users: Users) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // openStore applies pending migrations, so `users add` works on a fresh install before `intake start`.
  const store = await openStore(config.databaseUrl);
  try {
    return await run(store.users);
  } finally {
    await store.close();
  }
}

async function readPassword(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.INTAKE_PASSWORD) return env.INTAKE_PASSWORD;
  if (!process.stdin.isTTY) {
    // Piped: the first line of stdin.
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new AppError('validation_failed', 'no password on stdin');
  }
  // `read` turns the terminal's echo off while the password is typed.
  const ask = async (prompt: string) => String(await read({ prompt, silent: true, replace: '*', output: process.stderr }));
  const first = await ask('Password: ');
  const second = await ask('Repeat password: ');
  if (first !== second) throw new AppError('validation_failed', 'the passwords differ');
  return first;
}

export async function addUserCommand(email: string, options: { role: string; name?: string }, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const address = z.email().safeParse(email.trim().toLowerCase());
  if (!address.success) throw new AppError('validation_failed', `not an e-mail address: ${email}`);
  const role = RoleSchema.safeParse(options.role);
  if (!role.success) throw new AppError('validation_failed', `--role must be one of ${RoleSchema.options.join(', ')}`);
  const password = await readPassword(env);
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('validation_failed', `the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const passwordHash = await hashPassword(password);
  const name = UserNameSchema.optional().safeParse(options.name);
  if (!name.success) throw new AppError('validation_failed', `--name must be 1 to ${MAX_USER_NAME} characters`);
  const { created } = await withUsers((users) => users.upsertUser({ email: address.data, role: role.data as Role, passwordHash, ...(name.data ? { name: name.data } : {}) }));
  process.stdout.write(`${created ? 'added' : 'updated'} ${address.data} (${role.data})\n`);
  return 0;
}

export async function listUsersCommand(): Promise<number> {
  const list = await withUsers((users) => users.listUsers());
  for (const user of list) {
    // The name last: scripts reading the first four columns keep working.
    process.stdout.write(`${user.email}\t${user.role}\t${user.disabled ? 'disabled' : 'active'}\t${user.lastLoginAt?.toISOString() ?? 'never signed in'}\t${user.name ?? ''}\n`);
  }
  return 0;
}

export async function disableUserCommand(email: string): Promise<number> {
  const user = await withUsers((users) => users.setUserDisabled(email, true));
  if (!user) throw new AppError('not_found', `no user ${email}`);
  process.stdout.write(`disabled ${user.email}\n`);
  return 0;
}
