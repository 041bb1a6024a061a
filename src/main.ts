// Composition root: the only place that builds real clients (database, mailbox, OCR pool, transports) and
// hands them to the pipeline as ports. Everything it opens, close() closes.
import { randomInt } from 'node:crypto';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import type { DocumentReader } from './domain/ports/document-reader.ts';
import type { MimeParser } from './domain/ports/mime-parser.ts';
import type { ReplyTransport } from './domain/ports/reply-transport.ts';
import { openStore, type DbStore } from './adapters/db/open-store.ts';
import { cachedDocumentReader } from './adapters/documents/cached-document-reader.ts';
import { createDocumentReader } from './adapters/documents/create-document-reader.ts';
import { createIsolatedDocumentReader } from './adapters/documents/isolated-document-reader.ts';
import { openDeliveryStore } from './adapters/db/delivery-store.ts';
import { startWorkerPresence } from './adapters/db/worker-presence.ts';
import { openMailbox } from './adapters/mailbox/open-mailbox.ts';
import { composeMessage } from './adapters/mime/compose-message.ts';
import { createMimeParser, type StatsMimeParser } from './adapters/mime/create-mime-parser.ts';
import { readMessageId } from './adapters/mime/read-message-id.ts';
import { createIsolatedMimeParser } from './adapters/mime/isolated-mime-parser.ts';
import { scrubRawMessage } from './adapters/mime/scrub-raw-message.ts';
import { checkOcrData } from './adapters/ocr/check-ocr-data.ts';
import { createLazyOcr } from './adapters/ocr/lazy-ocr.ts';
import { createHttpOrders } from './adapters/orders/create-http-orders.ts';
import { createFileOutbox } from './adapters/outbox/create-file-outbox.ts';
import { watchPolicyFile } from './adapters/policy/watch-policy-file.ts';
import { placeholderMessage, placeholderRegions } from './domain/policy/placeholder-address.ts';
import type { PolicySource } from './domain/ports/policy-source.ts';
import { openQueue } from './adapters/queue/open-queue.ts';
import { createSmtpTransport } from './adapters/smtp/create-smtp-transport.ts';
import { loadReplyTemplates } from './adapters/templates/load-reply-templates.ts';
import type { DrainDeps } from './pipeline/work/drain-once.ts';
import { createReplyGuard, type ReplyGuard } from './pipeline/reply/guard-reply.ts';

type DeliveryStore = Awaited<ReturnType<typeof openDeliveryStore>>;
import { createMetrics, type Metrics } from './adapters/metrics/create-metrics.ts';
import type { Users } from './domain/ports/users.ts';
import { resolveSessionSecret } from './web/auth/session-secret.ts';
import type { WebDeps, WorkerHealth } from './web/web-deps.ts';

export const TEMPLATES_DIR = path.resolve(import.meta.dirname, '../templates/replies');

/** Messages per round: bounds memory (each raw message is held while processed) and keeps rounds short. */
const BATCH_SIZE = 20;

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  // Logs carry ids and codes only: never names, addresses, subjects or card data (customer data stays in the database).
  return pino({ level: config.logLevel, base: undefined }, pino.destination(2));
}

/**
 * What `intake parse` and the benches need: reading documents offline, no database, no mailbox. `isolated` reads
 * in the bounded child process like the worker does (one document at a time, library noise filtered out of the
 * CLI's output); without it, in this process, where concurrent reads share the OCR pool (bench:accuracy).
 */
export async function createReader(
  config: Config,
  options: { isolated?: boolean } = {},
): Promise<{ documents: DocumentReader; mime: StatsMimeParser; close: () => Promise<void> }> {
  await checkOcrData(config.ocrDataDir);
  if (options.isolated) {
    const log = createLogger(config);
    const isolated = createIsolatedDocumentReader({
      init: { ocrDataDir: config.ocrDataDir, ocrWorkers: config.ocrWorkers, ocrEngine: config.ocrEngine },
      onOutput: (line) => log.warn({ line: line.slice(0, 200) }, 'document reader output'),
    });
    const documents = config.extractCacheDir ? cachedDocumentReader(isolated, config.extractCacheDir, config.ocrEngine) : isolated;
    const mime = createIsolatedMimeParser();
    return { documents, mime, close: async () => { await mime.close(); await isolated.close(); } };
  }
  const ocr = createLazyOcr({ langPath: config.ocrDataDir, size: config.ocrWorkers, engine: config.ocrEngine });
  const reader = createDocumentReader({ ocr, stripsPerPage: config.ocrWorkers });
  const documents = config.extractCacheDir ? cachedDocumentReader(reader, config.extractCacheDir, config.ocrEngine) : reader;
  return { documents, mime: createMimeParser(), close: () => ocr.close() };
}

export interface Runtime {
  store: DbStore;
  deps: DrainDeps;
  /** Bounces, rate counts, leases; the review UI in the same process checks its replies against it too. */
  delivery: DeliveryStore;
  close: () => Promise<void>;
}

