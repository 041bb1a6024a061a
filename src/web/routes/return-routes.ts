// One return: the review page while it is under review (scan beside fields, edits, approve / reject / ask for a
// better photo), and the desk's manual steps afterwards, with the timeline throughout. Routes only parse the form
// and call src/pipeline/review; the lifecycle table, the reply and the audit trail are handled there.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { approveReturn, rejectReturn, RejectionReasonSchema, requestBetterPhoto, type ExchangeChoice, type NotReturnable } from '../../pipeline/review/decide-review.ts';
import {
  InspectionSchema,
  markParcelReceived,
  markRefundIssued,
  markReplacementSent,
  ReceiptAmountSchema,
  ReplacementSentSchema,
  recordInspection,
  recordReceiptAmount,
  RefundIssuedSchema,
} from '../../pipeline/review/desk-steps.ts';
import { saveFieldEdits } from '../../pipeline/review/edit-fields.ts';
import {
  CancelFormSchema,
  cancelReturn,
  extendShipBy,
  ReopenFormSchema,
  reopenReturn,
  reviveReturn,
  ShipByFormSchema,
} from '../../pipeline/review/agent-actions.ts';
import type { AgentActor } from '../../pipeline/review/review-deps.ts';
import type { AppContext } from '../build-app.ts';
import { orShowAgain } from '../refused-form.ts';
import { returnPage, type PageExtra } from './return-page.ts';

const NumberParams = z.object({ number: z.string().regex(/^[A-Z0-9-]{1,40}$/i) });
/** Edited fields arrive as `f.<key>`; everything else in the form is ours. */
const EditsSchema = z.record(z.string(), z.string().max(2000));
const RejectSchema = z.object({ reason: RejectionReasonSchema, note: z.string().trim().max(500).optional() });
const NoteSchema = z.object({ note: z.string().trim().max(500).optional() });
/** "Not returnable" boxes of the approve form (`reject.<item index>`) and the one reason given for them. */
const ItemReasonSchema = z.object({ itemReason: RejectionReasonSchema.default('custom_made') });

function notReturnableFrom(body: unknown): NotReturnable | undefined {
  const all = EditsSchema.parse(body ?? {});
  const reasons: Partial<Record<number, z.infer<typeof RejectionReasonSchema>>> = {};
  for (const [key, value] of Object.entries(all)) {
    // Each item's own outcome (`outcome.<index>`): `refund`, or the reason it is not returnable.
    const index = /^outcome\.(\d{1,3})$/.exec(key)?.[1];
    if (index !== undefined && value !== 'refund' && value !== 'exchange') reasons[Number(index)] = RejectionReasonSchema.parse(value);
  }
  const indices = [
    ...Object.keys(reasons).map(Number),
    ...Object.keys(all)
      .map((key) => /^reject\.(\d{1,3})$/.exec(key)?.[1])
      .filter((index): index is string => index !== undefined)
      .map(Number),
  ];
  if (indices.length === 0) return undefined;
  return { indices: [...new Set(indices)], reason: ItemReasonSchema.parse(body).itemReason, reasons };
}

/** Items the agent exchanges (`outcome.<index>` = exchange) and what the customer gets for each (`exchangeFor.<index>`). */
function exchangeFrom(body: unknown): ExchangeChoice[] | undefined {
  const all = EditsSchema.parse(body ?? {});
  const choices = Object.entries(all)
    .map(([key, value]) => ({ index: /^outcome\.(\d{1,3})$/.exec(key)?.[1], value }))
    .filter((entry): entry is { index: string; value: string } => entry.index !== undefined && entry.value === 'exchange')
    .map(({ index }) => ({ index: Number(index), wanted: all[`exchangeFor.${index}`] ?? '' }));
  return choices.length > 0 ? choices : undefined;
}

function exchangeOf(body: unknown): { exchange?: ExchangeChoice[] } {
  const exchange = exchangeFrom(body);
  return exchange ? { exchange } : {};
}

function actorOf(request: FastifyRequest): AgentActor {
  if (!request.user) throw new AppError('unauthorized', 'Sign in first.');
  return `agent:${request.user.email}`;
}

function editsFrom(body: unknown): Record<string, string> {
  const all = EditsSchema.parse(body ?? {});
  const edits: Record<string, string> = {};
  for (const [key, value] of Object.entries(all)) if (key.startsWith('f.')) edits[key.slice(2)] = value;
  return edits;
}

