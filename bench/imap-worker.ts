// A bare worker process (no web UI) over the configuration in the environment: what the IMAP bench and the
// crash test start and SIGKILL. Prints one line `ready` to stdout once the mailbox is being watched.
import { loadConfig } from '../src/config.ts';
import { createLogger, createRuntime } from '../src/main.ts';
import { startWorker } from '../src/pipeline/work/run-worker.ts';

const config = loadConfig();
const log = createLogger(config);
const runtime = await createRuntime(config, { lazyOcr: true });
const worker = startWorker(runtime.deps, {
  pollSeconds: config.pollSeconds,
  onError: (error) => log.warn({ err: error instanceof Error ? error.message : String(error) }, 'worker round failed'),
});
process.stdout.write('ready\n');
const stop = async () => {
  await worker.stop();
  await runtime.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
