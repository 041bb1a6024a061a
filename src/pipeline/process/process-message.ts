// Stage 2–6 for one stored message: MIME → documents → fields → decision → reply, returned as a value.
// Nothing here writes to the database or sends mail; record-outcome.ts and send-outbox.ts do that.
import type { Decision } from '../../domain/decision.ts';
import type { ExtractedDocument } from '../../domain/document.ts';
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_MESSAGE_BYTES } from '../../domain/limits.ts';
import type { MailMessage } from '../../domain/mail-message.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { DocumentReader } from '../../domain/ports/document-reader.ts';
import type { MimeParser } from '../../domain/ports/mime-parser.ts';
import type { Orders } from '../../domain/ports/orders.ts';
import type { InboundRecord, OutboundDraft, ReturnEvent, StoredDocument } from '../../domain/ports/store.ts';
import type { Language, RenderedReply, ReplyTemplate } from '../../domain/reply.ts';
import { generateReturnNumber } from '../../domain/return-number.ts';
import { AppError } from '../../domain/app-error.ts';
import { decisionEvents } from '../../domain/lifecycle/decision-events.ts';
import { transition } from '../../domain/lifecycle/transitions.ts';
import type { ReplyTemplates } from '../../domain/ports/reply-renderer.ts';
import { decideApplication, type ApplicationDecision } from '../decide/decide-application.ts';
import { renderReply } from '../reply/render-reply.ts';
import { bodyDocument } from '../extract/body-document.ts';
import { classifySender } from '../reply/classify-sender.ts';
import { detectLanguage } from '../reply/detect-language.ts';
import { readApplication } from './read-application.ts';
import { buildReplyData } from './build-reply-data.ts';
import type { ProcessOutcome } from './process-outcome.ts';

export interface ProcessDeps {
  mime: MimeParser;
  documents: DocumentReader;
  /** null when no order source is configured: nothing can be auto-approved then. */
  orders: Orders | null;
  policy: Policy;
  templates: ReplyTemplates;
  composeMessage: (reply: RenderedReply) => Promise<Buffer>;
  /** Our address (`Returns <info@shop.example>`); its domain marks our own Message-IDs for loop safety. */
  from: string;
  ourDomain: string;
  shopName: string;
  now: () => Date;
  /** Integer in [0, 31) for return numbers. */
  random: () => number;
}

const RETURN_WORDS = /возвр|вернуть|верну|обмен|return|refund|exchange/i;

export async function processMessage(inbound: InboundRecord, deps: ProcessDeps): Promise<ProcessOutcome> {
  const mail = await deps.mime.parse(inbound.raw);
  const classified = classifySender(mail, deps.ourDomain);
  if (!classified.reply || !mail.from) return { kind: 'ignored', reason: classified.reply ? 'no_sender' : classified.reason };
  const sender = mail.from;

  const documents = await readAttachments(mail, deps.documents);
  const today = deps.now().toISOString().slice(0, 10);
  const { application, isApplication } = readApplication(inbound.messageId ?? inbound.id, [...documents, bodyDocument(mail.text)], today);
  const language = detectLanguage(`${mail.subject}\n${mail.text}`);

  let decision: Pick<ApplicationDecision, 'status' | 'state' | 'reasons' | 'shipping'>;
  let template: ReplyTemplate;
  if (mail.oversize || inbound.raw.length > MAX_MESSAGE_BYTES) {
    const message = `The message is ${inbound.raw.length} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit; only its headers were read.`;
    decision = { status: 'awaiting_application', state: 'awaiting_application', reasons: [{ code: 'too_large', message }] };
    template = 'message_too_large';
  } else if (isApplication) {
    const orderNumber = application.fields.orderNumber?.value;
    const order = orderNumber && deps.orders ? await deps.orders.find(orderNumber) : null;
    const decided = decideApplication({ application, order, orderSourceAvailable: deps.orders !== null, policy: deps.policy, today });
    decision = decided;
    template = decided.reply;
  } else {
    const missing = missingApplication(mail, documents);
    if (!missing) return { kind: 'needs_attention', reason: 'not_an_application' };
    decision = missing;
    template = missing.reasons.some((r) => r.code !== 'application_missing') ? 'photo_unreadable' : 'application_missing';
  }

  const returnNumber = generateReturnNumber(deps.random);
  const reply = renderReply(deps.templates, {
    template,
    language,
    to: mail.replyTo?.address ?? sender.address,
    from: deps.from,
    inReplyTo: mail.messageId,
    references: mail.references,
    originalSubject: mail.subject,
    returnNumber,
    data: buildReplyData(template, {
      shopName: deps.shopName,
      customerName: application.fields.fullName?.value ?? mail.from?.name,
      policy: deps.policy,
      application,
      decision,
      today,
    }),
  });
  const now = deps.now();
  return {
    kind: 'return',
    record: {
      returnNumber,
      state: decision.state,
      customerEmail: (application.fields.email?.value ?? mail.from?.address)?.toLowerCase(),
      orderNumber: application.fields.orderNumber?.value,
      language,
      application,
      decision,
      documents,
      events: lifecycleEvents(decision, now),
      reply: await draft(reply, template, language, deps),
    },
  };
}

