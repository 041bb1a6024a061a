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
import { decideApplication } from '../decide/decide-application.ts';
import { bodyDocument } from '../extract/body-document.ts';
import { classifySender } from '../reply/classify-sender.ts';
import { detectLanguage } from '../reply/detect-language.ts';
import { readApplication } from './read-application.ts';
import { replyData } from './reply-data.ts';
import type { ProcessOutcome } from './process-outcome.ts';

export interface ReplyRequest {
  template: ReplyTemplate;
  language: Language;
  to: string;
  inReplyTo?: string;
  references: string[];
  originalSubject: string;
  returnNumber?: string;
  data: Record<string, unknown>;
}

export interface ProcessDeps {
  mime: MimeParser;
  documents: DocumentReader;
  /** null when no order source is configured: nothing can be auto-approved then. */
  orders: Orders | null;
  policy: Policy;
  renderReply: (request: ReplyRequest) => RenderedReply;
  composeMessage: (reply: RenderedReply) => Promise<Buffer>;
  /** Domain of our own Message-IDs and address, for loop safety. */
  ourDomain: string;
  now: () => Date;
  /** Integer in [0, 31) for return numbers. */
  random: () => number;
}

const RETURN_WORDS = /возвр|вернуть|верну|обмен|return|refund|exchange/i;

export async function processMessage(inbound: InboundRecord, deps: ProcessDeps): Promise<ProcessOutcome> {
  if (inbound.raw.length > MAX_MESSAGE_BYTES) {
    return { kind: 'needs_attention', reason: `message is ${inbound.raw.length} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit` };
  }
  const mail = await deps.mime.parse(inbound.raw);
  const sender = classifySender(mail, deps.ourDomain);
  if (!sender.reply) return { kind: 'ignored', reason: sender.reason };

  const documents = await readAttachments(mail, deps.documents);
  const today = deps.now().toISOString().slice(0, 10);
  const { application, isApplication } = readApplication(inbound.messageId ?? inbound.id, [...documents, bodyDocument(mail.text)], today);
  const language = detectLanguage(`${mail.subject}\n${mail.text}`);

  let decision: Decision;
  let extra: Record<string, unknown> = {};
  if (isApplication) {
    const orderNumber = application.fields.orderNumber?.value;
    const order = orderNumber && deps.orders ? await deps.orders.find(orderNumber) : null;
    const decided = decideApplication({ application, order, orderSourceAvailable: deps.orders !== null, policy: deps.policy, today });
    decision = decided;
    extra = { refund: decided.refund, shipping: decided.shipping, order };
  } else {
    const missing = missingApplication(mail, documents);
    if (!missing) return { kind: 'needs_attention', reason: 'not_an_application' };
    decision = missing;
  }

  const returnNumber = generateReturnNumber(deps.random);
  const to = mail.replyTo?.address ?? mail.from!.address;
  const template = templateFor(decision, documents);
  const reply = deps.renderReply({
    template,
    language,
    to,
    inReplyTo: mail.messageId,
    references: mail.references,
    originalSubject: mail.subject,
    returnNumber,
    data: replyData({ template, returnNumber, decision, application, policy: deps.policy, language, ...extra }),
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

function templateFor(decision: Decision, documents: ExtractedDocument[]): ReplyTemplate {
  switch (decision.status) {
    case 'approved':
      return 'approved';
    case 'rejected':
      return 'rejected';
    case 'needs_review':
      return 'needs_review';
    case 'awaiting_application':
      return decision.reasons.some((r) => r.code !== 'application_missing' && documents.some((d) => d.name === r.field && d.kind !== 'unsupported'))
        ? 'photo_unreadable'
        : 'application_missing';
  }
}

function lifecycleEvents(decision: Decision, at: Date): ReturnEvent[] {
  const why = decision.reasons.map((r) => r.code).join(', ') || 'all checks passed';
  const events: ReturnEvent[] = [{ actor: 'system', type: 'received', toState: 'received', at }];
  if (decision.state === 'awaiting_application') {
    events.push({ actor: 'system', type: 'transition', fromState: 'received', toState: 'awaiting_application', reason: why, at });
    return events;
  }
  events.push({ actor: 'system', type: 'transition', fromState: 'received', toState: 'parsed', at });
  if (decision.status === 'approved') {
    events.push({ actor: 'system', type: 'transition', fromState: 'parsed', toState: 'approved', reason: why, at });
    events.push({ actor: 'system', type: 'transition', fromState: 'approved', toState: 'awaiting_shipment', reason: 'reply with shipping instructions sent', at });
  } else {
    events.push({ actor: 'system', type: 'transition', fromState: 'parsed', toState: decision.state, reason: why, at });
  }
  return events;
}

async function draft(reply: RenderedReply, template: ReplyTemplate, language: Language, deps: ProcessDeps): Promise<OutboundDraft> {
  return { messageId: reply.messageId, to: reply.to, subject: reply.subject, template, language, raw: await deps.composeMessage(reply) };
}

