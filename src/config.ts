// Configuration: parsed once from the environment into one frozen object. Nothing else reads process.env.
// With no variables at all the service runs on embedded defaults (SQLite, Maildir, file outbox).
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './domain/app-error.ts';

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
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  OCR_WORKERS: z.coerce.number().int().min(1).max(32).default(Math.max(1, os.availableParallelism())),
  OCR_DATA_DIR: z.string().default(path.resolve(import.meta.dirname, '../ocr-data')),
  POLL_SECONDS: z.coerce.number().positive().default(2),
  MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
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
  shopName: string;
  /** Domain of our Message-IDs, from MAIL_FROM. */
  mailDomain: string;
  port: number;
  host: string;
  ocrWorkers: number;
  ocrDataDir: string;
  pollSeconds: number;
  maxAttempts: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
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
  const address = /<([^>]+)>/.exec(e.MAIL_FROM)?.[1] ?? e.MAIL_FROM;
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
    shopName: e.SHOP_NAME,
    mailDomain: address.split('@')[1] ?? 'returns-intake.local',
    port: e.PORT,
    host: e.HOST,
    ocrWorkers: e.OCR_WORKERS,
    ocrDataDir: path.resolve(e.OCR_DATA_DIR),
    pollSeconds: e.POLL_SECONDS,
    maxAttempts: e.MAX_ATTEMPTS,
    logLevel: e.LOG_LEVEL,
  });
}
