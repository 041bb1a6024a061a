// `intake start` (what `npm start` runs): the worker loop plus the review UI in one process.
import { loadConfig } from '../config.ts';
import { placeholderRegions, placeholderWarning } from '../domain/policy/placeholder-address.ts';
import { createMetrics } from '../adapters/metrics/create-metrics.ts';
import { createLogger, createRuntime, createWebRuntime } from '../main.ts';
import { startWorker } from '../pipeline/work/run-worker.ts';
import { buildApp } from '../web/build-app.ts';
import { summarise } from './run-command.ts';

export async function startCommand(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config);
  // One metrics registry for the worker (durations) and the UI's /metrics.
  const metrics = createMetrics();
  const runtime = await createRuntime(config, { metrics });
  const worker = startWorker(runtime.deps, {
    pollSeconds: config.pollSeconds,
    onDrain: (summary) => {
      if (summary.handled.length > 0 || summary.duplicates > 0) log.info(summarise(summary, 0).trim());
    },
    onError: (error) => log.error({ error: error instanceof Error ? error.message : String(error) }, 'worker round failed'),
  });
  const web = await createWebRuntime(config, { store: runtime.store, delivery: runtime.delivery, metrics, health: worker.status, mime: runtime.deps.mime, reader: runtime.deps.documents, policy: runtime.deps.policySource });
  const app = await buildApp(web.deps);
  const address = await app.listen({ port: config.port, host: config.host });
  const mailbox = config.imapUrl ? runtime.deps.mailbox.id : `${config.maildir}/new`;
  const replies = config.smtpUrl ? 'SMTP' : config.outboxDir;
  log.info(`Returns Intake running: UI ${address}, mailbox ${mailbox}, replies to ${replies}`);
  // Approvals wait for their shipping instructions until the shop's own return address replaces the preset's EXAMPLE one.
  const waiting = (await runtime.store.countReturnsByState()).approved ?? 0;
  for (const region of placeholderRegions(runtime.deps.policy)) log.warn(placeholderWarning(region, waiting));
  if ((await runtime.store.users.listUsers()).length === 0) {
    log.warn('No one can sign in to the UI yet: create the first account with `npx intake users add you@example.com --role admin`');
  }

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  log.info('stopping');
  await app.close();
  await worker.stop();
  await web.close();
  await runtime.close();
  return 0;
}
