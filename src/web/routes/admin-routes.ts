// User management for admins: add a user (or reset a password), change a role, disable or enable.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { RoleSchema, UserNameSchema } from '../../domain/ports/users.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import type { AppContext } from '../build-app.ts';
import { formIssues } from '../form-issues.ts';

/** An empty name field: no name (the user is shown by the e-mail). */
const NameField = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), UserNameSchema.optional());
const AddUserSchema = z.object({
  email: z.email().trim().toLowerCase().max(254),
  name: NameField,
  role: RoleSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
});
const ChangeSchema = z.object({
  email: z.email().trim().toLowerCase(),
  role: RoleSchema.optional(),
  name: NameField,
  disabled: z.enum(['true', 'false']).optional(),
});

export function adminRoutes({ deps, views }: AppContext) {
  async function render(request: FastifyRequest, reply: FastifyReply, extra: object = {}) {
    reply.type('text/html; charset=utf-8');
    return views.users({
      title: 'Users',
      nav: 'users',
      user: request.user,
        lang: request.lang,
      csrf: reply.generateCsrf({ userInfo: request.sessionHash ?? 'anonymous' }),
      users: await deps.users.listUsers(),
      roles: RoleSchema.options,
      ...extra,
    });
  }
  return async (app: FastifyInstance) => {
    app.get('/admin/users', { config: { role: 'admin' } }, (request, reply) => render(request, reply));

    app.post('/admin/users', { config: { role: 'admin' } }, async (request, reply) => {
      const parsed = AddUserSchema.safeParse(request.body);
      if (!parsed.success) {
        reply.code(400);
        return render(request, reply, { issues: formIssues(parsed.error) });
      }
      const { email, role, password, name } = parsed.data;
      const { created } = await deps.users.upsertUser({ email, role, passwordHash: await hashPassword(password), ...(name ? { name } : {}) });
      return render(request, reply, { notice: `${created ? 'Added' : 'Updated'} ${email} (${role}).` });
    });

    app.post('/admin/users/change', { config: { role: 'admin' } }, async (request, reply) => {
      const form = ChangeSchema.parse(request.body);
      const own = form.email === request.user?.email;
      // Anyone's name may change, one's own too; one's own role and access may not (no admin locks themselves out).
      if (own && (form.role !== undefined || form.disabled !== undefined)) throw new AppError('validation_failed', 'You cannot change or disable your own account here.');
      const renamed = form.disabled === undefined ? await deps.users.setUserName(form.email, form.name ?? null) : true;
      const changed = !renamed
        ? null
        : form.role
          ? await deps.users.setUserRole(form.email, form.role)
          : form.disabled !== undefined
            ? await deps.users.setUserDisabled(form.email, form.disabled === 'true')
            : renamed;
      if (!changed) throw new AppError('not_found', `No user ${form.email}.`);
      return reply.redirect('/admin/users', 303);
    });
  };
}
