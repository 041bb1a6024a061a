// Mail to the returns desk (issue #14), every worker round: one alert listing the returns whose review deadline is
// within the lead time and the refunds that became overdue since the last alert (each return alerted once), and,
// from the digest hour on, the day's digest (once a day: its Message-ID is the day's). Both go through the outbox
// like every reply, to the desk's own address only, and a guard refuses our own address or a bouncing one.
import { AppError } from '../../domain/app-error.ts';
import { isoDay } from '../../domain/iso-day.ts';
import { toRoublesString } from '../../domain/money/money.ts';
import type { DeskAlerts } from '../../domain/ports/desk-alerts.ts';
import type { ReplyTemplates } from '../../domain/ports/reply-renderer.ts';
import type { OutboundDraft } from '../../domain/ports/store.ts';
import type { Language, RenderedReply, ReplyTemplate } from '../../domain/reply.ts';
import type { ReplyGuard } from '../reply/guard-reply.ts';
import type { ReplyDataInput } from '../reply/reply-data.ts';
import { renderReply } from '../reply/render-reply.ts';

/** Returns per alert e-mail; more wait for the next round's e-mail. */
const ALERT_BATCH = 50;

export interface DeskAlertDeps {
  alerts: DeskAlerts;
  templates: ReplyTemplates;
  composeMessage: (reply: RenderedReply) => Promise<Buffer>;
  from: string;
  /** The desk's address (DESK_EMAIL): never a customer's. */
  deskAddress: string;
  language: Language;
  shopName: string;
  timeZone: string;
  /** The review UI's public address, for links to each return. */
  publicUrl: string;
  /** Alert this long before a review deadline (ALERT_REVIEW_LEAD_HOURS). */
  reviewLeadHours: number;
  /** The shop hour from which the day's digest goes out (DESK_DIGEST_HOUR). */
  digestHour: number;
  replyGuard: ReplyGuard;
  now: () => Date;
}

export interface DeskAlertSummary {
  alerted: number;
  digest: boolean;
  /** Why nothing was sent to the desk, when the guard refused its address. */
  refused?: string;
}

export async function runDeskAlerts(deps: DeskAlertDeps): Promise<DeskAlertSummary> {
  const now = deps.now();
  // The desk's address must never be our own (a loop) or one that bounces; the hourly limit is for customers.
  const refused = await deps.replyGuard.check(deps.deskAddress, now);
  if (refused === 'own_address' || refused === 'recipient_blocked') return { alerted: 0, digest: false, refused };

  const summary: DeskAlertSummary = { alerted: 0, digest: false };
  const due = await deps.alerts.listAlertsDue(now, deps.reviewLeadHours * 3_600_000, ALERT_BATCH);
  if (due.length > 0) {
    const link = (number: string) => `${deps.publicUrl}/returns/${encodeURIComponent(number)}`;
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: deps.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const mail = await draft(deps, 'desk_alert', {
      shopName: deps.shopName,
      reviewSoon: due
        .filter((a) => a.kind === 'review_sla_soon')
        .map((a) => ({ returnNumber: a.returnNumber, dueDay: isoDay(a.dueAt, deps.timeZone), dueTime: time.format(a.dueAt), link: link(a.returnNumber) })),
      refundOverdue: due
        .filter((a) => a.kind === 'refund_overdue')
        .map((a) => ({ returnNumber: a.returnNumber, dueDay: isoDay(a.dueAt, deps.timeZone), amount: a.amount === null ? null : toRoublesString(a.amount), link: link(a.returnNumber) })),
    });
    try {
      await deps.alerts.commitAlerts(due, mail, now);
      summary.alerted = due.length;
    } catch (error) {
      // Another worker alerted some of them first; the rest are listed again next round.
      if (!(error instanceof AppError && error.code === 'conflict')) throw error;
    }
  }

  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: deps.timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now));
  if (hour >= deps.digestHour) {
    const day = isoDay(now, deps.timeZone);
    const facts = await deps.alerts.digestFacts(now);
    const mail = await draft(
      deps,
      'desk_digest',
      {
        shopName: deps.shopName,
        day,
        ...facts,
        refundsDueAmount: toRoublesString(facts.refundsDueAmount),
        refundsOverdueAmount: toRoublesString(facts.refundsOverdueAmount),
        uiUrl: `${deps.publicUrl}/dashboard`,
      },
      // One digest a day, whichever worker gets there first: the outbox refuses a second copy of this Message-ID.
      `digest.${day}`,
    );
    summary.digest = await deps.alerts.queueDigest(mail);
  }
  return summary;
}

async function draft<T extends ReplyTemplate>(deps: DeskAlertDeps, template: T, data: ReplyDataInput<T>, fixedId?: string): Promise<OutboundDraft> {
  const reply = renderReply(
    deps.templates,
    { template, language: deps.language, to: deps.deskAddress, from: deps.from, references: [], originalSubject: '', data },
    fixedId ? { randomId: () => fixedId } : {},
  );
  return { messageId: reply.messageId, to: reply.to, subject: reply.subject, template, language: deps.language, raw: await deps.composeMessage(reply) };
}
