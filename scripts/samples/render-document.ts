// Renders one row of DOCUMENT_SAMPLES to bytes and derives its ground truth from the same application data.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import type { FieldKey, ItemKey } from '../../src/domain/application.ts';
import type { ProblemCode } from '../../src/domain/problem.ts';
import { greyToJpeg, greyToPng, photoLook, scanLook } from './degrade-image.ts';
import type { DocumentRender, DocumentSample } from './document-samples.ts';
import type { Expected } from './expected-schema.ts';
import { makeDocx } from './make-docx.ts';
import { createRandom, seedFrom } from './random.ts';
import { rasterizePdf } from './rasterize.ts';
import { renderForm } from './render-form.ts';
import { printApplication, type SampleApplication } from './sample-application.ts';
import { findApplication } from './sample-applications.ts';
import { LAYOUT_FIELDS, renderShopPage } from './render-shop-form.ts';

const A4_PT = { width: 595.28, height: 841.89 };

/** Kinds whose bytes hold a readable application; the others yield no fields whatever was rendered into them. */
const READABLE: Record<DocumentRender['kind'], ProblemCode[] | 'readable'> = {
  'text-pdf': 'readable',
  'fillable-pdf': 'readable',
  'scanned-pdf': 'readable',
  'png-scan': 'readable',
  'photo-jpeg': 'readable',
  'blank-pdf': [],
  'truncated-pdf': ['unreadable_file'],
  docx: ['unsupported_type'],
  'multipage-pdf': 'readable',
  'photo-heic': 'readable',
  'encrypted-pdf': ['encrypted_pdf'],
  'huge-png': ['too_large'],
  'truncated-jpeg': ['unreadable_file'],
};

export interface RenderedDocument {
  bytes: Buffer;
  expected: Expected;
}

function applicationOf(sample: DocumentSample): SampleApplication | undefined {
  if (sample.application === undefined || sample.layout === 'receipt' || sample.layout === 'empty') return undefined;
  const app = findApplication(sample.application).application;
  const layout = sample.layout ?? 'form';
  if (layout !== 'letter' && layout !== 'marketplace') return app;
  // Another shop's layout prints only some of our fields.
  const keep = LAYOUT_FIELDS[layout];
  return {
    fields: Object.fromEntries(Object.entries(app.fields).filter(([k]) => keep.fields.includes(k as FieldKey))),
    items: app.items.map((item) => Object.fromEntries(Object.entries(item).filter(([k]) => keep.items.includes(k as ItemKey)))),
  };
}

