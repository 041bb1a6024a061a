// The return's page (review, desk steps, timeline, conversation), rendered for a GET and again for a form the rules
// refused: then the problem stands beside that form, with what the agent typed (src/web/refused-form.ts).
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/app-error.ts';
import { loadReviewCheck } from '../../pipeline/review/review-check.ts';
import type { AppContext } from '../build-app.ts';
import type { Refusal } from '../refused-form.ts';
import { actorLabels } from '../view-models/actor-names.ts';
import { buildReturnView } from '../view-models/return-view.ts';
import { awaitsAnswer, threadView, withAuthors } from '../view-models/thread-view.ts';

export const DONE_MESSAGES: Record<string, string> = {
  saved: 'Corrections saved.',
  approved: 'Approved — the shipping instructions are in the outbox.',
  rejected: 'Rejected — the customer is told why.',
  photo: 'A better photo was requested from the customer.',
  received: 'Parcel received — the customer is told.',
  inspected: 'Inspection recorded.',
  refunded: 'Refund recorded — the customer is told.',
  receipt: 'Receipt amount recorded — the refund below includes the shipping it owes.',
  cancelled: 'Cancelled — the customer is told.',
  reopened: 'Reopened — the application is under review again.',
  extended: 'Ship-by date moved — the customer is told the new date.',
  revived: 'Brought back — the customer is told the new ship-by date.',
  answered: 'Answer sent to the outbox, in the customer\'s thread.',
  attached: 'The e-mail joined this return\'s conversation.',
  started: 'Return started from the e-mail: fill in the fields from the message, then decide.',
  sent_back: 'Goods sent back — the customer is told why.',
  replacement: 'Replacement sent — the customer is told.',
};

const ANSWER_SUPPRESSED: Record<string, string> = {
  answer_own_address: 'the address is our own',
  answer_recipient_blocked: 'replies to this address bounced too often',
  answer_rate_limited: 'this address has had too many replies in the last hour',
};

export interface PageExtra {
  /** Field corrections refused, by field, and the values typed. */
  errors?: Record<string, string>;
  submitted?: Record<string, string>;
  /** A desk form the rules refused. */
  refused?: Refusal;
}

export function returnPage(context: AppContext) {
  const { deps, views, now } = context;
  return async function renderPage(request: FastifyRequest, reply: FastifyReply, number: string, { refused, ...extra }: PageExtra = {}) {
    const review = await context.review();
    const [detail, ref, thread, users] = await Promise.all([deps.store.getReturn(number), review.updates.getReturnRef(number), deps.conversations.returnThread(number), deps.users.listUsers()]);
    if (!detail) throw new AppError('not_found', `No return ${number}.`);
    const check = await loadReviewCheck(review, detail.application, ref ?? detail);
    const entries = await threadView(thread, deps.mime);
    const view = buildReturnView(detail, ref, check, { minConfidence: review.policy.minConfidence, policy: review.policy, now: now(), timeZone: review.timeZone, shipWithinDays: review.policy.shipWithinDays, ...extra });
    const who = actorLabels(users);
    const done = (request.query as { done?: string }).done;
    reply.type('text/html; charset=utf-8');
    return views.return({
      title: `Return ${number}`,
      nav: 'queue',
      user: request.user,
      lang: request.lang,
      csrf: reply.generateCsrf({ userInfo: request.sessionHash ?? 'anonymous' }),
      ...view,
      events: view.events.map((event) => ({ ...event, ...who(event.actor) })),
      // Which rules the checks ran against (policy `name`), so an agent knows what "out of window" meant.
      policyName: review.policy.name,
      notice: done ? DONE_MESSAGES[done] : undefined,
      warning: done?.startsWith('answer_') ? `Not sent: ${ANSWER_SUPPRESSED[done] ?? 'the reply guard refused it'}. The attempt is on the timeline.` : undefined,
      conversation: withAuthors(entries, who),
      awaitsAnswer: awaitsAnswer(entries),
      // A fresh key per page: the same form sent twice drafts the same Message-ID, and the outbox takes it once.
      replyKey: randomBytes(16).toString('hex'),
      hasErrors: extra.errors && Object.keys(extra.errors).length > 0,
      ...refusalView(refused, {
        fields: view.reviewing,
        reject: view.reviewing,
        photo: view.reviewing,
        parcel: view.can.parcelReceived,
        inspection: view.can.inspect,
        receipt: view.can.receipt,
        refund: view.can.refund,
        replacement: view.can.replacement,
        extend: view.can.extend,
        revive: view.can.revive,
        reopen: view.can.reopen,
        cancel: view.can.cancel,
        answer: Boolean(detail.customerEmail),
      }),
    });
  };
}

/**
 * A refusal beside its form (`refusals.<form>`), the form filled with what was typed (`kept.<form>`); when the
 * return's state has moved on and the form is gone (a second click, another agent), above the page instead.
 */
function refusalView(refused: Refusal | undefined, shown: Record<string, boolean>) {
  if (!refused) return {};
  if (!shown[refused.form]) return { refusedAbove: refused };
  return { refusals: { [refused.form]: refused }, kept: { [refused.form]: refused.values } };
}
