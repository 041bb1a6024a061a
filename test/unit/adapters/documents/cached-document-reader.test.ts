import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedDocumentReader } from '../../../../src/adapters/documents/cached-document-reader.ts';
import type { ExtractedDocument } from '../../../../src/domain/document.ts';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

function countingReader() {
  const calls: string[] = [];
  return {
    calls,
    async read(name: string, bytes: Buffer): Promise<ExtractedDocument> {
      calls.push(name);
      return { name, kind: 'text', mimeType: 'text/plain', bytes: bytes.length, sha256: '', pageCount: 1, pages: [{ page: 1, lines: [{ text: bytes.toString(), confidence: 1 }] }], problems: [] };
    },
  };
}

describe('cachedDocumentReader (EXTRACT_CACHE_DIR)', () => {
  it('extracts the same bytes once and answers again from disk, under the name asked for', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'extract-cache-'));
    dirs.push(dir);
    const inner = countingReader();
    const reader = cachedDocumentReader(inner, dir, 'wasm');
    const first = await reader.read('a.txt', Buffer.from('Номер заказа: 1'));
    const again = await reader.read('b.txt', Buffer.from('Номер заказа: 1'));
    const other = await reader.read('c.txt', Buffer.from('Номер заказа: 2'));
    expect(inner.calls).toEqual(['a.txt', 'c.txt']);
    expect(again).toEqual({ ...first, name: 'b.txt' });
    expect(other.pages[0]!.lines[0]!.text).toBe('Номер заказа: 2');
    expect((await readdir(dir)).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });

  it('keeps what another OCR engine extracted apart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'extract-cache-'));
    dirs.push(dir);
    const inner = countingReader();
    await cachedDocumentReader(inner, dir, 'wasm').read('a.png', Buffer.from('scan'));
    await cachedDocumentReader(inner, dir, 'auto').read('a.png', Buffer.from('scan'));
    await cachedDocumentReader(inner, dir, 'wasm').read('a.png', Buffer.from('scan'));
    expect(inner.calls).toEqual(['a.png', 'a.png']);
  });
});
