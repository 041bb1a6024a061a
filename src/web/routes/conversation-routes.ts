// Conversations (issue #14): an agent answers a customer in place, on the return's page or from the unassigned
// inbox, attaches an unassigned e-mail to a return, or starts a return from it. The routes parse the form and call
// src/pipeline/conversation; the reply stage, the guard and the outbox are handled there.
import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { answerReturn } from '../../pipeline/conversation/answer-return.ts';
import { answerUnassigned } from '../../pipeline/conversation/answer-unassigned.ts';
import { attachMail } from '../../pipeline/conversation/attach-mail.ts';
import type { ConversationDeps } from '../../pipeline/conversation/conversation-deps.ts';
import { startReturnFromMail } from '../../pipeline/conversation/start-return-from-mail.ts';
import type { AgentActor } from '../../pipeline/review/review-deps.ts';
import type { AppContext } from '../build-app.ts';
import { actorLabels } from '../view-models/actor-names.ts';
import { threadView, withAuthors } from '../view-models/thread-view.ts';
import { orShowAgain } from '../refused-form.ts';
import { attentionMessagePage } from './attention-routes.ts';
import { returnPage } from './return-page.ts';

const NumberParams = z.object({ number: z.string().regex(/^[A-Z0-9-]{1,40}$/i) });
const IdParams = z.object({ id: z.uuid() });
const AnswerSchema = z.object({ text: z.string().max(20_000), replyKey: z.string().max(64) });
const AttachSchema = z.object({ returnNumber: z.string().trim().min(1, 'the return number').max(40) });

function actorOf(request: FastifyRequest): AgentActor {
  if (!request.user) throw new AppError('unauthorized', 'Sign in first.');
  return `agent:${request.user.email}`;
}

function idOf(request: FastifyRequest): string {
  const parsed = IdParams.safeParse(request.params);
  if (!parsed.success) throw new AppError('not_found', 'No such e-mail.');
  return parsed.data.id;
}

export function conversationRoutes(context: AppContext) {
  const { deps, views, review } = context;
  const returnPageOf = returnPage(context);
  const messagePage = attentionMessagePage(context);
  /** The inbox's action, or its message page again with the refusal beside the form; gone from the inbox: the error page. */
  const refusable = (request: FastifyRequest, reply: FastifyReply, id: string, form: string, act: () => Promise<unknown>) =>
    orShowAgain(reply, form, request.body, act, async (refused) => {
      const page = await messagePage(request, reply, id, refused);
      if (page === null) throw new AppError(refused.status === 409 ? 'conflict' : 'validation_failed', refused.message ?? 'The form was refused.');
      return page;
    });
  // Built per request: the policy in force now (a return started from an e-mail is checked against it).
  const conversationDeps = async (): Promise<ConversationDeps> => ({
    ...(await review()),
    conversations: deps.conversations,
    mime: deps.mime,
    documents: deps.reader,
    store: deps.store,
    random: deps.random ?? (() => randomInt(31)),
  });

  return async (app: FastifyInstance) => {
    app.post('/returns/:number/answer', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      const act = async () => {
        const form = AnswerSchema.parse(request.body);
        const outcome = await answerReturn(await conversationDeps(), { returnNumber: number, actor: actorOf(request), ...form });
        const done = outcome.replySuppressed ? `answer_${outcome.replySuppressed}` : 'answered';
        return reply.redirect(`/returns/${encodeURIComponent(number)}?done=${done}#conversation`, 303);
      };
      return orShowAgain(reply, 'answer', request.body, act, (refused) => returnPageOf(request, reply, number, { refused }));
    });

    app.post('/attention/:id/answer', async (request, reply) => {
      const id = idOf(request);
      return refusable(request, reply, id, 'answer', async () => {
        const form = AnswerSchema.parse(request.body);
        await answerUnassigned(await conversationDeps(), { inboundId: id, actor: actorOf(request), ...form });
        return reply.redirect(`/mail/${id}?done=answered`, 303);
      });
    });

    app.post('/attention/:id/attach', async (request, reply) => {
      const id = idOf(request);
      return refusable(request, reply, id, 'attach', async () => {
        const form = AttachSchema.parse(request.body);
        const returnNumber = await attachMail(await conversationDeps(), { inboundId: id, actor: actorOf(request), ...form }).catch((error: unknown) => {
          // A number that names no return is a typing slip in this form, not a page that is missing.
          throw error instanceof AppError && error.code === 'not_found' ? new AppError('validation_failed', error.message) : error;
        });
        return reply.redirect(`/returns/${encodeURIComponent(returnNumber)}?done=attached#conversation`, 303);
      });
    });

    app.post('/attention/:id/start', async (request, reply) => {
      const id = idOf(request);
      return refusable(request, reply, id, 'start', async () => {
        const returnNumber = await startReturnFromMail(await conversationDeps(), { inboundId: id, actor: actorOf(request) });
        return reply.redirect(`/returns/${encodeURIComponent(returnNumber)}?done=started`, 303);
      });
    });

    // One e-mail and our answers to it, whatever became of it (the page an answered question lands on).
    app.get('/mail/:id', async (request, reply) => {
      const thread = await deps.conversations.inboundThread(idOf(request));
      if (!thread) throw new AppError('not_found', 'No such e-mail.');
      if (thread.returnNumber) return reply.redirect(`/returns/${encodeURIComponent(thread.returnNumber)}#conversation`, 303);
      const [entries, users] = await Promise.all([threadView(thread.messages, deps.mime), deps.users.listUsers()]);
      reply.type('text/html; charset=utf-8');
      return views.mail({
        title: entries[0]?.subject || 'E-mail',
        nav: 'attention',
        user: request.user,
        lang: request.lang,
        csrf: reply.generateCsrf({ userInfo: request.sessionHash ?? 'anonymous' }),
        entries: withAuthors(entries, actorLabels(users)),
        answered: (request.query as { done?: string }).done === 'answered',
      });
    });
  };
}
