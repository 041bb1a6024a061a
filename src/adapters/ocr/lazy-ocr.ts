// Starts the OCR pool on the first page that needs it: `intake parse` of a text PDF then never pays the
// ~1 s of loading language models. The language files are still checked up front, so a missing or corrupt
// file is a start-up error, not a surprise on the first scan.
import type { OcrEngine, OcrJob, OcrOutcome } from './ocr-engine.ts';
import { OcrPool, type OcrPoolOptions } from './ocr-pool.ts';

export interface LazyOcr extends OcrEngine {
  close(): Promise<void>;
}

export function createLazyOcr(options: OcrPoolOptions): LazyOcr {
  let pool: Promise<OcrPool> | undefined;
  return {
    async recognize(job: OcrJob): Promise<OcrOutcome> {
      pool ??= OcrPool.start(options);
      try {
        return await (await pool).recognize(job);
      } catch (error) {
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },
    async close() {
      if (pool) await (await pool.catch(() => null))?.close();
    },
  };
}
