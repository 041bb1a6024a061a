// OCR of one page image: decode and prepare it (orientation, scale, lighting), read our form's zones when the
// page is our form, otherwise the whole page (rules removed), within the time limit; every failure becomes a
// problem value.
import type Tesseract from 'tesseract.js';
import type { PageText } from '../../domain/document.ts';
import { problem, type Problem } from '../../domain/problem.ts';
import { cleanForOcr, decodePage, encodePrepared } from '../images/prepare-for-ocr.ts';
import type { GreyImage } from '../images/warp-region.ts';
import type { OcrEngine, OcrOutcome } from '../ocr/ocr-engine.ts';
import type { DocumentLimits } from './document-limits.ts';
import { deskewPage } from '../images/deskew-page.ts';
import { splitIntoStrips } from '../images/split-into-strips.ts';
import { boxesOnPhoto, flattenPage } from './flatten-page.ts';
import { readFormZones } from './read-form-zones.ts';
import { readMissedInk } from './read-missed-ink.ts';
import { rereadAddresses } from './reread-addresses.ts';
import { placeBoxReadings, readCharacterBoxes } from './reread-character-boxes.ts';
import { rereadDigitWords } from './reread-digit-words.ts';
import { rereadOtherScript } from './reread-other-script.ts';
import { firstChanges } from './stack-word-cuts.ts';

const SPARSE_TEXT = '11' as Tesseract.PSM;

export interface OcrPageResult {
  page?: PageText;
  problems: Problem[];
  /** How the page was read: zones of our form, or the whole page. */
  mode?: 'zones' | 'full_page';
}

export interface OcrPageInput {
  /** Document name, used as the problem's field. */
  name: string;
  image: Buffer;
  pageNumber: number;
  /** Frame of a multi-page TIFF, 0-based. */
  frame?: number;
}

export interface OcrPageOptions {
  /** Try zone OCR of our form first (default true). */
  zones?: boolean;
  /** Strips a full page is cut into and read at once (default 1); as many as the OCR pool has workers. */
  strips?: number;
}

