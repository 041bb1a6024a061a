// Starts the OCR pool on the first page that needs it: `intake parse` of a text PDF then never pays the
// ~1 s of loading language models. The language files are still checked up front, so a missing or corrupt
// file is a start-up error, not a surprise on the first scan. A job that asks for other models than the
// pool's gets a pool of its own, of one worker, started on its first job: those are short second reads.
// The models' word lists are loaded on first use too, once each.
import { OCR_LANGUAGES } from './check-ocr-data.ts';
import type { OcrEngine, OcrJob, OcrOutcome } from './ocr-engine.ts';
import { OcrPool, type OcrPoolOptions } from './ocr-pool.ts';
import { modelWordLists } from './word-list.ts';

export interface LazyOcr extends OcrEngine {
  close(): Promise<void>;
}

export function createLazyOcr(options: OcrPoolOptions): LazyOcr {
  const own = (options.languages ?? OCR_LANGUAGES).join('+');
  const pools = new Map<string, Promise<OcrPool>>();
  const poolFor = (languages: readonly string[] | undefined): Promise<OcrPool> => {
    const key = languages?.join('+') ?? own;
    let pool = pools.get(key);
    if (!pool) {
      pool = OcrPool.start(key === own ? options : { ...options, languages: languages!, size: 1 });
      pools.set(key, pool);
    }
    return pool;
  };
  return {
    async recognize(job: OcrJob): Promise<OcrOutcome> {
      try {
        return await (await poolFor(job.languages)).recognize(job);
      } catch (error) {
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },
    wordList: modelWordLists(options.langPath),
    async close() {
      await Promise.all([...pools.values()].map(async (pool) => (await pool.catch(() => null))?.close()));
    },
  };
}
