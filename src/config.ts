// Configuration: parsed once from the environment into one frozen object. Nothing else reads process.env.
// With no variables at all the service runs on embedded defaults (SQLite, Maildir, file outbox).
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './domain/app-error.ts';
import { PayerAccountSchema, type PayerAccount } from './domain/payer-account.ts';
import { DEFAULT_SHOP_TIMEZONE, isTimeZone } from './domain/iso-day.ts';

/** An unset or empty variable means "not configured". */
const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(z.url().optional());

const EnvSchema = z.object({
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((url) => url === undefined || /^(file:|postgres(ql)?:\/\/)/.test(url), 'must start with file: or postgres://'),
  MAILDIR: z.string().optional(),
  OUTBOX_DIR: z.string().optional(),
  IMAP_URL: optionalUrl,
  SMTP_URL: optionalUrl,
  ORDERS_URL: optionalUrl,
  POLICY_FILE: z.string().optional(),
  /** Our address: replies come from it, and mail from it is never answered. */
  MAIL_FROM: z.string().default('Returns desk <info@returns-intake.local>'),
  /** Signs the replies ("… the {shopName} returns desk"). */
  SHOP_NAME: z.string().min(1).default('Returns Intake demo shop'),
  /** The shop's IANA time zone: return windows, ship-by dates and "today" are days of the shop. */
  SHOP_TIMEZONE: z.string().trim().default(DEFAULT_SHOP_TIMEZONE).refine(isTimeZone, 'an IANA time zone such as Europe/Moscow'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  OCR_WORKERS: z.coerce.number().int().min(1).max(32).default(Math.max(1, os.availableParallelism())),
  OCR_DATA_DIR: z.string().default(path.resolve(import.meta.dirname, '../ocr-data')),
  /**
   * `wasm` (default): tesseract.js reads everything. `auto`: pages go to the installed Tesseract (5 or later) when there
   * is one — faster, but it reads handwriting a little worse (docs/ocr.md).
   */
  OCR_ENGINE: z.enum(['auto', 'wasm']).default('wasm'),
  /** Development aid for `intake parse` and `intake run`: keep what was extracted from each file here, so re-reading it skips OCR. */
  EXTRACT_CACHE_DIR: z.string().optional(),
  POLL_SECONDS: z.coerce.number().positive().default(2),
  MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  /** IMAP: `seen` flags processed mail \\Seen; `move` files it into IMAP_PROCESSED_FOLDER / IMAP_ATTENTION_FOLDER. */
  IMAP_MARK: z.enum(['seen', 'move']).default('seen'),
  IMAP_PROCESSED_FOLDER: z.string().min(1).default('Processed'),
  IMAP_ATTENTION_FOLDER: z.string().min(1).default('Needs-attention'),
  /** Accept a self-signed IMAP certificate (test servers, private networks only). */
  IMAP_TLS_INSECURE: z.stringbool().default(false),
  /** IDLE is re-issued this often; servers may drop it after 30 minutes (RFC 2177) and NATs sooner. */
  IMAP_IDLE_RESTART_SECONDS: z.coerce.number().int().min(10).max(1740).default(300),
  /** How long one worker's claim to poll a mailbox lasts unrenewed; a killed poller is replaced after this. */
  MAILBOX_LEASE_SECONDS: z.coerce.number().int().min(2).default(30),
  /**
   * Mail already in the mailbox when we first read it, and older than this, gets no automatic reply: a first
   * connection to a backlog must not answer old mail. Mail that arrived while we were down is still answered.
   */
  BACKLOG_MAX_AGE_HOURS: z.coerce.number().positive().default(72),
  /** Replies to one address per hour; more are recorded without a reply (a loop we did not recognise, or abuse). */
  REPLY_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(5),
  /** Hard bounces after which an address gets no more replies. */
  HARD_BOUNCE_LIMIT: z.coerce.number().int().min(1).default(3),
  /**
   * With IMAP_URL and SMTP_URL: every reply's SMTP envelope also names our own mailbox (MAILBOX_ADDRESS), so a copy
   * lands where we read mail and proves a send that a crash left unrecorded (no double reply after a restart).
   */
  REPLY_COPY_TO_MAILBOX: z.stringbool().default(true),
  /** The address of the mailbox IMAP_URL reads; default MAIL_FROM's address. */
  MAILBOX_ADDRESS: z.email().optional(),
  /** A reply left `sending` by a crash whose copy has not arrived after this long is sent again. */
  REPLY_RESEND_AFTER_SECONDS: z.coerce.number().int().min(1).default(300),
  /** A message `processing` longer than this belonged to a worker that died; it is handed out again. */
  PROCESSING_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(600),
  /** Signs CSRF tokens; when unset one is generated once and kept in DATA_DIR/session-secret. */
  SESSION_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** Secure flag on the UI's cookies; browsers accept it on http://localhost. Set false only for plain-http hosts. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('true'),
  /** Lets a Prometheus scraper read /metrics with `Authorization: Bearer <token>`; unset: managers only. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * The shop's bank account refunds are paid from, for the payment orders of the refunds page (1CClientBankExchange).
   * All of NAME, INN, ACCOUNT, BIK, CORR_ACCOUNT and BANK, or none; KPP for an organisation.
   */
  PAYER_NAME: z.string().trim().min(1).optional(),
  PAYER_INN: z.string().optional(),
  PAYER_KPP: z.string().optional(),
  PAYER_ACCOUNT: z.string().optional(),
  PAYER_BIK: z.string().optional(),
  PAYER_CORR_ACCOUNT: z.string().optional(),
  PAYER_BANK: z.string().optional(),
  /** Where customers reach the review UI's public pages (the status page every reply links to); default http://localhost:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The returns desk's own address: alerts (review SLA about to break, refund overdue) and a daily digest go there. Unset: none. */
  DESK_EMAIL: z.email().optional(),
  DESK_LANGUAGE: z.enum(['ru', 'en']).default('ru'),
  /** The shop hour (0–23) from which the day's digest is sent. */
  DESK_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  /** Hours before a review deadline at which the desk is alerted. */
  ALERT_REVIEW_LEAD_HOURS: z.coerce.number().positive().max(168).default(4),
  /** The review UI's language until an agent picks one: ru (default, for a Russian shop) or en. */
  UI_LANGUAGE: z.enum(['ru', 'en']).default('ru'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = Readonly<{
  dataDir: string;
  databaseUrl: string;
  maildir: string;
  outboxDir: string;
  imapUrl?: string;
  smtpUrl?: string;
  ordersUrl?: string;
  policyFile?: string;
  mailFrom: string;
  /** The bare address of MAIL_FROM: the SMTP envelope sender. */
  mailFromAddress: string;
  shopName: string;
  /** IANA zone of the shop's calendar (SHOP_TIMEZONE). */
  shopTimeZone: string;
  /** Domain of our Message-IDs, from MAIL_FROM. */
  mailDomain: string;
  /** MAIL_FROM's and MAILBOX_ADDRESS's addresses, lower-cased: mail from (or on behalf of) them gets no reply. */
  ownAddresses: readonly string[];
  port: number;
  host: string;
  ocrWorkers: number;
  ocrEngine: 'auto' | 'wasm';
  ocrDataDir: string;
  extractCacheDir?: string;
  pollSeconds: number;
  maxAttempts: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  imapMark: 'seen' | 'move';
  imapProcessedFolder: string;
  imapAttentionFolder: string;
  imapTlsInsecure: boolean;
  imapIdleRestartSeconds: number;
  mailboxLeaseSeconds: number;
  backlogMaxAgeHours: number;
  replyRateLimitPerHour: number;
  hardBounceLimit: number;
  processingTimeoutSeconds: number;
  /** Our own mailbox address, added to every reply's SMTP envelope; unset without IMAP + SMTP or when turned off. */
  replyCopyTo?: string;
  replyResendAfterSeconds: number;
  sessionSecret?: string;
  secureCookies: boolean;
  metricsToken?: string;
  /** The public address of the UI, without a trailing slash: replies link to `${publicUrl}/status`. */
  publicUrl: string;
  uiLanguage: 'ru' | 'en';
  /** Alerts and the daily digest for the desk (DESK_*), when DESK_EMAIL is set. */
  desk?: { email: string; language: 'ru' | 'en'; digestHour: number; reviewLeadHours: number };
  /** The shop's bank account (PAYER_*), when configured. */
  payer?: PayerAccount;
}>;

/** Parses the environment; on error lists every bad key at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('config_invalid', `Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const address = (/<([^<>]+)>/.exec(e.MAIL_FROM)?.[1] ?? e.MAIL_FROM).trim();
  const payer = payerFrom(e);
  const ownAddresses = [...new Set([address, e.MAILBOX_ADDRESS].filter((a): a is string => !!a).map((a) => a.toLowerCase()))];
  if (e.DESK_EMAIL && ownAddresses.includes(e.DESK_EMAIL.toLowerCase())) {
    // Alerts to our own mailbox would be read back as mail; the desk needs an address of its own.
    throw new AppError('config_invalid', 'Invalid configuration:\n  DESK_EMAIL: must not be MAIL_FROM or MAILBOX_ADDRESS');
  }
  return Object.freeze({
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, 'intake.db')}`,
    maildir: path.resolve(e.MAILDIR ?? path.join(dataDir, 'Maildir')),
    outboxDir: path.resolve(e.OUTBOX_DIR ?? path.join(dataDir, 'outbox')),
    imapUrl: e.IMAP_URL,
    smtpUrl: e.SMTP_URL,
    ordersUrl: e.ORDERS_URL,
    policyFile: e.POLICY_FILE,
    mailFrom: e.MAIL_FROM,
    mailFromAddress: address,
    shopName: e.SHOP_NAME,
    shopTimeZone: e.SHOP_TIMEZONE,
    mailDomain: address.split('@')[1] ?? 'returns-intake.local',
    ownAddresses: Object.freeze([...new Set([address, e.MAILBOX_ADDRESS].filter((a): a is string => !!a).map((a) => a.toLowerCase()))]),
    port: e.PORT,
    host: e.HOST,
    ocrWorkers: e.OCR_WORKERS,
    ocrEngine: e.OCR_ENGINE,
    ocrDataDir: path.resolve(e.OCR_DATA_DIR),
    extractCacheDir: e.EXTRACT_CACHE_DIR ? path.resolve(e.EXTRACT_CACHE_DIR) : undefined,
    pollSeconds: e.POLL_SECONDS,
    maxAttempts: e.MAX_ATTEMPTS,
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET,
    secureCookies: e.COOKIE_SECURE === 'true',
    metricsToken: e.METRICS_TOKEN,
    imapMark: e.IMAP_MARK,
    imapProcessedFolder: e.IMAP_PROCESSED_FOLDER,
    imapAttentionFolder: e.IMAP_ATTENTION_FOLDER,
    imapTlsInsecure: e.IMAP_TLS_INSECURE,
    imapIdleRestartSeconds: e.IMAP_IDLE_RESTART_SECONDS,
    mailboxLeaseSeconds: e.MAILBOX_LEASE_SECONDS,
    backlogMaxAgeHours: e.BACKLOG_MAX_AGE_HOURS,
    replyRateLimitPerHour: e.REPLY_RATE_LIMIT_PER_HOUR,
    hardBounceLimit: e.HARD_BOUNCE_LIMIT,
    processingTimeoutSeconds: e.PROCESSING_TIMEOUT_SECONDS,
    replyCopyTo: e.IMAP_URL && e.SMTP_URL && e.REPLY_COPY_TO_MAILBOX ? (e.MAILBOX_ADDRESS ?? address) : undefined,
    replyResendAfterSeconds: e.REPLY_RESEND_AFTER_SECONDS,
    uiLanguage: e.UI_LANGUAGE,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    ...(payer ? { payer } : {}),
    ...(e.DESK_EMAIL
      ? { desk: { email: e.DESK_EMAIL, language: e.DESK_LANGUAGE, digestHour: e.DESK_DIGEST_HOUR, reviewLeadHours: e.ALERT_REVIEW_LEAD_HOURS } }
      : {}),
  });
}

/** PAYER_* as one account: none set is fine (no payment orders), some set is a mistake listed key by key. */
function payerFrom(e: z.infer<typeof EnvSchema>): PayerAccount | undefined {
  const raw = { name: e.PAYER_NAME, inn: e.PAYER_INN, kpp: e.PAYER_KPP, account: e.PAYER_ACCOUNT, bik: e.PAYER_BIK, corrAccount: e.PAYER_CORR_ACCOUNT, bank: e.PAYER_BANK };
  if (Object.values(raw).every((value) => value === undefined)) return undefined;
  const parsed = PayerAccountSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const key = (field: PropertyKey) => `PAYER_${String(field).replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
  const lines = parsed.error.issues.map((issue) => `  ${key(issue.path[0] ?? 'NAME')}: ${issue.message}`);
  throw new AppError('config_invalid', `Invalid configuration:\n${lines.join('\n')}`);
}
