// RFC 3834 loop safety: decides whether a message may get an automatic reply at all. Replying to an
// auto-reply, a bounce or a list starts mail loops or spams a list; each rule below is one known signal.
import type { MailMessage } from '../../domain/mail-message.ts';

export type NoReplyReason = 'auto_reply' | 'bounce' | 'mailing_list' | 'no_reply_sender' | 'own_message' | 'own_address' | 'no_sender';
export type SenderClass = { reply: true } | { reply: false; reason: NoReplyReason };

/** Mailbox names that belong to mail systems, not people: a reply to them is a reply to a bounce. */
const SYSTEM_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)$/i;
/** no-reply@, noreply@, no_reply@, do-not-reply@, donotreply@, and their suffixed forms (noreply-billing@). */
const NO_REPLY_SENDER = /^(no[-_.]?reply|do[-_.]?not[-_.]?reply)([-_.+].*)?$/i;

function header(message: MailMessage, name: string): string | undefined {
  const value = message.headers[name];
  return value === undefined ? undefined : value.trim();
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).replace(/>$/, '').trim().toLowerCase();
}

function isOwnDomain(domain: string, ownDomain: string): boolean {
  const own = ownDomain.toLowerCase();
  return domain === own || domain.endsWith(`.${own}`);
}

/** Every address named in a header value: `"Desk" <INFO@shop.example>, b@x.example` → both, lower-cased. */
function addressesIn(value: string | undefined): string[] {
  return (value?.match(/[^\s<>,;:"()]+@[^\s<>,;:"()]+/g) ?? []).map((a) => a.toLowerCase());
}

/**
 * `ownAddresses`: our own mailbox addresses (MAIL_FROM, MAILBOX_ADDRESS). Mail that names one of them as its
 * From, Sender or Reply-To, in any letter case, is ours (or forged to look like ours): answering it writes to
 * ourselves, which is how mail loops start. The Message-ID check alone misses a copy rewritten by a relay.
 */
export function classifySender(message: MailMessage, ownDomain: string, ownAddresses: readonly string[] = []): SenderClass {
  // Our own reply coming back (a forwarding loop, or a misconfigured mailbox that receives its own outbox).
  if (message.messageId?.includes('@') && isOwnDomain(domainOf(message.messageId), ownDomain)) {
    return { reply: false, reason: 'own_message' };
  }
  const own = new Set(ownAddresses.map((a) => a.trim().toLowerCase()));
  const named = [
    message.from?.address,
    message.replyTo?.address,
    ...addressesIn(header(message, 'from')),
    ...addressesIn(header(message, 'sender')),
    ...addressesIn(header(message, 'reply-to')),
  ];
  if (named.some((a) => a !== undefined && own.has(a.toLowerCase()))) return { reply: false, reason: 'own_address' };

  // Delivery status notifications (RFC 3464) and the null reverse path used for every bounce (RFC 5321 §4.5.5).
  if (message.contentType.toLowerCase() === 'multipart/report') return { reply: false, reason: 'bounce' };
  if (header(message, 'return-path')?.replace(/\s/g, '') === '<>') return { reply: false, reason: 'bounce' };
  const sender = message.replyTo?.address ?? message.from?.address;
  const fromLocal = message.from?.address.split('@')[0] ?? '';
  if (SYSTEM_SENDER.test(fromLocal)) return { reply: false, reason: 'bounce' };

  // RFC 3834 §5: anything but "no" means a machine sent it.
  const autoSubmitted = header(message, 'auto-submitted')?.toLowerCase();
  if (autoSubmitted && !/^no\b/.test(autoSubmitted)) return { reply: false, reason: 'auto_reply' };
  // Non-standard but common: Exchange, Yandex and Mail.ru autoresponders.
  if (header(message, 'x-autoreply') !== undefined || header(message, 'x-autorespond') !== undefined) {
    return { reply: false, reason: 'auto_reply' };
  }
  // Exchange marks its own out-of-office replies this way and asks others not to answer them.
  const suppress = header(message, 'x-auto-response-suppress')?.toLowerCase() ?? '';
  if (/\b(all|oof)\b/.test(suppress)) return { reply: false, reason: 'auto_reply' };

  const precedence = header(message, 'precedence')?.toLowerCase();
  if (precedence === 'auto_reply') return { reply: false, reason: 'auto_reply' };
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list') {
    return { reply: false, reason: 'mailing_list' };
  }
  if (header(message, 'list-id') !== undefined || header(message, 'list-unsubscribe') !== undefined) {
    return { reply: false, reason: 'mailing_list' };
  }

  if (!sender) return { reply: false, reason: 'no_sender' };
  const senderLocal = sender.split('@')[0] ?? '';
  if (NO_REPLY_SENDER.test(fromLocal) || NO_REPLY_SENDER.test(senderLocal) || SYSTEM_SENDER.test(senderLocal)) {
    return { reply: false, reason: 'no_reply_sender' };
  }
  return { reply: true };
}
