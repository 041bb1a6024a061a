// Renders one reply: template text in the customer's language plus the headers that keep it in the
// customer's thread (SPEC §5). Pure apart from the random part of the Message-ID, which can be injected.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../domain/app-error.ts';
import type { ReplyTemplates } from '../../domain/ports/reply-renderer.ts';
import type { Language, RenderedReply, ReplyTemplate } from '../../domain/reply.ts';
import { NEEDS_RETURN_NUMBER, REPLY_DATA_SCHEMAS, type ReplyDataInput } from './reply-data.ts';
import { politeName } from './polite-name.ts';
import { replySubject } from './reply-subject.ts';

export interface RenderReplyInput<T extends ReplyTemplate = ReplyTemplate> {
  template: T;
  language: Language;
  to: string;
  /** Our address, `info@shop.example` or `Returns <info@shop.example>`; its domain names our Message-IDs. */
  from: string;
  /** The customer's Message-ID. */
  inReplyTo?: string;
  /** The customer's References header. */
  references: string[];
  originalSubject: string;
  returnNumber?: string;
  data: ReplyDataInput<T>;
}

export interface RenderReplyOptions {
  /** Random part of the Message-ID; tests pass a fixed one. */
  randomId?: () => string;
}

/** RFC 5322 allows any length, but some servers truncate long References; keep the thread's newest ids. */
const MAX_REFERENCES = 20;

function domainOf(from: string): string {
  const match = /@([^\s<>@]+)>?\s*$/.exec(from.trim());
  if (!match?.[1]) throw new AppError('config_invalid', `reply sender has no domain: ${from}`);
  return match[1].toLowerCase();
}

function addressOf(from: string): string {
  return /<([^<>]+)>/.exec(from)?.[1] ?? from.trim();
}

function defaultRandomId(): string {
  return randomBytes(12).toString('hex');
}

function oneLine(text: string): string {
  // A subject is a header: a line break in it could smuggle in another header.
  return text.replace(/[\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Conditional blocks can leave runs of blank lines; plain text reads best with at most one. */
function tidyText(text: string): string {
  return `${text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

export function renderReply<T extends ReplyTemplate>(
  templates: ReplyTemplates,
  input: RenderReplyInput<T>,
  options: RenderReplyOptions = {},
): RenderedReply {
  const { template, language } = input;
  if (NEEDS_RETURN_NUMBER.has(template) && !input.returnNumber) {
    throw new AppError('validation_failed', `reply ${template} needs a return number`);
  }
  const parsed = REPLY_DATA_SCHEMAS[template].safeParse(input.data);
  if (!parsed.success) {
    const keys = parsed.error.issues.map((issue) => issue.path.join('.') || '(data)').join(', ');
    throw new AppError('validation_failed', `reply ${template} data invalid: ${keys}`, { cause: parsed.error });
  }
  const data: Record<string, unknown> = {
    ...parsed.data,
    customerName: politeName(parsed.data.customerName),
    returnNumber: input.returnNumber ?? null,
    replyAddress: addressOf(input.from),
    language,
  };

  const randomId = options.randomId ?? defaultRandomId;
  const messageId = `<ri.${randomId()}@${domainOf(input.from)}>`;
  const references = [...input.references, ...(input.inReplyTo ? [input.inReplyTo] : [])]
    .filter((id, i, all) => all.indexOf(id) === i)
    .slice(-MAX_REFERENCES);

  const fallbackSubject = oneLine(templates.render(template, language, 'subject', data));
  return {
    template,
    language,
    messageId,
    from: input.from,
    to: input.to,
    subject: oneLine(replySubject(input.originalSubject, fallbackSubject, input.returnNumber)),
    ...(input.inReplyTo ? { inReplyTo: input.inReplyTo } : {}),
    references,
    text: tidyText(templates.render(template, language, 'text', data)),
    html: templates.render(template, language, 'html', data),
    attachments: templates.attachmentsFor(template, language),
  };
}
