// Mail no machine step answers: a customer's question, a message that keeps failing, one parked after too many
// failures. Without this page such mail was stored and flagged, and nobody ever read it. The message is shown
// as text only: Handlebars escapes every value, and HTML parts are never rendered.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ATTENTION_STATES, type AttentionRow } from '../../domain/ports/dashboard.ts';
import { AppError } from '../../domain/app-error.ts';
import { UNASSIGNED_STATES } from '../../pipeline/conversation/conversation-deps.ts';
import type { AppContext } from '../build-app.ts';
import type { Refusal } from '../refused-form.ts';

const PAGE_SIZE = 50;
/** Characters of a message body shown: enough to read a question, not a 30 MB paste. */
const MAX_TEXT_CHARS = 50_000;

const QuerySchema = z.object({
  state: z.union([z.enum(ATTENTION_STATES), z.literal('all')]).default('all'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
const ParamsSchema = z.object({ id: z.uuid() });

/**
 * One message of the inbox with what the desk can do with it; a form the rules refused (`refused`) stands beside
 * that form with what was typed. Null when the message needs nobody any more.
 */
export function attentionMessagePage({ deps, views }: Pick<AppContext, 'deps' | 'views'>) {
  return async (request: FastifyRequest, reply: FastifyReply, id: string, refused?: Refusal): Promise<string | null> => {
    const row = await deps.dashboard.getAttention(id);
    if (!row) return null;
    const mail = await deps.mime.parse(row.raw).catch(() => null);
    const text = mail?.text ?? row.raw.subarray(0, MAX_TEXT_CHARS).toString('utf8');
    reply.type('text/html; charset=utf-8');
    return views.attention({
      title: 'Message',
      nav: 'attention',
      user: request.user,
      lang: request.lang,
      csrf: reply.generateCsrf({ userInfo: request.sessionHash ?? 'anonymous' }),
      message: {
        ...row,
        from: mail?.from ? formatAddress(mail.from) : null,
        replyTo: mail?.replyTo ? formatAddress(mail.replyTo) : null,
        subject: mail?.subject ?? null,
        date: mail?.date ?? null,
        messageId: mail?.messageId ?? null,
        text: text.length > MAX_TEXT_CHARS ? `${text.slice(0, MAX_TEXT_CHARS)}\n…` : text,
        attachments: (mail?.attachments ?? []).map((a) => ({ filename: a.filename, type: a.declaredType, bytes: a.content.length })),
        bytes: row.raw.length,
      },
      // The desk may answer it, attach it to a return or start one from it, once the worker has let go of it.
      canAct: (UNASSIGNED_STATES as readonly string[]).includes(row.state),
      replyKey: randomBytes(16).toString('hex'),
      ...(refused ? { refusals: { [refused.form]: refused }, kept: { [refused.form]: refused.values } } : {}),
    });
  };
}

export function attentionRoutes(context: AppContext) {
  const { deps, views } = context;
  const messagePage = attentionMessagePage(context);
  return async (app: FastifyInstance) => {
    app.get('/attention', async (request, reply) => {
      const parsed = QuerySchema.safeParse(request.query);
      const query = parsed.success ? parsed.data : QuerySchema.parse({});
      const { rows, total } = await deps.dashboard.listAttention({
        ...(query.state !== 'all' ? { state: query.state } : {}),
        limit: PAGE_SIZE,
        offset: (query.page - 1) * PAGE_SIZE,
      });
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const link = (page: number) => `/attention?${new URLSearchParams({ state: query.state, page: String(page) })}`;
      reply.type('text/html; charset=utf-8');
      return views.attention({
        title: 'Needs attention',
        nav: 'attention',
        user: request.user,
        lang: request.lang,
        csrf: reply.generateCsrf({ userInfo: request.sessionHash ?? 'anonymous' }),
        states: ['all', ...ATTENTION_STATES].map((s) => ({ value: s, label: s.replaceAll('_', ' '), active: s === query.state })),
        rows: await Promise.all(rows.map(async (row) => ({ ...row, ...(await summary(row)) }))),
        total,
        page: query.page,
        pages,
        prev: query.page > 1 ? link(query.page - 1) : null,
        next: query.page < pages ? link(query.page + 1) : null,
      });
    });

    app.get('/attention/:id', async (request, reply) => {
      const params = ParamsSchema.safeParse(request.params);
      const id = params.success ? params.data.id : null;
      const page = id ? await messagePage(request, reply, id) : null;
      if (page !== null) return page;
      // One an agent took out of the inbox (answered, attached, a return started from it) is shown where it lives
      // now, the agent named as the desk knows them (its note, "answered by agent:<email>", is the trail's).
      const thread = id ? await deps.conversations.inboundThread(id) : null;
      if (thread?.returnNumber) return reply.redirect(`/returns/${encodeURIComponent(thread.returnNumber)}#conversation`, 303);
      if (id && thread?.messages.some((m) => m.direction === 'out')) return reply.redirect(`/mail/${id}`, 303);
      throw new AppError('not_found', 'no such message needs attention');
    });
  };

  /** From and Subject out of the first bytes of the message (its headers). */
  async function summary(row: AttentionRow): Promise<{ from: string | null; subject: string | null }> {
    const mail = await deps.mime.parse(row.head).catch(() => null);
    return { from: mail?.from ? formatAddress(mail.from) : null, subject: mail?.subject || null };
  }
}

function formatAddress(address: { address: string; name?: string }): string {
  return address.name ? `${address.name} <${address.address}>` : address.address;
}
