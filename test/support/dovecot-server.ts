// A private Dovecot for integration tests: its own config, state, logs and mail under a temp folder, listening
// on 127.0.0.1 at a free port, plain-text login without TLS. Started with the Debian binary (dovecot-imapd);
// a missing binary is an error with instructions, never a skip. Mail is owned by `nobody`, as Dovecot runs it.
import { execFile as execFileCb, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.ts';
import { promisify } from 'node:util';

const execFile = promisify(execFileCb);

export interface DovecotServer {
  readonly host: string;
  readonly port: number;
  /** imap://user:pass@127.0.0.1:port/INBOX for a user created with addUser. */
  url(user: string, folder?: string): string;
  addUser(user: string, password: string): Promise<void>;
  /** The user's Maildir on disk (for dropping files straight into new/). */
  maildir(user: string): string;
  /** Delivers `raw` into the user's folder with IMAP APPEND (what an MTA's local delivery does, for the SMTP sink). */
  append(user: string, raw: Buffer, folder?: string): Promise<void>;
  log(): Promise<string>;
  stop(): Promise<void>;
}

function findDovecot(): string {
  const candidates = [process.env.DOVECOT_BIN, '/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Dovecot not found. Install it (Debian: `apt-get install -y dovecot-imapd`) or set DOVECOT_BIN. ' +
        'The IMAP tests need a real IMAP server and do not skip.',
    );
  }
  return found;
}


async function ids(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([execFile('id', ['-u', name]), execFile('id', ['-g', name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function startDovecot(): Promise<DovecotServer> {
  const bin = findDovecot();
  const root = await mkdtemp(path.join(tmpdir(), 'intake-dovecot-'));
  const port = await freePort();
  const home = path.join(root, 'home');
  const passwd = path.join(root, 'passwd');
  const config = path.join(root, 'dovecot.conf');
  const logFile = path.join(root, 'dovecot.log');
  await Promise.all(['run', 'state'].map((d) => mkdir(path.join(root, d))));
  await mkdir(home);
  await writeFile(passwd, '');
  await chmod(root, 0o755);
  const mailUser = await ids('nobody');
  await chown(home, mailUser.uid, mailUser.gid);
  await writeFile(
    config,
    [
      `instance_name = intake-test-${port}`,
      `base_dir = ${root}/run`,
      `state_dir = ${root}/state`,
      `log_path = ${logFile}`,
      `protocols = imap`,
      `listen = 127.0.0.1`,
      `ssl = no`,
      `disable_plaintext_auth = no`,
      `auth_mechanisms = plain login`,
      `mail_location = maildir:~/Maildir`,
      // Test data need not survive a power cut; fsync off keeps 500 APPENDs fast.
      `mail_fsync = never`,
      `mail_max_userip_connections = 50`,
      `passdb {`,
      `  driver = passwd-file`,
      `  args = scheme=PLAIN username_format=%u ${passwd}`,
      `}`,
      `userdb {`,
      `  driver = static`,
      `  args = uid=nobody gid=nogroup home=${home}/%u`,
      `}`,
      `service imap-login {`,
      `  inet_listener imap {`,
      `    address = 127.0.0.1`,
      `    port = ${port}`,
      `  }`,
      `  inet_listener imaps {`,
      `    port = 0`,
      `  }`,
      `}`,
      `protocol imap {`,
      `  mail_max_userip_connections = 50`,
      `}`,
      '',
    ].join('\n'),
  );
  // Foreground (-F) as our own child: it dies with a kill of its pid, and a daemon's inherited pipes cannot hang us.
  const child: ChildProcess = spawn(bin, ['-F', '-c', config], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    await waitForPort(port, () => exited);
  } catch (error) {
    child.kill('SIGKILL');
    const log = await readFile(logFile, 'utf8').catch(() => '');
    await rm(root, { recursive: true, force: true });
    throw new Error(`could not start Dovecot: ${(error as Error).message}\n${log}`, { cause: error });
  }

  const passwords = new Map<string, string>();
  return {
    host: '127.0.0.1',
    port,
    url: (user, folder = 'INBOX') => `imap://${encodeURIComponent(user)}:secret@127.0.0.1:${port}/${folder}`,
    async addUser(user, password) {
      if (!/^[a-z0-9._-]+$/i.test(user) || password.includes(':')) throw new Error(`bad user ${user}`);
      const existing = await readFile(passwd, 'utf8');
      // Replace the file in one step: Dovecot re-reads it while the sink's deliveries log in, and must never
      // see it half-written (it then keeps the short version and refuses the new user).
      await writeFile(`${passwd}.new`, `${existing}${user}:${password}\n`);
      await rename(`${passwd}.new`, passwd);
      passwords.set(user, password);
      // Create the Maildir up front, as a mail system's account provisioning does: otherwise Dovecot creates it
      // on first login, and two sessions logging in at once (the worker and the test's own client) can race
      // there, one of them failing its first command.
      for (const sub of ['', '/cur', '/new', '/tmp']) {
        const dir = `${path.join(home, user)}/Maildir${sub}`;
        await mkdir(dir, { recursive: true });
      }
      for (const dir of [path.join(home, user), path.join(home, user, 'Maildir'), ...['cur', 'new', 'tmp'].map((d) => path.join(home, user, 'Maildir', d))]) {
        await chown(dir, mailUser.uid, mailUser.gid);
      }
      await waitForLogin(port, user, password, passwd);
    },
    maildir: (user) => path.join(home, user, 'Maildir'),
    async append(user, raw, folder = 'INBOX') {
      const { ImapFlow } = await import('imapflow');
      const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: passwords.get(user) ?? 'secret' }, logger: false });
      await client.connect();
      try {
        await client.append(folder, raw);
      } finally {
        await client.logout().catch(() => undefined);
      }
    },
    log: () => readFile(logFile, 'utf8').catch(() => ''),
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (!exited) child.kill('SIGKILL');
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, died: () => boolean): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (died()) throw new Error('Dovecot exited during start-up');
    if (Date.now() > deadline) throw new Error(`Dovecot did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Resolves once Dovecot accepts the new user's password. Dovecot notices a changed passwd-file by its
 * timestamp, which has one-second resolution, so a user added in the same second as the last reload can stay
 * unknown; each failed try moves the timestamp on and tries again (a failed login costs Dovecot's 2 s delay).
 */
async function waitForLogin(port: number, user: string, password: string, passwd: string): Promise<void> {
  const { ImapFlow } = await import('imapflow');
  const deadline = Date.now() + 20_000;
  for (let attempt = 1; ; attempt++) {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    try {
      await client.connect();
      await client.logout();
      return;
    } catch (error) {
      client.close();
      if (Date.now() > deadline) throw new Error(`Dovecot still refuses ${user} after ${attempt} tries`, { cause: error });
      const later = new Date(Date.now() + attempt * 1000);
      await utimes(passwd, later, later);
    }
  }
}