export function returnRoutes(context: AppContext) {
  const { deps } = context;

  const renderPage = returnPage(context);
  /** The action, or, when the rules refuse it, the page again with the problem beside the form and its values kept. */
  const refusable = (request: FastifyRequest, reply: FastifyReply, number: string, form: string, act: () => Promise<unknown>, extra: PageExtra = {}) =>
    orShowAgain(reply, form, request.body, act, (refused) => renderPage(request, reply, number, { ...extra, refused }));

  const done = (reply: FastifyReply, number: string, what: string) => reply.redirect(`/returns/${encodeURIComponent(number)}?done=${what}`, 303);

  return async (app: FastifyInstance) => {
    app.get('/returns/:number', async (request, reply) => renderPage(request, reply, NumberParams.parse(request.params).number));

    app.get('/returns/:number/next', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      const next = await deps.dashboard.nextForReview(number);
      return reply.redirect(next ? `/returns/${encodeURIComponent(next)}` : '/queue?state=needs_review', 303);
    });

    // Save corrections, or save them and approve in one go ("Approve" submits the same form).
    app.post('/returns/:number/fields', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      const edits = editsFrom(request.body);
      const approve = (request.body as { action?: string } | undefined)?.action === 'approve';
      const review = await context.review();
      const saved = await saveFieldEdits(review, { returnNumber: number, actor: actorOf(request), edits });
      if (Object.keys(saved.errors).length > 0) {
        reply.code(422);
        return renderPage(request, reply, number, { errors: saved.errors as Record<string, string>, submitted: edits });
      }
      if (!approve) return done(reply, number, 'saved');
      return refusable(request, reply, number, 'fields', async () => {
        const notReturnable = notReturnableFrom(request.body);
        await approveReturn(review, { returnNumber: number, actor: actorOf(request), expectedState: 'needs_review', ...(notReturnable ? { notReturnable } : {}), ...exchangeOf(request.body) });
        return done(reply, number, 'approved');
      }, { submitted: edits });
    });

    app.post('/returns/:number/approve', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      return refusable(request, reply, number, 'fields', async () => {
        const notReturnable = notReturnableFrom(request.body);
        await approveReturn(await context.review(), { returnNumber: number, actor: actorOf(request), expectedState: 'needs_review', ...(notReturnable ? { notReturnable } : {}), ...exchangeOf(request.body) });
        return done(reply, number, 'approved');
      });
    });

    app.post('/returns/:number/reject', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      return refusable(request, reply, number, 'reject', async () => {
        const form = RejectSchema.parse(request.body);
        await rejectReturn(await context.review(), { returnNumber: number, actor: actorOf(request), expectedState: 'needs_review', reason: form.reason, ...(form.note ? { note: form.note } : {}) });
        return done(reply, number, 'rejected');
      });
    });

    app.post('/returns/:number/request-photo', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      return refusable(request, reply, number, 'photo', async () => {
        const form = NoteSchema.parse(request.body ?? {});
        await requestBetterPhoto(await context.review(), { returnNumber: number, actor: actorOf(request), expectedState: 'needs_review', ...(form.note ? { note: form.note } : {}) });
        return done(reply, number, 'photo');
      });
    });

    app.post('/returns/:number/parcel-received', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      return refusable(request, reply, number, 'parcel', async () => {
        await markParcelReceived(await context.review(), { returnNumber: number, actor: actorOf(request) });
        return done(reply, number, 'received');
      });
    });

    app.post('/returns/:number/inspection', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      return refusable(request, reply, number, 'inspection', async () => {
        const form = InspectionSchema.parse(request.body);
        await recordInspection(await context.review(), { returnNumber: number, actor: actorOf(request), ...form });
        return done(reply, number, form.result === 'send_back' ? 'sent_back' : 'inspected');
      });
    });

    app.post('/returns/:number/receipt-amount', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      return refusable(request, reply, number, 'receipt', async () => {
        const form = ReceiptAmountSchema.parse(request.body);
        await recordReceiptAmount(await context.review(), { returnNumber: number, actor: actorOf(request), ...form });
        return done(reply, number, 'receipt');
      });
    });

    app.post('/returns/:number/cancel', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      return refusable(request, reply, number, 'cancel', async () => {
        const form = CancelFormSchema.parse(request.body);
        await cancelReturn(await context.review(), { returnNumber: number, actor: actorOf(request), ...form });
        return done(reply, number, 'cancelled');
      });
    });

    app.post('/returns/:number/reopen', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      return refusable(request, reply, number, 'reopen', async () => {
        const form = ReopenFormSchema.parse(request.body);
        await reopenReturn(await context.review(), { returnNumber: number, actor: actorOf(request), ...form });
        return done(reply, number, 'reopened');
      });
    });

    app.post('/returns/:number/extend-ship-by', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      return refusable(request, reply, number, 'extend', async () => {
        const form = ShipByFormSchema.parse(request.body);
        await extendShipBy(await context.review(), { returnNumber: number, actor: actorOf(request), ...form });
        return done(reply, number, 'extended');
      });
    });

    app.post('/returns/:number/revive', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      return refusable(request, reply, number, 'revive', async () => {
        const form = ShipByFormSchema.parse(request.body);
        await reviveReturn(await context.review(), { returnNumber: number, actor: actorOf(request), ...form });
        return done(reply, number, 'revived');
      });
    });

    app.post('/returns/:number/replacement-sent', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      return refusable(request, reply, number, 'replacement', async () => {
        const form = ReplacementSentSchema.parse(request.body ?? {});
        await markReplacementSent(await context.review(), { returnNumber: number, actor: actorOf(request), ...(form.trackingNumber ? { trackingNumber: form.trackingNumber } : {}) });
        return done(reply, number, 'replacement');
      });
    });

    app.post('/returns/:number/refund-issued', async (request, reply) => {
      const { number } = NumberParams.parse(request.params);
      return refusable(request, reply, number, 'refund', async () => {
        const form = RefundIssuedSchema.parse(request.body);
        await markRefundIssued(await context.review(), { returnNumber: number, actor: actorOf(request), ...form });
        return done(reply, number, 'refunded');
      });
    });
  };
}