/** Runs a Debian tool (qpdf, heif-enc) on `input`; only the generator needs them, never the service. */
function withTool(tool: string, args: (input: string, output: string) => string[], input: Uint8Array, ext: string): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'samples-'));
  try {
    const inFile = path.join(dir, `in${ext === '.heic' ? '.jpg' : '.pdf'}`);
    const outFile = path.join(dir, `out${ext}`);
    writeFileSync(inFile, input);
    try {
      execFileSync(tool, args(inFile, outFile), { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`${tool} failed (apt-get install qpdf libheif-examples): ${error instanceof Error ? error.message : String(error)}`);
    }
    return readFileSync(outFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PNG signature, an IHDR claiming width × height greyscale pixels, a few deflated rows, IEND. */
function hugePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(0, 9); // greyscale
  const rows = Buffer.alloc((width + 1) * 4, 0xff);
  for (let r = 0; r < 4; r += 1) rows[r * (width + 1)] = 0; // filter byte
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

async function scannedPdf(pages: Buffer[], date: Date): Promise<Buffer> {
  // What a scanner's "scan to PDF" writes: one image per page, no text.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer('ScanSnap Manager #S1300i');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  for (const jpeg of pages) {
    const image = await doc.embedJpg(jpeg);
    doc.addPage([A4_PT.width, A4_PT.height]).drawImage(image, { x: 0, y: 0, width: A4_PT.width, height: A4_PT.height });
  }
  return Buffer.from(await doc.save());
}

async function renderBytes(sample: DocumentSample, date: Date): Promise<Buffer> {
  const app = sample.application === undefined ? undefined : findApplication(sample.application);
  const filled = app && printApplication(app.application, app.style, sample.language ?? 'ru');
  const layout = sample.layout ?? 'form';
  const textPdf = async (): Promise<Uint8Array> =>
    layout === 'form' ? renderForm({ filled, fillable: false, date }) : renderShopPage(layout, app, date);
  const rng = createRandom(seedFrom(sample.file));
  const r = sample.render;
  switch (r.kind) {
    case 'text-pdf':
    case 'blank-pdf':
      return Buffer.from(await textPdf());
    case 'fillable-pdf':
      return Buffer.from(await renderForm({ filled, fillable: true, date }));
    case 'truncated-pdf': {
      const whole = await textPdf();
      return Buffer.from(whole.subarray(0, Math.floor(whole.length * r.keepFraction)));
    }
    case 'docx':
      return makeDocx(r.paragraphs);
    case 'png-scan':
      return greyToPng(await scanLook(await rasterizePdf(await textPdf(), r.scan.dpi), r.scan, rng), r.scan.dpi);
    case 'scanned-pdf':
      return scannedPdf([await greyToJpeg(await scanLook(await rasterizePdf(await textPdf(), r.scan.dpi), r.scan, rng), r.jpegQuality)], date);
    case 'photo-jpeg':
      return photoLook(await rasterizePdf(await textPdf(), r.renderDpi), r.photo, rng);
    case 'multipage-pdf': {
      const cover = await PDFDocument.load(await renderShopPage('cover-letter', app, date));
      const form = await PDFDocument.load(await textPdf());
      const doc = await PDFDocument.create({ updateMetadata: false });
      doc.setProducer('Microsoft: Print To PDF');
      doc.setCreationDate(date);
      doc.setModificationDate(date);
      for (const [from, index] of [[cover, 0], [form, 0]] as const) doc.addPage((await doc.copyPages(from, [index]))[0]!);
      const whole = await doc.save();
      if (!r.scan) return Buffer.from(whole);
      const scans = [];
      for (const page of [1, 2]) scans.push(await greyToJpeg(await scanLook(await rasterizePdf(whole, r.scan.dpi, page), r.scan, rng), r.jpegQuality ?? 80));
      return scannedPdf(scans, date);
    }
    case 'photo-heic': {
      const jpeg = await photoLook(await rasterizePdf(await textPdf(), r.renderDpi), { ...r.photo, exifOrientation: 1, jpegQuality: 95 }, rng);
      return withTool('heif-enc', (input, output) => ['-q', String(r.heicQuality), '-o', output, input], jpeg, '.heic');
    }
    case 'encrypted-pdf':
      // --static-id / --static-aes-iv keep the output byte-for-byte reproducible (qpdf's testing switches).
      return withTool('qpdf', (input, output) => ['--static-id', '--static-aes-iv', '--encrypt', 'open-sesame', 'owner-secret', '256', '--', input, output], await textPdf(), '.pdf');
    case 'huge-png':
      return hugePng(r.width, r.height);
    case 'truncated-jpeg': {
      const whole = await photoLook(await rasterizePdf(await textPdf(), r.renderDpi), r.photo, rng);
      return whole.subarray(0, Math.floor(whole.length * r.keepFraction));
    }
  }
}

export function groundTruth(app: SampleApplication | undefined, problems: ProblemCode[]): Pick<Expected, 'fields' | 'items' | 'problems'> {
  return {
    fields: app ? { ...app.fields } : {},
    items: app ? app.items.map((item) => ({ ...item })) : [],
    problems,
  };
}

export async function renderDocument(sample: DocumentSample): Promise<RenderedDocument> {
  const date = new Date(sample.expect.asOf);
  const readable = READABLE[sample.render.kind];
  const implied = readable === 'readable' ? [] : readable;
  const truth = groundTruth(readable === 'readable' ? applicationOf(sample) : undefined, [...new Set([...implied, ...(sample.problems ?? [])])]);
  return {
    bytes: await renderBytes(sample, date),
    expected: { description: sample.description, ...truth, expect: sample.expect },
  };
}