export async function readAttachments(mail: MailMessage, reader: DocumentReader): Promise<StoredDocument[]> {
  const documents: StoredDocument[] = [];
  for (const attachment of mail.attachments.slice(0, MAX_ATTACHMENTS_PER_MESSAGE)) {
    const doc = await reader.read(attachment.filename, attachment.content);
    documents.push({ ...doc, content: attachment.content });
  }
  return documents;
}

/** A message that is about a return but carries no readable application. */
function missingApplication(mail: MailMessage, documents: ExtractedDocument[]): Decision | null {
  const unreadable = documents.filter((doc) => doc.kind !== 'unsupported' && (doc.pages.length === 0 || hasProblem(doc, 'no_text')));
  if (unreadable.length > 0) {
    return {
      status: 'awaiting_application',
      state: 'awaiting_application',
      reasons: unreadable.map((doc) => ({
        code: doc.problems[0]?.code ?? 'no_text',
        field: doc.name,
        message: doc.problems[0]?.message ?? `${doc.name}: no readable text`,
      })),
    };
  }
  const aboutReturn = RETURN_WORDS.test(`${mail.subject}\n${mail.text}`) || documents.length > 0;
  if (!aboutReturn) return null;
  return {
    status: 'awaiting_application',
    state: 'awaiting_application',
    reasons: [
      { code: 'application_missing', message: 'The message holds no return application.' },
      ...documents.flatMap((doc) => doc.problems.map((p) => ({ code: p.code, field: doc.name, message: p.message }))),
    ],
  };
}

function hasProblem(doc: ExtractedDocument, code: string): boolean {
  return doc.problems.some((p) => p.code === code);
}

/** received → parsed → wherever the decision leads, through the lifecycle table (SPEC §4). */
function lifecycleEvents(decision: Pick<Decision, 'status' | 'reasons'>, at: Date): ReturnEvent[] {
  const why = decision.reasons.map((r) => r.code).join(', ') || 'all checks passed';
  const parsed = transition('received', 'parse', 'system', undefined, at);
  if (!parsed.ok) throw new AppError('illegal_transition', parsed.message);
  const rest = decisionEvents(parsed.state, decision.status, 'system', why, at);
  if (!rest.ok) throw new AppError('illegal_transition', rest.message);
  return [{ actor: 'system', type: 'receive', toState: 'received', at }, parsed.event, ...rest.events];
}

async function draft(reply: RenderedReply, template: ReplyTemplate, language: Language, deps: ProcessDeps): Promise<OutboundDraft> {
  return { messageId: reply.messageId, to: reply.to, subject: reply.subject, template, language, raw: await deps.composeMessage(reply) };
}

