// Starts the OCR pool on the first page that needs it: `intake parse` of a text PDF then never pays the
// ~1 s of loading language models. The language files are still checked up front, so a missing or corrupt
// file is a start-up error, not a surprise on the first scan. A job that asks for other models than the
// pool's gets a pool of its own, of one worker, started on its first job: those are short second reads.
// The models' word lists are loaded on first use too, once each.
// With `OCR_ENGINE=auto` and Tesseract itself installed, the large jobs — a page or a strip of one, read with the
// pool's own models — go to it (native-tesseract.ts): the same models, ~1.4× less CPU. Small jobs stay with the
// warm WASM workers: when each native job was a process of its own, its start cost more than they take (its
// processes now stay running; small jobs have not been measured there since). Not the default: the installed
// build (5.3) reads handwriting a little worse than tesseract.js's (5.5) on the hand-filled set (docs/ocr.md).
import { availableParallelism } from 'node:os';
import { OCR_TIMEOUT_SECONDS } from '../../domain/limits.ts';
import { OCR_LANGUAGES } from './check-ocr-data.ts';
import { findNativeTesseract, NativeTesseract } from './native-tesseract.ts';
import type { OcrEngine, OcrJob, OcrOutcome } from './ocr-engine.ts';
import { OcrPool, type OcrPoolOptions } from './ocr-pool.ts';
import { modelWordLists } from './word-list.ts';

/** OCR_ENGINE (config.ts). */
export type OcrEngineChoice = 'auto' | 'wasm';

export interface LazyOcrOptions extends OcrPoolOptions {
  /** `wasm` (default): tesseract.js only; `auto`: the installed Tesseract (5 or later) for large jobs when there is one. */
  engine?: OcrEngineChoice;
  /** The Tesseract program to look for (default `tesseract` on the PATH). */
  nativeBinary?: string;
}

export interface LazyOcr extends OcrEngine {
  close(): Promise<void>;
}

/** A job this large (pixels) is a page or a strip of one: worth a process of its own. */
const NATIVE_MIN_PIXELS = 1_000_000;

export function createLazyOcr(options: LazyOcrOptions): LazyOcr {
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
  let native: Promise<NativeTesseract | undefined> | undefined;
  const nativeEngine = () =>
    (native ??=
      options.engine !== 'auto'
        ? Promise.resolve(undefined)
        : findNativeTesseract(options.nativeBinary).then((found) =>
            found
              ? new NativeTesseract({
                  binary: found.binary,
                  langPath: options.langPath,
                  concurrency: Math.max(1, options.size ?? availableParallelism()),
                  jobTimeoutMs: options.jobTimeoutMs ?? OCR_TIMEOUT_SECONDS * 1000,
                })
              : undefined,
          ));
  const isLarge = (job: OcrJob) => (job.languages === undefined || job.languages.join('+') === own) && job.width * job.height >= NATIVE_MIN_PIXELS;
  return {
    async recognize(job: OcrJob): Promise<OcrOutcome> {
      try {
        const engine = isLarge(job) ? await nativeEngine() : undefined;
        return await (engine ?? (await poolFor(job.languages))).recognize(job);
      } catch (error) {
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },
    wordList: modelWordLists(options.langPath),
    prepare(kind, count) {
      // Only jobs read with the pool's own models are large enough to go to the installed program.
      if (options.engine === 'auto' && (kind.languages === undefined || kind.languages.join('+') === own)) void nativeEngine().then((engine) => engine?.prepare(kind, count));
    },
    async close() {
      (await native)?.close();
      await Promise.all([...pools.values()].map(async (pool) => (await pool.catch(() => null))?.close()));
    },
  };
}
