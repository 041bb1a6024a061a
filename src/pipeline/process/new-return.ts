// A new return from a customer's first e-mail: decide it (or ask for the application), number it, and
// render its reply. The outcome is recorded in one transaction by record-outcome.ts.
import { AppError } from '../../domain/app-error.ts';
import type { ParsedApplication } from '../../domain/application.ts';
import type { Decision } from '../../domain/decision.ts';
import type { ExtractedDocument } from '../../domain/document.ts';
import { decisionEvents } from '../../domain/lifecycle/decision-events.ts';
import { transition } from '../../domain/lifecycle/transitions.ts';
import type { MailMessage } from '../../domain/mail-message.ts';
import type { ReturnEvent, StoredDocument } from '../../domain/ports/store.ts';
import type { Language, ReplyTemplate } from '../../domain/reply.ts';
import { generateReturnNumber } from '../../domain/return-number.ts';
import type { ApplicationDecision } from '../decide/decide-application.ts';
import { draftReturnReply } from '../reply/draft-return-reply.ts';
import { describeEvidence } from '../decide/evidence.ts';
import { buildReplyData } from './build-reply-data.ts';
import { decideWithOrder } from './decide-with-order.ts';
import { decisionDeadlines } from './decision-deadlines.ts';
import { messageLimitBreach } from './message-limit.ts';
import type { ProcessDeps } from './process-message.ts';
import type { ProcessOutcome } from './process-outcome.ts';
import { isoDay } from '../../domain/iso-day.ts';

const RETURN_WORDS = /возвр|вернуть|верну|обмен|return|refund|exchange/i;

export interface NewReturnInput {
  mail: MailMessage;
  rawBytes: number;
  receivedAt: Date;
  documents: StoredDocument[];
  application: ParsedApplication;
  isApplication: boolean;
  language: Language;
  customerEmail: string;
  today: string;
}

export async function newReturn(input: NewReturnInput, deps: ProcessDeps): Promise<ProcessOutcome> {
  const { mail, documents } = input;
  let decision: Pick<ApplicationDecision, 'status' | 'state' | 'reasons' | 'shipping' | 'refund' | 'evidence'>;
  let template: ReplyTemplate;
  // What the decision settled on: completed and confirmed by the order, each value's source recorded.
  let application = input.application;
  const breach = messageLimitBreach(mail, input.rawBytes);
  if (breach) {
    // Too large or too complex alike: the reply asks for the application again with only the form and the photos needed.
    decision = { status: 'awaiting_application', state: 'awaiting_application', reasons: [breach] };
    template = 'message_too_large';
  } else if (input.isApplication) {
    // The decided application (completed by the order) is what is stored; the decision does not carry a copy.
    const { application: decided, ...rest } = await decideWithOrder(application, deps, input.today, undefined, input.customerEmail);
    decision = rest;
    template = rest.reply;
    if (decided) application = decided;
  } else {
    const missing = missingApplication(mail, documents);
    if (!missing) return { kind: 'needs_attention', reason: 'not_an_application' };
    ({ decision, template } = missing);
  }

  const returnNumber = generateReturnNumber(deps.random);
  const now = deps.now();
  // The rules were judged on the arrival day (input.today); the ship-by date counts from the approval, now.
  const decidedOn = isoDay(now, deps.timeZone);
  const ref = {
    returnNumber,
    language: input.language,
    customerEmail: input.customerEmail,
    customerMessageId: mail.messageId ?? null,
    customerSubject: mail.subject,
    replyMessageIds: [],
  };
  const data = buildReplyData(template, {
    shopName: deps.shopName,
    customerName: application.fields.fullName?.value ?? mail.from?.name,
    policy: deps.policy,
    application,
    decision,
    today: decidedOn,
  });
  return {
    kind: 'return',
    record: {
      returnNumber,
      state: decision.state,
      customerEmail: (application.fields.email?.value ?? mail.from?.address)?.toLowerCase(),
      orderNumber: application.fields.orderNumber?.value,
      language: input.language,
      application,
      decision,
      documents,
      events: withBasis(lifecycleEvents(decision, now), application, decision),
      reply: await draftReturnReply(deps, ref, template, data),
      ...(mail.messageId ? { customerMessageId: mail.messageId } : {}),
      customerSubject: mail.subject,
      deadlines: decisionDeadlines(decision.state, deps.policy, input.receivedAt, now, deps.timeZone),
    },
  };
}

