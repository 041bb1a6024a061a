// The image files a running Tesseract reads its jobs from (it takes file names on stdin, not images): a private
// folder (mode 0700) under the system's temporary folder, one file per job, removed as soon as the job is read, and
// the blank image that follows every job to mark where its output ends. Removed with all it holds on `close`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

export interface JobFiles {
  /** The blank image read after each job. */
  readonly sentinel: string;
  /** Writes one job's image; resolves to its file's path. */
  write(image: Buffer): Promise<string>;
  remove(file: string): Promise<void>;
  close(): void;
}

/** An 8 × 8 white PNG: Tesseract reads it in well under a millisecond and writes only its page row. */
async function blankPng(): Promise<Buffer> {
  return sharp(Buffer.alloc(64, 255), { raw: { width: 8, height: 8, channels: 1 } })
    .toColourspace('b-w')
    .png()
    .toBuffer();
}

export async function createJobFiles(): Promise<JobFiles> {
  const dir = mkdtempSync(path.join(tmpdir(), 'intake-ocr-'));
  const sentinel = path.join(dir, 'end.png');
  writeFileSync(sentinel, await blankPng());
  let count = 0;
  // A run that ends without closing its engine (a CLI exiting) still leaves nothing behind.
  const removeAll = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeAll);
  return {
    sentinel,
    async write(image) {
      const file = path.join(dir, `${++count}.png`);
      await writeFile(file, image);
      return file;
    },
    remove: (file) => rm(file, { force: true }),
    close() {
      process.off('exit', removeAll);
      removeAll();
    },
  };
}
