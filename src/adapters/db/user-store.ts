// The Users port on Prisma: accounts for the review UI and their server-side sessions.
import type { Role, User, Users, UserWithHash } from '../../domain/ports/users.ts';
import { RoleSchema } from '../../domain/ports/users.ts';
import { guard, isUniqueViolation } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';

interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: string;
  passwordHash: string;
  disabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: RoleSchema.parse(row.role),
    disabled: row.disabled,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
  };
}

const normal = (email: string) => email.trim().toLowerCase();

export function createUserStore(db: DbClient): Users {
  const update = (email: string, data: { disabled?: boolean; role?: Role }) =>
    guard('updateUser', async () => {
      const found = await db.user.findUnique({ where: { email: normal(email) } });
      if (!found) return null;
      const row = await db.user.update({ where: { id: found.id }, data });
      // Disabling or demoting someone ends their sessions: the change takes effect now, not at expiry. The same role
      // sent again (the users page's form carries it with a new name) changes nothing and signs nobody out.
      const changed = (data.role !== undefined && data.role !== found.role) || (data.disabled !== undefined && data.disabled !== found.disabled);
      if (changed) await db.session.deleteMany({ where: { userId: found.id } });
      return toUser(row);
    });

  return {
    upsertUser: ({ email, role, passwordHash, name }) =>
      guard('upsertUser', async () => {
        const existing = await db.user.findUnique({ where: { email: normal(email) }, select: { id: true } });
        const row = await db.user.upsert({
          where: { email: normal(email) },
          create: { email: normal(email), role, passwordHash, name: name ?? null },
          update: { role, passwordHash, disabled: false, ...(name !== undefined ? { name } : {}) },
        });
        if (existing) await db.session.deleteMany({ where: { userId: existing.id } });
        return { user: toUser(row), created: !existing };
      }),

    findUserByEmail: (email) =>
      guard('findUserByEmail', async (): Promise<UserWithHash | null> => {
        const row = await db.user.findUnique({ where: { email: normal(email) } });
        return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
      }),

    listUsers: () => guard('listUsers', async () => (await db.user.findMany({ orderBy: { email: 'asc' } })).map(toUser)),

    setUserDisabled: (email, disabled) => update(email, { disabled }),
    setUserRole: (email, role) => update(email, { role }),
    setUserName: (email, name) =>
      guard('setUserName', async () => {
        const found = await db.user.findUnique({ where: { email: normal(email) }, select: { id: true } });
        return found ? toUser(await db.user.update({ where: { id: found.id }, data: { name } })) : null;
      }),

    createSession: ({ tokenHash, userId, expiresAt }) =>
      guard('createSession', async () => {
        await db.$transaction([
          db.session.create({ data: { id: tokenHash, userId, expiresAt } }),
          db.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } }),
        ]);
      }),

    findSessionUser: (tokenHash, now) =>
      guard('findSessionUser', async () => {
        const row = await db.session.findUnique({ where: { id: tokenHash }, include: { user: true } });
        if (!row || row.expiresAt <= now || row.user.disabled) return null;
        return toUser(row.user);
      }),

    deleteSession: (tokenHash) =>
      guard('deleteSession', async () => {
        await db.session.deleteMany({ where: { id: tokenHash } });
      }),

    deleteExpiredSessions: (now) =>
      guard('deleteExpiredSessions', async () => (await db.session.deleteMany({ where: { expiresAt: { lte: now } } })).count),

    loginFailures: (key) =>
      guard('loginFailures', async () => {
        const row = await db.loginFailure.findUnique({ where: { id: key } });
        return row ? { failures: row.failures, lockedUntil: row.lockedUntil } : null;
      }),

    countLoginFailure: (key, now, forgetBefore) =>
      guard('countLoginFailure', async () => {
        // Strangers' guesses at random e-mails must not grow the table without bound.
        await db.loginFailure.deleteMany({ where: { lastFailedAt: { lt: forgetBefore }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] } });
        const increment = () =>
          db.loginFailure.upsert({
            where: { id: key },
            create: { id: key, failures: 1, lastFailedAt: now },
            // An increment in the database, not read-modify-write: two UI processes counting at once both count.
            update: { failures: { increment: 1 }, lastFailedAt: now },
          });
        try {
          return (await increment()).failures;
        } catch (error) {
          // Two first failures at once: one insert lost the race; the row exists now, so count again.
          if (!isUniqueViolation(error)) throw error;
          return (await increment()).failures;
        }
      }),

    lockLogin: (key, until) =>
      guard('lockLogin', async () => {
        await db.loginFailure.updateMany({ where: { id: key }, data: { lockedUntil: until } });
      }),

    clearLoginFailures: (key) =>
      guard('clearLoginFailures', async () => {
        await db.loginFailure.deleteMany({ where: { id: key } });
      }),
  };
}
