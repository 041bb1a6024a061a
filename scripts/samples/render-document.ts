// Renders one row of DOCUMENT_SAMPLES to bytes and derives its ground truth from the same application data.
import { PDFDocument } from 'pdf-lib';
import type { ProblemCode } from '../../src/domain/problem.ts';
import { greyToJpeg, greyToPng, photoLook, scanLook } from './degrade-image.ts';
import type { DocumentRender, DocumentSample } from './document-samples.ts';
import type { Expected } from './expected-schema.ts';
import { makeDocx } from './make-docx.ts';
import { createRandom, seedFrom } from './random.ts';
import { rasterizePdf } from './rasterize.ts';
import { renderForm } from './render-form.ts';
import { printApplication, type SampleApplication } from './sample-application.ts';
import { SAMPLE_APPLICATIONS } from './sample-applications.ts';

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
};

export interface RenderedDocument {
  bytes: Buffer;
  expected: Expected;
}

function applicationOf(sample: DocumentSample): SampleApplication | undefined {
  return sample.application === undefined ? undefined : SAMPLE_APPLICATIONS[sample.application].application;
}

async function renderBytes(sample: DocumentSample, date: Date): Promise<Buffer> {
  const app = sample.application === undefined ? undefined : SAMPLE_APPLICATIONS[sample.application];
  const filled = app && printApplication(app.application, app.style, sample.language ?? 'ru');
  const textPdf = async (): Promise<Uint8Array> => renderForm({ filled, fillable: false, date });
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
    case 'scanned-pdf': {
      const jpeg = await greyToJpeg(await scanLook(await rasterizePdf(await textPdf(), r.scan.dpi), r.scan, rng), r.jpegQuality);
      // What a scanner's "scan to PDF" writes: one page, one image, no text.
      const doc = await PDFDocument.create({ updateMetadata: false });
      doc.setProducer('ScanSnap Manager #S1300i');
      doc.setCreationDate(date);
      doc.setModificationDate(date);
      const image = await doc.embedJpg(jpeg);
      doc.addPage([A4_PT.width, A4_PT.height]).drawImage(image, { x: 0, y: 0, width: A4_PT.width, height: A4_PT.height });
      return Buffer.from(await doc.save());
    }
    case 'photo-jpeg':
      return photoLook(await rasterizePdf(await textPdf(), r.renderDpi), r.photo, rng);
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
