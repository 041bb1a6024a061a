// A development aid for `intake parse` (EXTRACT_CACHE_DIR): what was extracted from a file is kept on disk by
// the hash of its bytes, so scoring a change to the field reader on a whole document set does not OCR every
// page again. The key also names EXTRACTION_VERSION (bump it whenever extraction itself changes) and the OCR
// engine setting (OCR_ENGINE: the installed Tesseract and tesseract.js read a few words differently).
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedDocument } from '../../domain/document.ts';
import type { DocumentReader } from '../../domain/ports/document-reader.ts';

export const EXTRACTION_VERSION = 'words-psm11-strips-at-gaps3-deskew-thin-dashed-rules-deepen-missed-ink-16-hand5-digits12-script4-addr4-boxes1-cells5-mnist4-bands3';

export function cachedDocumentReader(reader: DocumentReader, dir: string, engine: string): DocumentReader {
  return {
    async read(name, bytes) {
      const key = createHash('sha256').update(EXTRACTION_VERSION).update(engine === 'wasm' ? '' : `engine:${engine}`).update(bytes).digest('hex');
      const file = path.join(dir, `${key}.json`);
      const hit = await readFile(file, 'utf8').then((text) => JSON.parse(text) as ExtractedDocument).catch(() => undefined);
      if (hit) return { ...hit, name };
      const doc = await reader.read(name, bytes);
      await mkdir(dir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(doc));
      await rename(temp, file);
      return doc;
    },
  };
}