export async function ocrPage(ocr: OcrEngine, limits: DocumentLimits, input: OcrPageInput, options: OcrPageOptions = {}): Promise<OcrPageResult> {
  const { name, pageNumber } = input;
  const decoding = decodePage(input.image, { maxPixels: limits.maxPixels, page: input.frame });
  // A page of another layout is read in strips by sparse-text OCR: their processes start now, while the image is
  // decoded off this thread, and load their models while it is prepared. On our own form they are not needed;
  // they wait for the next page (an engine ends them when none comes).
  ocr.prepare?.({ psm: SPARSE_TEXT }, options.strips ?? 1);
  let grey: GreyImage;
  try {
    grey = await decoding;
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error);
    const code = /pixel limit/i.test(message) ? 'too_large' : 'unreadable_file';
    return { problems: [problem(name, code, `page ${pageNumber}: image could not be decoded (${message})`)] };
  }
  const deadline = Date.now() + limits.ocrSeconds * 1000;
  // The page's time limit covers every attempt.
  const remaining = () => Math.max(1, deadline - Date.now());
  // A photographed sheet is flattened first: our form's table may be found on the flat page (a second zone
  // pass), and full-page OCR drops fewer lines without the perspective. The flattening starts while our form's
  // title is looked for: that is OCR on a worker, this is work here, and another shop's page needs both.
  const flattening = flattenPage(input.image, grey, input.frame).catch(() => undefined);
  if (options.zones !== false) {
    const zones = await readFormZones(ocr, grey, pageNumber, remaining());
    if (zones.status === 'read') return { page: zones.page, problems: [], mode: 'zones' };
    if (zones.status === 'ocr_problem') return { problems: [ocrProblem(name, pageNumber, zones.outcome)] };
  }
  const flat = await flattening;
  if (flat && options.zones !== false) {
    const zones = await readFormZones(ocr, flat.image, pageNumber, remaining());
    if (zones.status === 'read') return { page: boxesOnPhoto(zones.page, flat, grey), problems: [], mode: 'zones' };
    if (zones.status === 'ocr_problem') return { problems: [ocrProblem(name, pageNumber, zones.outcome)] };
  }
  // Sparse-text segmentation: every cell of a form or a table is read as its own block, where "one column of
  // lines" joins two tables printed side by side into lines that mix both. The layout reader puts the words
  // back into rows and cells by their boxes. The page is read in strips at once, one per OCR worker.
  // A page that could not be flattened is at least levelled: rules then come out, and text lines run straight. Not
  // beside the form check: on our own form's scans that cost ~60 ms (11 %) for ~50 ms won on other layouts.
  const level = flat ?? (await deskewPage(grey));
  const page = level?.image ?? grey;
  // Every strip goes to OCR before any other work on the page here: the page waits for its last strip. A strip's
  // PNG is encoded off this thread while the next strip's rules come out here; the character boxes below wait
  // until every strip's job has reached its process or worker.
  const sent = splitIntoStrips(page, options.strips ?? 1, { byStrokes: !flat }).map((strip) => {
    const clean = cleanForOcr(strip.image);
    const encoded = encodePrepared(clean);
    const reading = encoded.then((image) => ocr.recognize({ ...image, page: pageNumber, psm: SPARSE_TEXT, timeoutMs: remaining() }));
    // Handled where it is awaited below; until then a failed encoding must not count as an unhandled rejection.
    reading.catch(() => undefined);
    return { strip, clean, encoded, reading };
  });
  await Promise.all(sent.map((s) => s.encoded.catch(() => undefined)));
  await new Promise((resolve) => setImmediate(resolve));
  const outcomes = await Promise.all(
    sent.map(async ({ strip, clean, reading }) => {
      // Characters written in boxes are read on their own, beside the page's reading, and placed last: two models
      // agreeing on a box's inside outweigh any reading of it below.
      const boxReadings = readCharacterBoxes(ocr, strip.image, clean, pageNumber, remaining).catch(() => []);
      const outcome = await reading;
      if (outcome.status !== 'done') return { strip, outcome };
      // Print the sparse read dropped gets a focused second read, in the same strip's worker.
      // Addresses and numbers get a second reading with the English model, which tells a monospaced 3 from a 5
      // and keeps Cyrillic out of an address, and words read in the wrong script one with the other script's
      // model. The second reads use other workers, so they run side by side. Where two of them changed one
      // word, an address's reading wins over a number's: a word with an "@" is an address.
      const first = outcome.page.words ?? [];
      const [missed, ...rereads] = await Promise.all([
        readMissedInk(ocr, clean, first, pageNumber, remaining),
        rereadAddresses(ocr, clean, first, pageNumber, remaining),
        rereadDigitWords(ocr, clean, first, pageNumber, remaining),
        rereadOtherScript(ocr, clean, first, pageNumber, remaining),
      ]);
      // A word an address's reading took in is left empty by it, and dropped.
      const reread = [...firstChanges(first, rereads).filter((w) => w.text !== ''), ...missed];
      const words = placeBoxReadings(reread, await boxReadings);
      return { strip, outcome: { ...outcome, page: { ...outcome.page, words } } };
    }),
  );
  const failed = outcomes.find((o) => o.outcome.status !== 'done');
  if (failed) return { problems: [ocrProblem(name, pageNumber, failed.outcome as Exclude<OcrOutcome, { status: 'done' }>)] };
  const read = joinStrips(outcomes.map((o) => ({ top: o.strip.top, page: (o.outcome as Extract<OcrOutcome, { status: 'done' }>).page })), page, pageNumber);
  return { page: level ? boxesOnPhoto(read, level, grey) : read, problems: [], mode: 'full_page' };
}

/** The strips' lines and words as one page, moved down by where each strip starts. */
function joinStrips(parts: Array<{ top: number; page: PageText }>, page: GreyImage, pageNumber: number): PageText {
  const lines = parts.flatMap(({ top, page: p }) => p.lines.map((l) => (l.box ? { ...l, box: { ...l.box, y: l.box.y + top } } : l)));
  const words = parts.flatMap(({ top, page: p }) => (p.words ?? []).map((w) => ({ ...w, y0: w.y0 + top, y1: w.y1 + top })));
  return { page: pageNumber, lines, words, width: page.width, height: page.height };
}

function ocrProblem(name: string, pageNumber: number, outcome: Exclude<OcrOutcome, { status: 'done' }>): Problem {
  return outcome.status === 'timeout'
    ? problem(name, 'ocr_timeout', `page ${pageNumber}: OCR did not finish within ${outcome.seconds} s`)
    : problem(name, 'ocr_failed', `page ${pageNumber}: ${outcome.message}`);
}
