// A conversation as the pages show it: each e-mail in or out read back from its stored bytes (headers, plain text,
// attachment names), oldest first. Shown as escaped text only: an e-mail's HTML is never rendered.
import type { ThreadMessage } from '../../domain/ports/conversations.ts';
import type { MimeParser } from '../../domain/ports/mime-parser.ts';
import type { ActorLabel } from './actor-names.ts';

/** Characters of one e-mail's text shown: enough for a conversation, not a 30 MB paste. */
const MAX_TEXT_CHARS = 20_000;

export interface ThreadEntry {
  direction: 'in' | 'out';
  incoming: boolean;
  at: Date;
  from: string | null;
  to: string | null;
  subject: string;
  text: string;
  attachments: string[];
  /** The inbound e-mail's id (its page) or our reply's delivery state and template. */
  id: string;
  state: string;
  template: string | null;
  /** Our reply's agent (`agent:<email>`): who wrote it, or whose action sent it; null for the machine's own. */
  author: string | null;
  truncated: boolean;
}

export async function threadView(messages: readonly ThreadMessage[], mime: MimeParser): Promise<ThreadEntry[]> {
  return Promise.all(
    messages.map(async (message): Promise<ThreadEntry> => {
      const mail = await mime.parse(message.raw).catch(() => null);
      const text = mail?.text ?? '';
      const address = (a: { address: string; name?: string } | undefined) => (a ? (a.name ? `${a.name} <${a.address}>` : a.address) : null);
      return {
        direction: message.direction,
        incoming: message.direction === 'in',
        at: message.at,
        from: address(mail?.from),
        to: message.direction === 'out' ? message.to : (mail?.to.map((a) => a.address).join(', ') ?? null),
        subject: mail?.subject ?? '',
        text: text.length > MAX_TEXT_CHARS ? `${text.slice(0, MAX_TEXT_CHARS)}\n…` : text,
        attachments: (mail?.attachments ?? []).map((a) => a.filename),
        id: message.id,
        state: message.state,
        template: message.direction === 'out' ? message.template : null,
        author: message.direction === 'out' ? message.author : null,
        truncated: message.raw.length < message.bytes,
      };
    }),
  );
}

/** Each reply with its agent as people know them (name, else e-mail; the e-mail on hover), as the timeline does. */
export function withAuthors<T extends Pick<ThreadEntry, 'author'>>(entries: readonly T[], who: (actor: string) => ActorLabel): (T & { authorName: string | null; authorEmail: string | null })[] {
  return entries.map((entry) => {
    const label = entry.author ? who(entry.author) : { actorName: null, actorEmail: null };
    return { ...entry, authorName: label.actorName, authorEmail: label.actorEmail };
  });
}

/** The customer wrote last and nobody has answered yet. */
export function awaitsAnswer(entries: readonly ThreadEntry[]): boolean {
  return entries.at(-1)?.incoming === true && entries.length > 1;
}
