// Sends composed replies through an SMTP server (SMTP_URL, e.g. smtp://user:pass@host:587). The message is
// sent byte for byte as composed, so what is stored is exactly what the customer gets.
import nodemailer from 'nodemailer';
import { AppError } from '../../domain/app-error.ts';
import type { ReplyEnvelope, ReplyTransport } from '../../domain/ports/reply-transport.ts';

export interface SmtpTransportOptions {
  /** smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://user:pass@host:465. */
  url: string;
  /** Seconds to wait for the server at each step; a stuck server must not hold the outbox worker. */
  timeoutSeconds?: number;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export function createSmtpTransport(options: SmtpTransportOptions): ReplyTransport & { close(): void } {
  const timeout = (options.timeoutSeconds ?? 30) * 1000;
  let transporter: ReturnType<typeof nodemailer.createTransport>;
  try {
    const url = new URL(options.url);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`unsupported scheme ${url.protocol}`);
    const secure = url.protocol === 'smtps:';
    transporter = nodemailer.createTransport({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  } catch (error) {
    throw new AppError('config_invalid', `SMTP_URL is not usable: ${redact(options.url)}`, { cause: error });
  }

  return {
    async send(raw: Buffer, envelope: ReplyEnvelope, messageId: string): Promise<void> {
      try {
        // The copy to our own mailbox is an envelope recipient only: the bytes (and so the headers the customer
        // sees) are exactly the stored reply.
        const to = envelope.copyTo && envelope.copyTo.toLowerCase() !== envelope.to.toLowerCase() ? [envelope.to, envelope.copyTo] : [envelope.to];
        await transporter.sendMail({ envelope: { from: envelope.from, to }, raw });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new AppError('transport_failed', `SMTP send of ${messageId} failed: ${reason}`, { cause: error });
      }
    },
    close() {
      transporter.close();
    },
  };
}