/**
 * Everything the worker needs. Documents are read in a separate bounded process (isolated-document-reader.ts);
 * the language data is checked now, so a bad file fails start-up, not the first scan. Unless `lazyOcr`, that
 * process starts at once, so the first document does not wait for it.
 */
export async function createRuntime(config: Config, options: { lazyOcr?: boolean; metrics?: Metrics } = {}): Promise<Runtime> {
  const policySource = policyFileFor(config, createLogger(config));
  const policy = policySource.current();
  const templates = loadReplyTemplates(TEMPLATES_DIR, { statusUrl: `${config.publicUrl}/status` });
  await checkOcrData(config.ocrDataDir);
  const opened = await openStore(config.databaseUrl, { timeZone: config.shopTimeZone });
  const metrics = options.metrics;
  // Metrics time each message from claim to commit; the store itself is unchanged.
  const store = metrics ? metrics.instrumentStore(opened) : opened;
  const closers: Array<() => Promise<void> | void> = [() => store.close()];
  try {
    const log = createLogger(config);
    const { documents, reader } = isolatedReader(config, log, metrics);
    closers.unshift(() => documents.close());
    if (!options.lazyOcr) documents.warmUp();
    // MIME decoding in a child process: a 24 MB message held this event loop (and /health) for 160-330 ms.
    const mime = createIsolatedMimeParser({
      onBreach: (breach) => log.warn(breach, 'MIME decoding stopped: limit reached'),
      onOutput: (line) => log.warn({ line: line.slice(0, 200) }, 'MIME process output'),
    });
    closers.unshift(() => mime.close());
    if (!options.lazyOcr) mime.warmUp();
    const delivery = await openDeliveryStore(config.databaseUrl);
    closers.unshift(() => delivery.close());
    const workers = await startWorkerPresence(delivery, {
      ttlMs: config.mailboxLeaseSeconds * 1000,
      onError: (error) => log.warn({ err: error instanceof Error ? error.message : String(error) }, 'worker lease renewal failed'),
    });
    closers.unshift(() => workers.close());
    const mailbox = await openMailbox(config, { ledger: delivery, leases: delivery, log: (event, message) => log.warn(event, message) });
    if (mailbox.close) closers.unshift(() => mailbox.close!());
    const queue = await openQueue({ databaseUrl: config.databaseUrl, maxAttempts: config.maxAttempts, store, onError: (error) => log.error({ err: error.message }, 'queue error') });
    closers.unshift(() => queue.close());
    const transport = await createTransport(config, closers);
    const deps: DrainDeps = {
      store,
      mailbox,
      queue,
      delivery,
      deliveryLimits: {
        backlogMaxAgeHours: config.backlogMaxAgeHours,
        replyRateLimitPerHour: config.replyRateLimitPerHour,
        hardBounceLimit: config.hardBounceLimit,
      },
      replyGuard: replyGuardFor(config, delivery),
      recovery: delivery,
      workers,
      workerId: workers.id,
      processingTimeoutSeconds: config.processingTimeoutSeconds,
      onMarkFailed: (inboundId, error) => log.warn({ inboundId, err: error instanceof Error ? error.message : String(error) }, 'mailbox mark failed; reconciled later'),
      transport,
      ...(config.replyCopyTo
        ? {
            sendConfirmation: {
              copyTo: config.replyCopyTo,
              // Our copy is stored like any inbound mail, under its Message-ID.
              arrived: async (messageId: string) => (await delivery.storedMessageIds([messageId])).has(messageId),
            },
          }
        : {}),
      resendAfterMs: config.replyResendAfterSeconds * 1000,
      mime,
      documents: reader,
      orders: config.ordersUrl ? createHttpOrders(config.ordersUrl) : store,
      returns: store,
      policy,
      policySource,
      templates,
      composeMessage,
      readMessageId,
      scrubRaw: scrubRawMessage,
      from: config.mailFrom,
      fromAddress: config.mailFromAddress,
      ourDomain: config.mailDomain,
      ownAddresses: config.ownAddresses,
      shopName: config.shopName,
      timeZone: config.shopTimeZone,
      maxAttempts: config.maxAttempts,
      batchSize: BATCH_SIZE,
      now: () => new Date(),
      random: () => randomInt(31),
      ...(config.desk
        ? {
            deskAlerts: {
              alerts: store,
              templates,
              composeMessage,
              from: config.mailFrom,
              deskAddress: config.desk.email,
              language: config.desk.language,
              shopName: config.shopName,
              timeZone: config.shopTimeZone,
              publicUrl: config.publicUrl,
              reviewLeadHours: config.desk.reviewLeadHours,
              digestHour: config.desk.digestHour,
              replyGuard: replyGuardFor(config, delivery),
              now: () => new Date(),
            },
          }
        : {}),
    };
    return {
      store,
      deps,
      delivery,
      close: async () => {
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close();
    throw error;
  }
}

/**
 * Documents read in a separate bounded process, as the worker reads them; `reader` is what the pipeline is given
 * (development only: through EXTRACT_CACHE_DIR, so a straight-through run re-uses what an earlier run extracted).
 */
function isolatedReader(config: Config, log: Logger, metrics?: Metrics) {
  const documents = createIsolatedDocumentReader({
    init: { ocrDataDir: config.ocrDataDir, ocrWorkers: config.ocrWorkers, ocrEngine: config.ocrEngine },
    // Library output is not customer data as a rule, but a line is cut short all the same.
    onOutput: (line) => log.warn({ line: line.slice(0, 200) }, 'document reader output'),
    onBreach: (breach) => log.warn(breach, 'document reader stopped: limit reached'),
    ...(metrics ? { onOcrPage: (status: string, seconds: number) => metrics.observeOcrPage(status, seconds) } : {}),
  });
  const reader: DocumentReader = config.extractCacheDir ? cachedDocumentReader(documents, config.extractCacheDir, config.ocrEngine) : documents;
  return { documents, reader };
}

/**
 * The policy file, re-read when it changes (each worker round, each UI page that uses it). A change is logged once:
 * taken, or refused with the reason while the policy before it stays in force.
 */
export function policyFileFor(config: Pick<Config, 'policyFile'>, log: Logger): PolicySource {
  return watchPolicyFile(config.policyFile, {
    onChange: ({ outcome, status, policy }) => {
      if (outcome === 'refused') {
        log.error({ policyFile: status.source, inForce: status.version }, `policy file changed but was refused; the policy before it stays in force. ${status.refused?.message ?? ''}`);
        return;
      }
      log.info({ policyFile: status.source, version: status.version }, 'policy file changed: the new policy is in force');
      for (const region of placeholderRegions(policy)) log.warn(placeholderMessage(region));
    },
  });
}

/** The one reply check, for the worker and the review UI alike. */
function replyGuardFor(config: Config, delivery: DeliveryStore): ReplyGuard {
  return createReplyGuard({ delivery, replyRateLimitPerHour: config.replyRateLimitPerHour, ownAddresses: config.ownAddresses });
}

async function createTransport(config: Config, closers: Array<() => Promise<void> | void>): Promise<ReplyTransport> {
  if (!config.smtpUrl) {
    const outbox = createFileOutbox({ dir: config.outboxDir });
    await outbox.removeStaleTempFiles();
    return outbox;
  }
  const smtp = createSmtpTransport({ url: config.smtpUrl });
  closers.unshift(() => smtp.close());
  return smtp;
}

export interface WebRuntime {
  deps: WebDeps;
  users: Users;
  metrics: Metrics;
  close: () => Promise<void>;
}

/**
 * What the review UI needs, on the worker's store (`intake start`) or on its own (`intake web`): the users and the
 * dashboard queries come with the store, on its one database client.
 */
export async function createWebRuntime(
  config: Config,
  options: { store?: DbStore; delivery?: DeliveryStore; metrics?: Metrics; health?: () => WorkerHealth; mime?: MimeParser; reader?: DocumentReader; policy?: PolicySource } = {},
): Promise<WebRuntime> {
  // The worker's policy source in the same process, so the UI and the worker never disagree; else one of our own,
  // looking at the same file.
  const policy = options.policy ?? policyFileFor(config, createLogger(config));
  // An agent starting a return from an unassigned e-mail has its attachments read like the worker's mail: with the
  // worker's reader in the same process, else a reader of our own, whose child starts at the first such e-mail.
  const ownReader = options.reader ? undefined : isolatedReader(config, createLogger(config), options.metrics);
  // Pages that show a stored message decode it off this event loop too (a parked 24 MB message on /attention).
  const ownMime = options.mime ? undefined : createIsolatedMimeParser();
  const store = options.store ?? (await openStore(config.databaseUrl, { timeZone: config.shopTimeZone }));
  const delivery = options.delivery ?? (await openDeliveryStore(config.databaseUrl));
  const { dashboard, users } = store;
  const metrics = options.metrics ?? createMetrics();
  metrics.attach({ dashboard, store });
  const deps: WebDeps = {
    store,
    users,
    dashboard,
    documents: store,
    refunds: store,
    conversations: store,
    uiLanguage: config.uiLanguage,
    policy,
    ...(config.payer ? { payer: config.payer } : {}),
    mime: options.mime ?? ownMime!,
    reader: options.reader ?? ownReader!.reader,
    review: {
      updates: store,
      orders: config.ordersUrl ? createHttpOrders(config.ordersUrl) : store,
      policy: policy.current(),
      templates: loadReplyTemplates(TEMPLATES_DIR, { statusUrl: `${config.publicUrl}/status` }),
      composeMessage,
      from: config.mailFrom,
      shopName: config.shopName,
      timeZone: config.shopTimeZone,
      now: () => new Date(),
      replyGuard: replyGuardFor(config, delivery),
    },
    sessionSecret: await resolveSessionSecret(config.sessionSecret, config.dataDir),
    secureCookies: config.secureCookies,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
    metrics: () => metrics.render(),
    health: options.health ?? (() => ({ worker: 'not_started' })),
  };
  return {
    deps,
    users,
    metrics,
    close: async () => {
      await ownMime?.close();
      await ownReader?.documents.close();
      if (!options.delivery) await delivery.close();
      if (!options.store) await store.close();
    },
  };
}
