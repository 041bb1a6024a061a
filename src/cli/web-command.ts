// `intake web`: the review UI and dashboard alone, for when the workers run elsewhere on the same database.
import { loadConfig } from '../config.ts';
import { createLogger, createWebRuntime } from '../main.ts';
import { buildApp } from '../web/build-app.ts';

export async function webCommand(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config);
  const web = await createWebRuntime(config);
  const app = await buildApp(web.deps);
  const address = await app.listen({ port: config.port, host: config.host });
  log.info(`Returns Intake UI running at ${address} (no worker in this process)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await app.close();
  await web.close();
  return 0;
}
