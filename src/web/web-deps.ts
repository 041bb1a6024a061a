// Everything the web app is built from. The composition root (src/main.ts) fills it; tests fill it with a temp
// SQLite store and fakes. Nothing in src/web opens a database or reads the environment.
import type { PayerAccount } from '../domain/payer-account.ts';
import type { Dashboard } from '../domain/ports/dashboard.ts';
import type { Conversations } from '../domain/ports/conversations.ts';
import type { RefundLedger } from '../domain/ports/refunds.ts';
import type { MimeParser } from '../domain/ports/mime-parser.ts';
import type { DocumentFiles } from '../domain/ports/document-files.ts';
import type { DocumentReader } from '../domain/ports/document-reader.ts';
import type { Store } from '../domain/ports/store.ts';
import type { Users } from '../domain/ports/users.ts';
import type { PolicySource } from '../domain/ports/policy-source.ts';
import type { ReviewDeps } from '../pipeline/review/review-deps.ts';
import type { createTranslator } from './i18n/ui-language.ts';

export interface WorkerHealth {
  worker: 'running' | 'stopped' | 'not_started';
  lastDrainAt?: Date;
  lastError?: string;
}

export interface WebDeps {
  store: Store;
  users: Users;
  dashboard: Dashboard;
  documents: DocumentFiles;
  review: ReviewDeps;
  /**
   * The policy file, looked at again by each page and action that uses the policy: `review.policy` is then the one
   * in force at that request. Without it `review.policy` stays as built (tests).
   */
  policy?: PolicySource;
  /** Every return's e-mails in and out, and the unassigned inbox's answers and attachments. */
  conversations: Conversations;
  /** An integer in [0, 31) for the numbers of returns started from an e-mail; crypto's randomInt by default. */
  random?: () => number;
  /** Refunds owed and paid (the refunds page, the dashboard's money figures). */
  refunds: RefundLedger;
  /** The shop's bank account refunds are paid from; without it payment orders cannot be exported. */
  payer?: PayerAccount;
  /** Reads the attachments of an unassigned e-mail an agent starts a return from, as the worker reads mail. */
  reader: DocumentReader;
  /** Reads the mail shown on the attention pages. */
  mime: MimeParser;
  /** Signs the CSRF tokens (bound to the session) — at least 32 random bytes, kept across restarts. */
  sessionSecret: string;
  /** Set the Secure flag on cookies. Browsers accept Secure cookies on http://localhost; turn off only for plain-http hosts. */
  secureCookies: boolean;
  /** Prometheus text for /metrics. */
  metrics: () => Promise<{ contentType: string; body: string }>;
  /** For /health: is the worker loop alive (not_started when `intake web` runs alone). */
  health: () => WorkerHealth;
  /** Lets a Prometheus scraper read /metrics without a session (Authorization: Bearer <token>). */
  metricsToken?: string;
  /** Status page lookups per IP per minute before 429 (default STATUS_LOOKUPS_PER_MINUTE). */
  statusRateLimit?: number;
  /** The UI's language until an agent chooses one (UI_LANGUAGE); Russian by default, for a Russian shop. */
  uiLanguage?: 'ru' | 'en';
  /** Login attempts per IP per minute before 429. */
  loginRateLimit?: number;
  now?: () => Date;
  /** The UI's dictionary; tests pass their own to read which phrases a Russian page lacked (`missing`). */
  translator?: ReturnType<typeof createTranslator>;
}
