// A look at a PDF's compressed streams before pdf.js parses it. pdf.js inflates every stream it touches in full, on
// the main thread: a one-page PDF whose content stream inflates to hundreds of MB of drawing operators took the
// service down (7 GB, then a crash loop), and 1 GiB of compressed zeros blocked it for a minute. Here each Flate
// stream that is not an image is inflated with a cap on its output (zlib stops there, so the bomb never
// unfolds), against one budget for the whole file. Images are left to pdf.js's pixel limit (maxImageSize):
// a scanner's Flate page images are large by nature.
import { inflateSync } from 'node:zlib';

const STREAM = /stream\r?\n/g;
/** How far back from `stream` its dictionary may start: a stream dictionary is small. */
const DICT_WINDOW = 4096;

/** Inflated bytes of the non-image streams, or the point at which they passed `budget` (`over: true`). */
export function measurePdfStreams(bytes: Buffer, budget: number): { inflated: number; over: boolean } {
  const text = bytes.toString('latin1');
  let inflated = 0;
  for (const match of text.matchAll(STREAM)) {
    const start = match.index + match[0].length;
    const dict = text.slice(Math.max(0, match.index - DICT_WINDOW), match.index);
    const open = dict.lastIndexOf('<<');
    const head = open >= 0 ? dict.slice(open) : dict;
    if (!/\/FlateDecode|\/Fl\b/.test(head) || /\/Subtype\s*\/Image/.test(head)) continue;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      inflated += inflateSync(bytes.subarray(start, end), { maxOutputLength: Math.max(1, budget - inflated + 1) }).length;
    } catch (error) {
      // Over the cap: zlib refused to produce more. Anything else is a damaged stream: pdf.js decides about those.
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { inflated: budget + 1, over: true };
      continue;
    }
    if (inflated > budget) return { inflated, over: true };
  }
  return { inflated, over: false };
}
