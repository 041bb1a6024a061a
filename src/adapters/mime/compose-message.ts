// Turns a rendered reply into the RFC 5322 bytes that are stored with the decision and later sent as they are,
// so a retry resends exactly the same message (same Message-ID) instead of rendering a new one.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { RenderedReply } from '../../domain/reply.ts';

export async function composeMessage(reply: RenderedReply): Promise<Buffer> {
  const composer = new MailComposer({
    from: reply.from,
    to: reply.to,
    subject: reply.subject,
    messageId: reply.messageId,
    ...(reply.inReplyTo ? { inReplyTo: reply.inReplyTo } : {}),
    ...(reply.references.length > 0 ? { references: reply.references } : {}),
    text: reply.text,
    html: reply.html,
    attachments: reply.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, path: a.path })),
    headers: {
      // RFC 3834: marks the reply as automatic so well-behaved responders don't answer it (no loops).
      'Auto-Submitted': 'auto-replied',
      // Exchange/Outlook: don't send out-of-office or other auto-responses back to us.
      'X-Auto-Response-Suppress': 'All',
    },
  });
  return composer.compile().build();
}
