// Chooses the mailbox: the IMAP folder named by IMAP_URL, else the embedded Maildir.
import type { Config } from '../../config.ts';
import type { LeaseStore, MailboxLedger } from '../../domain/ports/delivery-store.ts';
import type { Mailbox } from '../../domain/ports/mailbox.ts';
import { openImapMailbox } from '../imap/imap-mailbox.ts';
import { openMaildir } from '../maildir/maildir-mailbox.ts';

export type MailboxConfig = Pick<
  Config,
  'maildir' | 'imapUrl' | 'imapMark' | 'imapProcessedFolder' | 'imapAttentionFolder' | 'imapTlsInsecure' | 'imapIdleRestartSeconds' | 'mailboxLeaseSeconds'
>;

export async function openMailbox(
  config: MailboxConfig,
  deps: { ledger: MailboxLedger; leases: LeaseStore; log?: (event: Record<string, unknown>, message: string) => void },
): Promise<Mailbox> {
  if (!config.imapUrl) return openMaildir(config.maildir);
  return openImapMailbox({
    url: config.imapUrl,
    mark: config.imapMark,
    processedFolder: config.imapProcessedFolder,
    attentionFolder: config.imapAttentionFolder,
    tlsInsecure: config.imapTlsInsecure,
    idleRestartSeconds: config.imapIdleRestartSeconds,
    leaseSeconds: config.mailboxLeaseSeconds,
    ledger: deps.ledger,
    leases: deps.leases,
    log: deps.log,
  });
}
