// Starts one tesseract.js worker that either becomes ready or fails with AppError('ocr_unavailable')
// within a bounded time. tesseract.js on its own never settles createWorker when the language data is
// missing or corrupt, and without an errorHandler it throws that failure asynchronously, killing the process.
import { fileURLToPath } from 'node:url';
import Tesseract from 'tesseract.js';
import { AppError } from '../../domain/app-error.ts';

const WORKER_SCRIPT = fileURLToPath(new URL('./tesseract-worker.cjs', import.meta.url));

export interface TesseractWorkerOptions {
  langPath: string;
  languages: readonly string[];
  startTimeoutMs: number;
}

export function startTesseractWorker(options: TesseractWorkerOptions): Promise<Tesseract.Worker> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message: string, cause?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new AppError('ocr_unavailable', message, { cause }));
    };
    const timer = setTimeout(
      () => fail(`OCR engine did not start within ${options.startTimeoutMs} ms (language data in ${options.langPath}?)`),
      options.startTimeoutMs,
    );
    Tesseract.createWorker(options.languages.join('+'), Tesseract.OEM.LSTM_ONLY, {
      langPath: options.langPath,
      // The shipped files are uncompressed; 'none' stops tesseract.js copying them into the working
      // directory, which would also hide a wrong langPath on the next start.
      gzip: false,
      cacheMethod: 'none',
      workerPath: WORKER_SCRIPT,
      logger: () => {},
      // Called for start-up failures and for failed jobs; once started, job failures reach the job's own
      // promise, so this only matters before the worker is ready.
      errorHandler: (error: unknown) => fail(`OCR engine failed to start: ${String(error)}`, error),
    }).then(
      (worker) => {
        if (settled) {
          // Became ready after we gave up on it: do not leave the thread running.
          void stopTesseractWorker(worker);
          return;
        }
        settled = true;
        clearTimeout(timer);
        resolve(worker);
      },
      (error: unknown) => fail(`OCR engine failed to start: ${String(error)}`, error),
    );
  });
}

/**
 * Stops a worker's engine thread at once, even mid-job. Not `worker.terminate()`: that sets the wrapper's
 * thread to null, and a `recognize` already past its own first `await` then posts to null — a rejection
 * tesseract.js never handles, which takes the process down. A terminated thread takes posts silently.
 */
export async function stopTesseractWorker(worker: Tesseract.Worker): Promise<void> {
  const thread = (worker as unknown as { worker?: { terminate(): Promise<number> } | null }).worker;
  await thread?.terminate().catch(() => {});
}
