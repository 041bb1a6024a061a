// A conversation as the pages show it: each e-mail in or out read back from its stored bytes (headers, plain text,
// attachment names), oldest first. Shown as escaped text only: an e-mail's HTML is never rendered.
import type { ThreadMessage } from '../../domain/ports/conversations.ts';
import type { MimeParser } from '../../domain/ports/mime-parser.ts';

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
        truncated: message.raw.length < message.bytes,
      };
    }),
  );
}

/** The customer wrote last and nobody has answered yet. */
export function awaitsAnswer(entries: readonly ThreadEntry[]): boolean {
  return entries.at(-1)?.incoming === true && entries.length > 1;
}
