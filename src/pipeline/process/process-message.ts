// Stages 2–6 for one stored message: MIME → documents → fields → decision → reply, returned as a value.
// Nothing here writes to the database or sends mail; record-outcome.ts and send-outbox.ts do that.
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../../domain/limits.ts';
import type { MailMessage } from '../../domain/mail-message.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { DocumentReader } from '../../domain/ports/document-reader.ts';
import type { MimeParser } from '../../domain/ports/mime-parser.ts';
import type { Orders } from '../../domain/ports/orders.ts';
import type { ReplyTemplates } from '../../domain/ports/reply-renderer.ts';
import type { ReturnUpdates } from '../../domain/ports/return-updates.ts';
import type { InboundRecord, StoredDocument } from '../../domain/ports/store.ts';
import type { ParsedApplication } from '../../domain/application.ts';
import type { RenderedReply } from '../../domain/reply.ts';
import { findReturnNumbers } from '../../domain/return-number.ts';
import { findTrackingNumbers } from '../../domain/tracking-number.ts';
import { bodyDocument } from '../extract/body-document.ts';
import { scrubDocumentText } from '../extract/scrub-document-text.ts';
import { maskCardNumbers } from '../../domain/validation/mask-card-numbers.ts';
import { handleFollowUp } from '../follow-up/handle-follow-up.ts';
import { matchOpenReturn } from '../follow-up/match-open-return.ts';
import { classifySender } from '../reply/classify-sender.ts';
import { detectLanguage } from '../reply/detect-language.ts';
import { newReturn } from './new-return.ts';
import type { ProcessOutcome } from './process-outcome.ts';
import { dateBeforeSending } from '../decide/date-before-sending.ts';
import { readApplication } from './read-application.ts';
import { isoDay } from '../../domain/iso-day.ts';

export interface ProcessDeps {
  mime: MimeParser;
  documents: DocumentReader;
  /** null when no order source is configured: nothing can be auto-approved then. */
  orders: Orders | null;
  /** Existing returns, for follow-ups on the customer's thread. */
  returns: Pick<ReturnUpdates, 'findReturnForFollowUp' | 'openReturnsOf' | 'orderReturns'>;
  policy: Policy;
  templates: ReplyTemplates;
  composeMessage: (reply: RenderedReply) => Promise<Buffer>;
  /** Our address (`Returns <info@shop.example>`); its domain marks our own Message-IDs for loop safety. */
  from: string;
  ourDomain: string;
  /** Our own mailbox addresses (MAIL_FROM, MAILBOX_ADDRESS): mail from them is never answered. */
  ownAddresses: readonly string[];
  shopName: string;
  /** The shop's IANA time zone: its days are the days rules count. */
  timeZone: string;
  now: () => Date;
  /** Integer in [0, 31) for return numbers. */
  random: () => number;
}

/** A message read (MIME, documents, OCR, fields): done once, however often deciding it has to be repeated. */
export type ReadMessage =
  | { kind: 'ignored'; reason: string }
  | { kind: 'read'; mail: MailMessage & { from: NonNullable<MailMessage['from']> }; documents: StoredDocument[]; application: ParsedApplication; isApplication: boolean; today: string };

/** The expensive half: MIME, every document (OCR included), the fields. */
export async function readMessage(inbound: InboundRecord, deps: ProcessDeps): Promise<ReadMessage> {
  const mail = await deps.mime.parse(inbound.raw);
  const classified = classifySender(mail, deps.ourDomain, deps.ownAddresses);
  if (!classified.reply || !mail.from) return { kind: 'ignored', reason: classified.reply ? 'no_sender' : classified.reason };

  const content = await readMailContent(mail, { source: inbound.messageId ?? inbound.id, receivedAt: inbound.receivedAt }, deps);
  return { kind: 'read', mail: { ...mail, from: mail.from }, ...content };
}

/**
 * Stage 3–4 for a decoded e-mail: every attachment read (PDF, form fields, OCR), then the application from the
 * documents and the body. The worker reads each inbound message with it, and so does an agent who starts a return
 * from an unassigned e-mail (start-return-from-mail.ts), so both read alike.
 */
export async function readMailContent(
  mail: MailMessage,
  at: { source: string; receivedAt: Date },
  deps: Pick<ProcessDeps, 'documents' | 'timeZone'>,
): Promise<{ documents: StoredDocument[]; application: ParsedApplication; isApplication: boolean; today: string }> {
  const read = await readAttachments(mail, deps.documents);
  // Every rule's clock is when the e-mail reached the mailbox, not when we got round to it: an application that
  // arrived at 23:50 on the last day is in time even if processed after midnight or after downtime.
  const today = isoDay(at.receivedAt, deps.timeZone);
  const { application: readOff, isApplication } = readApplication(at.source, [...read, bodyDocument(mail.text)], today);
  // Nothing is signed after the e-mail that brings it: a doubtful date later than that, or a year before, is misread.
  const application = dateBeforeSending(readOff, today);
  // From here on only the masked text exists: it is what the record stores and the UI shows.
  return { documents: read.map(scrubDocumentText), application, isApplication, today };
}

/**
 * The cheap half: a follow-up or a new return, its decision, number and reply. Repeated on a conflict (a taken
 * return number, a return an agent moved meanwhile) without reading the documents again.
 */
export async function decideMessage(inbound: InboundRecord, read: ReadMessage, deps: ProcessDeps): Promise<ProcessOutcome> {
  if (read.kind === 'ignored') return read;
  const { mail, documents, application, isApplication, today } = read;
  const existing =
    (await deps.returns.findReturnForFollowUp({
      messageIds: [...(mail.inReplyTo ? [mail.inReplyTo] : []), ...mail.references],
      returnNumbers: findReturnNumbers(`${mail.subject}\n${mail.text}`),
    })) ??
    // No thread, no return number: the sender's own open returns, by order and items or by a tracking number.
    matchOpenReturn(await deps.returns.openReturnsOf(senderAddresses(mail)), {
      isApplication,
      application,
      trackingNumbers: findTrackingNumbers(`${mail.subject}\n${mail.text}`),
    });
  if (existing) {
    return { kind: 'follow_up', update: await handleFollowUp({ ref: existing, mail, inboundId: inbound.id, documents, application, isApplication, today }, deps) };
  }
  return newReturn(
    {
      mail,
      rawBytes: inbound.raw.length,
      receivedAt: inbound.receivedAt,
      documents,
      application,
      isApplication,
      language: detectLanguage(`${mail.subject}\n${mail.text}`),
      customerEmail: mail.replyTo?.address ?? mail.from.address,
      today,
    },
    deps,
  );
}

export async function readAttachments(mail: MailMessage, reader: DocumentReader): Promise<StoredDocument[]> {
  const documents: StoredDocument[] = [];
  for (const attachment of mail.attachments.slice(0, MAX_ATTACHMENTS_PER_MESSAGE)) {
    // The name travels into the application as each value's source: masked here, before parsing copies it.
    const doc = await reader.read(maskCardNumbers(attachment.filename).text, attachment.content);
    documents.push({ ...doc, content: attachment.content });
  }
  return documents;
}

/**
 * Who wrote, lower case. Not the e-mail typed on the application: anyone can type someone else's address there,
 * and a match replaces the application of a return under review.
 */
function senderAddresses(mail: MailMessage): string[] {
  const all = [mail.replyTo?.address, mail.from?.address].filter((a): a is string => Boolean(a));
  return [...new Set(all.map((a) => a.toLowerCase()))];
}
