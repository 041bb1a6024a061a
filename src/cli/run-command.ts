// `intake run --once`: drain the mailbox (ingest, process, reply) and exit with a short summary.
import { loadConfig } from '../config.ts';
import { placeholderRegions, placeholderWarning } from '../domain/policy/placeholder-address.ts';
import { createLogger, createRuntime } from '../main.ts';
import { drainOnce, type DrainSummary } from '../pipeline/work/drain-once.ts';
import { createProgress } from './progress.ts';

export async function runOnceCommand(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config);
  const runtime = await createRuntime(config, { lazyOcr: true });
  const waiting = (await runtime.store.countReturnsByState()).approved ?? 0;
  for (const region of placeholderRegions(runtime.deps.policy)) process.stderr.write(`warning: ${placeholderWarning(region, waiting)}\n`);
  const progress = createProgress('Processing');
  try {
    const started = Date.now();
    const summary = await drainOnce({
      ...runtime.deps,
      onProgress: (event) => {
        if (event.kind === 'ingested' && event.count > 0) progress.setTotal(event.count);
        if (event.kind === 'handled') {
          progress.tick(event.result.status === 'done' ? (event.result.returnNumber ?? event.result.outcome) : event.result.status);
          if (event.result.status === 'failed' || event.result.status === 'parked') log.warn({ error: event.result.error }, 'message failed');
        }
      },
    });
    progress.stop();
    process.stderr.write(summarise(summary, (Date.now() - started) / 1000));
    return summary.handled.some((h) => h.status === 'failed' || h.status === 'parked') ? 1 : 0;
  } finally {
    progress.stop();
    await runtime.close();
  }
}

export function summarise(summary: DrainSummary, seconds: number): string {
  const count = (predicate: (h: DrainSummary['handled'][number]) => boolean) => summary.handled.filter(predicate).length;
  const returns = count((h) => h.status === 'done' && h.outcome === 'return');
  const ignored = count((h) => h.status === 'done' && h.outcome === 'ignored');
  const attention = count((h) => h.status === 'done' && h.outcome === 'needs_attention');
  const failed = count((h) => h.status === 'failed' || h.status === 'parked');
  return (
    `${summary.ingested} new message(s), ${summary.duplicates} duplicate delivery(ies) in ${seconds.toFixed(1)} s: ` +
    `${returns} return(s), ${ignored} ignored, ${attention} for an agent, ${failed} failed; ` +
    `${summary.replies.sent} repl(ies) sent${summary.replies.failed ? `, ${summary.replies.failed} send failure(s)` : ''}\n`
  );
}
