// Start-up check of the Tesseract language files, so a missing or damaged file is a clear error at boot
// instead of a worker that never starts.
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../domain/app-error.ts';

/** The "fast" LSTM models are 3.8–4.1 MB; anything under 1 MB is a truncated download or a placeholder. */
const MIN_TRAINEDDATA_BYTES = 1024 * 1024;

/** A traineddata file opens with the number of components (int32) followed by one int64 offset each. */
const MAX_COMPONENTS = 64;

export const OCR_LANGUAGES = ['rus', 'eng'] as const;

export async function checkOcrData(dir: string, languages: readonly string[] = OCR_LANGUAGES): Promise<void> {
  for (const lang of languages) {
    const file = join(dir, `${lang}.traineddata`);
    const size = await stat(file).then(
      (s) => (s.isFile() ? s.size : -1),
      () => -1,
    );
    if (size < 0) throw new AppError('ocr_unavailable', `OCR language file missing: ${file}`);
    if (size < MIN_TRAINEDDATA_BYTES) {
      throw new AppError('ocr_unavailable', `OCR language file too small (${size} bytes), probably damaged: ${file}`);
    }
    const handle = await open(file, 'r');
    try {
      const header = Buffer.alloc(4);
      await handle.read(header, 0, 4, 0);
      const components = header.readInt32LE(0);
      if (components < 1 || components > MAX_COMPONENTS) {
        throw new AppError('ocr_unavailable', `OCR language file is not a traineddata file: ${file}`);
      }
    } finally {
      await handle.close();
    }
  }
}
