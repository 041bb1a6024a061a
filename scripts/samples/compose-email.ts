// Builds a sample .eml with nodemailer's MailComposer. Date, Message-ID and MIME boundaries are fixed so
// the same table entry always produces the same bytes.
import MailComposer from 'nodemailer/lib/mail-composer';

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface ComposeEmailInput {
  from: string;
  to: string;
  subject: string;
  date: Date;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  headers?: { key: string; value: string }[];
  text: string;
  /** windows-1251 is what older Russian desktop clients (The Bat!, Outlook 2010) still send. */
  charset: 'utf-8' | 'windows-1251';
  attachments: EmailAttachment[];
  /** Seeds the MIME boundary; any stable string. */
  boundarySeed: string;
}

// windows-1251 for the characters our sample texts use: А–я (0xC0–0xFF), Ё/ё, and common punctuation.
// There is no ₽ in windows-1251 (0x88 is €): callers write "руб." as such clients' users do.
const CP1251_EXTRA: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '«': 0xab, '»': 0xbb, '—': 0x97, '–': 0x96 };

export function encodeWindows1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else if (CP1251_EXTRA[char] !== undefined) bytes.push(CP1251_EXTRA[char]);
    else throw new Error(`no windows-1251 byte for ${JSON.stringify(char)}`);
  }
  return Buffer.from(bytes);
}

interface MimeNodeLike {
  childNodes: MimeNodeLike[];
  getHeader(key: string): string | undefined;
  setHeader(key: string, value: string): unknown;
  setContent(content: Buffer): unknown;
}

function findTextPlain(node: MimeNodeLike): MimeNodeLike | undefined {
  if (/^text\/plain\b/i.test(node.getHeader('Content-Type') ?? '')) return node;
  for (const child of node.childNodes) {
    const found = findTextPlain(child);
    if (found) return found;
  }
  return undefined;
}

export async function composeEmail(input: ComposeEmailInput): Promise<Buffer> {
  const composer = new MailComposer({
    from: input.from,
    to: input.to,
    subject: input.subject,
    date: input.date,
    messageId: input.messageId,
    inReplyTo: input.inReplyTo,
    references: input.references,
    headers: input.headers,
    text: input.text,
    attachments: input.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    baseBoundary: input.boundarySeed,
  } as ConstructorParameters<typeof MailComposer>[0]);
  const root = composer.compile() as unknown as MimeNodeLike & { build(): Promise<Buffer> };
  if (input.charset === 'windows-1251') {
    // MailComposer always labels text parts utf-8; relabel the compiled node and give it the legacy bytes.
    const text = findTextPlain(root);
    if (!text) throw new Error('no text/plain part to re-encode');
    text.setHeader('Content-Type', 'text/plain; charset=windows-1251');
    text.setHeader('Content-Transfer-Encoding', 'quoted-printable');
    text.setContent(encodeWindows1251(input.text));
  }
  return root.build();
}
