// The files a running Tesseract reads its jobs from: customer images, so they live in a private folder and go as
// soon as their job is read, and the folder goes with the engine.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createJobFiles } from '../../../../src/adapters/ocr/job-files.ts';

describe('job files', () => {
  it('keeps each image in a private folder until it is removed, and the folder until closed', async () => {
    const files = await createJobFiles();
    const dir = path.dirname(files.sentinel);
    try {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      const file = await files.write(Buffer.from('image bytes'));
      expect(path.dirname(file)).toBe(dir);
      expect(await readFile(file, 'utf8')).toBe('image bytes');
      await files.remove(file);
      expect(existsSync(file)).toBe(false);
    } finally {
      files.close();
    }
    expect(existsSync(dir)).toBe(false);
  });

  it('writes a blank sentinel image Tesseract can read', async () => {
    const files = await createJobFiles();
    try {
      const { width, height, channels } = await sharp(files.sentinel).metadata();
      expect({ width, height, channels }).toEqual({ width: 8, height: 8, channels: 1 });
      const { data } = await sharp(files.sentinel).raw().toBuffer({ resolveWithObject: true });
      expect(Math.min(...data)).toBe(255);
    } finally {
      files.close();
    }
  });
});
