// The obvious alternative the benchmark compares against: the native `tesseract` CLI on the whole page,
// single-threaded (OMP_THREAD_LIMIT=1 is faster than its default threading on 2 cores). Its TSV output is
// turned into the same PageText lines our OCR produces, so the project's own parser reads both.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PageText, TextLine } from '../../src/domain/document.ts';

const run = promisify(execFile);

export const NATIVE_INSTALL_HINT = 'apt-get install -y tesseract-ocr tesseract-ocr-rus';

/**
 * The installed Tesseract's version, or undefined when it is missing or lacks the Russian or English model: read with
 * English alone it would be faster and read far less (87 of 298 devset fields instead of 173), a false comparison.
 */
export async function nativeTesseractVersion(): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await run('tesseract', ['--version']);
    const langs = await run('tesseract', ['--list-langs']);
    const installed = new Set(`${langs.stdout}`.split('\n').map((l) => l.trim()));
    if (!installed.has('rus') || !installed.has('eng')) return undefined;
    return `${stdout}${stderr}`.split('\n')[0]?.trim();
  } catch {
    return undefined;
  }
}

/** OCR of one image file; `psm` as given to the CLI (its default, 3, is what a plain call does). */
export async function nativeTesseract(file: string, pageNumber = 1, psm = '3'): Promise<PageText> {
  const { stdout } = await run('tesseract', [file, 'stdout', '-l', 'rus+eng', '--psm', psm, 'tsv'], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return tsvToPageText(stdout, pageNumber);
}

/** TSV rows are words (level 5) keyed by block, paragraph and line; one TextLine per line. */
export function tsvToPageText(tsv: string, pageNumber: number): PageText {
  const lines = new Map<string, { words: string[]; confs: number[]; x0: number; y0: number; x1: number; y1: number }>();
  let width: number | undefined;
  let height: number | undefined;
  for (const row of tsv.split('\n').slice(1)) {
    const cols = row.split('\t');
    if (cols.length < 12) continue;
    const [level, , block, par, line, , left, top, w, h, conf, text] = cols;
    if (level === '1') {
      width = Number(w);
      height = Number(h);
    }
    if (level !== '5' || !text || text.trim() === '') continue;
    const key = `${block}.${par}.${line}`;
    const x = Number(left);
    const y = Number(top);
    const entry = lines.get(key) ?? { words: [], confs: [], x0: x, y0: y, x1: x, y1: y };
    entry.words.push(text.trim());
    entry.confs.push(Number(conf));
    entry.x0 = Math.min(entry.x0, x);
    entry.y0 = Math.min(entry.y0, y);
    entry.x1 = Math.max(entry.x1, x + Number(w));
    entry.y1 = Math.max(entry.y1, y + Number(h));
    lines.set(key, entry);
  }
  const out: TextLine[] = [...lines.values()].map((l) => ({
    text: l.words.join(' '),
    confidence: Math.min(1, Math.max(0, l.confs.reduce((s, c) => s + c, 0) / l.confs.length / 100)),
    box: { page: pageNumber, x: l.x0, y: l.y0, width: l.x1 - l.x0, height: l.y1 - l.y0 },
  }));
  return { page: pageNumber, lines: out, ...(width ? { width } : {}), ...(height ? { height } : {}) };
}
