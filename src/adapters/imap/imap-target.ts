// IMAP_URL → connection settings and the mailbox's stable id (account + folder, never the password).
import { AppError } from '../../domain/app-error.ts';

export interface ImapTarget {
  host: string;
  port: number;
  /** imaps:// is TLS from the first byte; imap:// upgrades with STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  pass: string;
  folder: string;
  /** `imap://user@host:port/folder`: names the account and folder in every stored message. */
  id: string;
}

export function parseImapUrl(raw: string): ImapTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new AppError('config_invalid', 'IMAP_URL is not a URL', { cause: error });
  }
  if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') throw new AppError('config_invalid', `IMAP_URL: unsupported scheme ${url.protocol}`);
  if (!url.username) throw new AppError('config_invalid', 'IMAP_URL needs a user name (imap://user:pass@host/INBOX)');
  const secure = url.protocol === 'imaps:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : secure ? 993 : 143;
  const user = decodeURIComponent(url.username);
  const folder = decodeURIComponent(url.pathname.replace(/^\/+/, '')) || 'INBOX';
  return {
    host,
    port,
    secure,
    user,
    pass: decodeURIComponent(url.password),
    folder,
    id: `${url.protocol}//${encodeURIComponent(user)}@${url.host}/${folder}`,
  };
}
