// Builds a sample .eml with nodemailer's MailComposer. Date, Message-ID and MIME boundaries are fixed so
// the same table entry always produces the same bytes.
import MailComposer from 'nodemailer/lib/mail-composer';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';

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
  headers?: Record<string, string>;
  text: string;
  /** windows-1251 is what older Russian desktop clients (The Bat!, Outlook 2010) still send. */
  charset: 'utf-8' | 'windows-1251';
  attachments: EmailAttachment[];
  /** Seeds the MIME boundary; any stable string. */
  boundarySeed: string;
}

// windows-1251 for the characters our sample texts use: А–я (0xC0–0xFF), Ё/ё, and common punctuation.
const CP1251_EXTRA: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '«': 0xab, '»': 0xbb, '—': 0x97, '–': 0x96, '₽': 0x88 };

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

function textPart(text: string, charset: ComposeEmailInput['charset']): { content: string } | { raw: string } {
  if (charset === 'utf-8') return { content: text };
  // MailComposer always labels text parts utf-8, so a legacy-charset body goes in as a prebuilt MIME node.
  const body = qpWrap(qpEncode(encodeWindows1251(text.replace(/\r?\n/g, '\r\n'))), 76);
  return { raw: `Content-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${body}` };
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
    text: textPart(input.text, input.charset),
    attachments: input.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    baseBoundary: input.boundarySeed,
  } as ConstructorParameters<typeof MailComposer>[0]);
  return composer.compile().build();
}
