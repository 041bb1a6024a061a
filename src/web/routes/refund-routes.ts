// Refunds to pay (issue #14, managers): the list of refunds owed with amount, due day and bank details or the
// card's last four; an export of the ticked ones as CSV or as 1CClientBankExchange payment orders; and marking
// them paid with the amount and day the bank actually paid (each a guarded transition with its reply).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import iconv from 'iconv-lite';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { isoDay } from '../../domain/iso-day.ts';
import { toRoublesString } from '../../domain/money/money.ts';
import type { RefundDue } from '../../domain/ports/refunds.ts';
import { payRefunds } from '../../pipeline/refunds/pay-refunds.ts';
import { writePaymentOrders } from '../../pipeline/refunds/payment-orders.ts';
import { refundsCsv } from '../../pipeline/refunds/refunds-csv.ts';
import type { AppContext } from '../build-app.ts';
import { orShowAgain, type Refusal } from '../refused-form.ts';

const ExportSchema = z.object({ format: z.enum(['csv', '1c']) });
const PaySchema = z.object({ paidOn: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, e.g. 2026-12-05') });
const NUMBER = /^[A-Z0-9-]{1,40}$/i;

/** Return numbers ticked in the form (`pick.<number>`), and the amount typed beside each (`amount.<number>`). */
function picked(body: unknown): Array<{ returnNumber: string; amount: string }> {
  const form = z.record(z.string(), z.union([z.string(), z.array(z.string())])).parse(body ?? {});
  const text = (key: string) => {
    const value = form[key];
    return (Array.isArray(value) ? value[0] : value) ?? '';
  };
  return Object.keys(form)
    .map((key) => /^pick\.(.+)$/.exec(key)?.[1])
    .filter((number): number is string => number !== undefined && NUMBER.test(number))
    .map((returnNumber) => ({ returnNumber, amount: text(`amount.${returnNumber}`) }));
}

const SKIP_REASONS = { card: 'a card refund (paid back through the card acquirer)', no_amount: 'no amount computed', no_bank_details: 'no bank details' };

export function refundRoutes({ deps, views, now, review }: AppContext) {
  const timeZone = deps.review.timeZone;

  async function chosen(body: unknown): Promise<RefundDue[]> {
    const numbers = new Set(picked(body).map((p) => p.returnNumber));
    if (numbers.size === 0) throw new AppError('validation_failed', 'Tick the refunds to export first.');
    return (await deps.refunds.listRefundsDue()).filter((r) => numbers.has(r.returnNumber));
  }

  /** The list; after a refused export or payment, with the problem beside the buttons and the ticks and amounts kept. */
  async function refundsPage(request: FastifyRequest, reply: FastifyReply, refused?: Refusal) {
    const at = now();
    const query = request.query as { paid?: string; failed?: string };
    const kept = refused?.values;
    const refunds = await deps.refunds.listRefundsDue();
    const rows = refunds.map((r) => ({
      ...r,
      amountText: kept?.[`amount.${r.returnNumber}`] ?? (r.amount === null ? '' : toRoublesString(r.amount)),
      picked: kept?.[`pick.${r.returnNumber}`] !== undefined,
      overdue: r.dueAt !== null && r.dueAt < at,
    }));
    const total = refunds.reduce((sum, r) => sum + (r.amount ?? 0), 0);
    reply.type('text/html; charset=utf-8');
    return views.refunds({
      title: 'Refunds to pay',
      nav: 'refunds',
      user: request.user,
      lang: request.lang,
      csrf: reply.generateCsrf({ userInfo: request.sessionHash ?? 'anonymous' }),
      rows,
      total: toRoublesString(total),
      today: isoDay(at, timeZone),
      paidOn: kept?.paidOn ?? isoDay(at, timeZone),
      payerConfigured: deps.payer !== undefined,
      notice: query.paid ? '{n} refund(s) marked paid; each customer is told the amount and the day.' : undefined,
      paid: query.paid,
      failed: query.failed ? query.failed.split('|').slice(0, 50) : [],
      refused,
    });
  }

  return async (app: FastifyInstance) => {
    app.get('/refunds', { config: { role: 'manager' } }, async (request, reply) => refundsPage(request, reply));

    app.post('/refunds/export', { config: { role: 'manager' } }, async (request, reply) =>
      orShowAgain(reply, 'refunds', request.body, () => exportRefunds(request, reply), (refused) => refundsPage(request, reply, refused)),
    );

    app.post('/refunds/pay', { config: { role: 'manager' } }, async (request, reply) =>
      orShowAgain(reply, 'refunds', request.body, () => markPaid(request, reply), (refused) => refundsPage(request, reply, refused)),
    );
  };

  async function exportRefunds(request: FastifyRequest, reply: FastifyReply) {
    const { format } = ExportSchema.parse(request.body);
    const refunds = await chosen(request.body);
    const at = now();
    const day = isoDay(at, timeZone);
    if (format === 'csv') {
      reply.header('Content-Disposition', `attachment; filename="refunds-${day}.csv"`);
      return reply.type('text/csv; charset=utf-8').send(refundsCsv(refunds, timeZone));
    }
    if (!deps.payer) throw new AppError('validation_failed', "The shop's bank account is not configured (PAYER_* settings): payment orders need a payer.");
    const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
    const file = writePaymentOrders(refunds, deps.payer, { day, time });
    if (file.included.length === 0) {
      throw new AppError('validation_failed', `None of the ticked refunds can be a payment order: ${file.skipped.map((s) => `${s.returnNumber} (${SKIP_REASONS[s.why]})`).join(', ')}.`);
    }
    reply.header('Content-Disposition', `attachment; filename="kl_to_1c-${day}.txt"`);
    if (file.skipped.length > 0) reply.header('X-Refunds-Skipped', file.skipped.map((s) => `${s.returnNumber}:${s.why}`).join(','));
    return reply.type('text/plain; charset=windows-1251').send(iconv.encode(file.text, 'win1251'));
  }

  async function markPaid(request: FastifyRequest, reply: FastifyReply) {
    const { paidOn } = PaySchema.parse(request.body);
    const payments = picked(request.body);
    if (payments.length === 0) throw new AppError('validation_failed', 'Tick the refunds the bank has paid first.');
    if (!request.user) throw new AppError('unauthorized', 'Sign in first.');
    const outcome = await payRefunds(await review(), { actor: `agent:${request.user.email}`, paidOn, payments });
    const params = new URLSearchParams({ paid: String(outcome.paid.length) });
    if (outcome.failed.length > 0) params.set('failed', outcome.failed.map((f) => `${f.returnNumber}: ${f.message}`).join('|'));
    return reply.redirect(`/refunds?${params}`, 303);
  }
}