/** Problems that mean a photo or scan was opened but its text could not be read: a better photo will help. */
const PHOTO_PROBLEMS = new Set(['no_text', 'ocr_timeout', 'ocr_failed']);

/**
 * A message about a return that carries no readable application. A photo or scan we could open but not read
 * gets "photo unreadable" (how to take a good photo); a broken, encrypted or unsupported file, or no file at
 * all, gets "application missing" with the blank form. Every document's problems are kept as reasons.
 */
function missingApplication(mail: MailMessage, documents: ExtractedDocument[]): { decision: Decision; template: ReplyTemplate } | null {
  const problems = documents.flatMap((doc) => doc.problems.map((p) => ({ code: p.code, field: doc.name, message: p.message })));
  const aboutReturn = RETURN_WORDS.test(`${mail.subject}\n${mail.text}`) || documents.length > 0;
  if (!aboutReturn) return null;
  const unreadablePhoto = problems.some((p) => PHOTO_PROBLEMS.has(p.code));
  return {
    decision: {
      status: 'awaiting_application',
      state: 'awaiting_application',
      reasons: [
        unreadablePhoto
          ? { code: 'photo_unreadable', message: 'The photo or scan could not be read.' }
          : { code: 'application_missing', message: 'The message holds no readable return application.' },
        ...problems,
      ],
    },
    template: unreadablePhoto ? 'photo_unreadable' : 'application_missing',
  };
}

/**
 * The audit trail says what an automatic decision rested on: each decisive field and where its value came from
 * (paper, order, e-mail header), right after the application was parsed. Field names and sources only.
 */
export function withBasis(events: ReturnEvent[], application: ParsedApplication, decision: Pick<ApplicationDecision, 'evidence'>): ReturnEvent[] {
  if (!decision.evidence || decision.evidence.length === 0) return events;
  const at = events.findIndex((e) => e.type === 'parse');
  const basis: ReturnEvent = { actor: 'system', type: 'decision_basis', reason: describeEvidence(application, decision.evidence), at: events[at]?.at ?? new Date() };
  return [...events.slice(0, at + 1), basis, ...events.slice(at + 1)];
}

/** received → parsed → wherever the decision leads, through the lifecycle table (SPEC §4). */
export function lifecycleEvents(
  decision: Pick<Decision, 'status' | 'reasons'> & Partial<Pick<ApplicationDecision, 'state' | 'shipping'>>,
  at: Date,
  from: 'received' | 'needs_review' | 'awaiting_application' = 'received',
): ReturnEvent[] {
  const waiting = decision.status === 'approved' && decision.state === 'approved';
  const why = waiting
    ? `all checks passed; the shipping instructions wait for the shop's return address (addresses.${decision.shipping?.variant ?? 'domestic'} in the policy file)`
    : decision.reasons.map((r) => r.code).join(', ') || 'all checks passed';
  const parsed = transition(from, 'parse', 'system', undefined, at);
  if (!parsed.ok) throw new AppError('illegal_transition', parsed.message);
  const rest = decisionEvents(parsed.state, decision.status, 'system', why, at, waiting ? 'approved' : undefined);
  if (!rest.ok) throw new AppError('illegal_transition', rest.message);
  const received: ReturnEvent[] = from === 'received' ? [{ actor: 'system', type: 'receive', toState: 'received', at }] : [];
  return [...received, parsed.event, ...rest.events];
}
