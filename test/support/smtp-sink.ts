// A real SMTP server (npm smtp-server) on 127.0.0.1 that accepts everything and keeps each message: the
// "customer side" of the tests, where replies are counted and read back.
//
// It also plays the MTA's local delivery: a recipient listed in `localMailboxes` (our own returns mailbox, which
// every reply's envelope names so a copy proves the send) gets the message delivered into Dovecot after the
// message is accepted, asynchronously, as Postfix would hand it to the local delivery agent. The customer's
// copy and ours come from the same SMTP transaction: one is never delivered without the other.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  from: string;
  to: string[];
  raw: Buffer;
  at: number;
}

export interface SmtpSinkOptions {
  /** Recipient address (lower case) → local delivery of the accepted message into that mailbox. */
  localMailboxes?: Record<string, (raw: Buffer) => Promise<void>>;
  /**
   * Called when a message has been received in full and accepted, before the `250` goes back to the client: the
   * moment a real MTA has the message and the sender does not yet know. Tests kill the sender here.
   */
  onAccepted?: (message: SinkMessage, count: number) => void;
}

export interface SmtpSink {
  readonly port: number;
  readonly url: string;
  readonly messages: SinkMessage[];
  /** Messages delivered into local mailboxes, and deliveries that failed. */
  readonly local: { delivered: number; failed: number };
  /** Resolves when at least `count` messages arrived; rejects after timeoutMs. */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  /** Resolves once every local delivery started so far has finished. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const waiters = new Set<() => void>();
  const local = { delivered: 0, failed: 0 };
  const deliveries = new Set<Promise<void>>();
  const localMailboxes = new Map(Object.entries(options.localMailboxes ?? {}).map(([address, deliver]) => [address.toLowerCase(), deliver]));
  const deliverLocally = (message: SinkMessage) => {
    for (const rcpt of message.to) {
      const deliver = localMailboxes.get(rcpt.toLowerCase());
      if (!deliver) continue;
      // What a local delivery agent prepends: the envelope sender and the address it delivered to.
      const raw = Buffer.concat([Buffer.from(`Return-Path: <${message.from}>\r\nDelivered-To: ${rcpt}\r\n`), message.raw]);
      const delivery = deliver(raw).then(
        () => void local.delivered++,
        () => void local.failed++,
      );
      deliveries.add(delivery);
      void delivery.finally(() => deliveries.delete(delivery));
    }
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 50 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      // A client that dies mid-DATA never reaches 'end': the message is not accepted, as with a real MTA.
      stream.on('error', () => undefined);
      stream.on('end', () => {
        const message: SinkMessage = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          at: Date.now(),
        };
        messages.push(message);
        deliverLocally(message);
        options.onAccepted?.(message, messages.length);
        for (const w of waiters) w();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    local,
    waitFor(count, timeoutMs) {
      if (messages.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length >= count) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    async settled() {
      while (deliveries.size > 0) await Promise.allSettled([...deliveries]);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
