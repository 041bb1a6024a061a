// The table of sample documents. A new variant (150 dpi, harsher photo, another seed) is a new row here;
// how each kind is rendered lives in render-document.ts.
import type { ProblemCode } from '../../src/domain/problem.ts';
import type { PhotoOptions, ScanOptions } from './degrade-image.ts';
import type { Expectation } from './expected-schema.ts';
import type { ApplicationKey } from './sample-applications.ts';

export type DocumentRender =
  | { kind: 'text-pdf' }
  | { kind: 'fillable-pdf' }
  | { kind: 'blank-pdf' }
  | { kind: 'scanned-pdf'; scan: ScanOptions; jpegQuality: number }
  | { kind: 'png-scan'; scan: ScanOptions }
  | { kind: 'photo-jpeg'; renderDpi: number; photo: PhotoOptions }
  /** The text PDF cut short, as a broken upload or a mail client that gave up leaves it. */
  | { kind: 'truncated-pdf'; keepFraction: number }
  /** A Word document; its bytes are the point, whatever name or type it travels under. */
  | { kind: 'docx'; paragraphs: string[] };

export interface DocumentSample {
  /** File name under samples/documents/; ground truth goes to the same name with `.expected.json`. */
  file: string;
  description: string;
  application?: ApplicationKey;
  language?: 'ru' | 'en';
  render: DocumentRender;
  /** Problems beyond those the render kind implies (see render-document.ts). */
  problems?: ProblemCode[];
  expect: Expectation;
}

const SCAN_300: ScanOptions = { dpi: 300, skewDeg: 0.8, noise: 0, specks: 40 };

export const DOCUMENT_SAMPLES: DocumentSample[] = [
  {
    file: '01-text-layer.pdf',
    description: 'Our form filled in on a computer: a PDF with a text layer (SPEC worked example, T-shirt back, refund to a bank account).',
    application: 'kovaleva',
    render: { kind: 'text-pdf' },
    expect: { asOf: '2025-03-09T10:14:05+03:00', reply: 'approved', state: 'awaiting_shipment', inbound: 'processed', language: 'ru' },
  },
  {
    file: '02-fillable-filled.pdf',
    description: 'Our fillable PDF with its AcroForm fields filled in (defective jacket, refund to a card).',
    application: 'sokolov',
    render: { kind: 'fillable-pdf' },
    expect: { asOf: '2025-03-09T19:40:12+03:00', reply: 'approved', state: 'awaiting_shipment', inbound: 'processed', language: 'ru' },
  },
  {
    file: '03-scanned.pdf',
    description: 'The filled form scanned to PDF at 300 dpi: one greyscale JPEG page image, no text layer, skewed 0.8°.',
    application: 'morozova',
    render: { kind: 'scanned-pdf', scan: { dpi: 300, skewDeg: -0.8, noise: 4, specks: 60 }, jpegQuality: 80 },
    expect: { asOf: '2025-03-10T11:05:44+03:00', reply: 'approved', state: 'awaiting_shipment', inbound: 'processed', language: 'ru' },
  },
  {
    file: '04-scan-300dpi.png',
    description: 'The filled form scanned to a 300 dpi greyscale PNG, skewed 0.8°: a made-to-order coat returned as proper quality.',
    application: 'lebedeva',
    render: { kind: 'png-scan', scan: SCAN_300 },
    expect: {
      asOf: '2025-03-10T15:22:31+03:00',
      reply: 'rejected',
      state: 'rejected',
      inbound: 'processed',
      language: 'ru',
      reasons: ['custom_made'],
      note: 'Items made to individual order are not returnable when of proper quality (SPEC §2).',
    },
  },
  {
    file: '05-phone-photo.jpg',
    description:
      'A phone photo of the filled form on a desk: perspective, light falling off, a hand shadow, slight blur; ' +
      'pixels stored sideways with EXIF orientation 6. Two items.',
    application: 'petrenko',
    render: {
      kind: 'photo-jpeg',
      renderDpi: 200,
      photo: {
        width: 1800,
        height: 2400,
        corners: [
          [0.09, 0.06],
          [0.9, 0.085],
          [0.955, 0.955],
          [0.045, 0.935],
        ],
        lightFalloff: 0.3,
        shadow: { through: [0.28, 0.8], angleDeg: 135, strength: 0.35, softness: 0.08 },
        blurSigma: 0.9,
        noise: 3,
        jpegQuality: 85,
        exifOrientation: 6,
      },
    },
    expect: {
      asOf: '2025-03-11T21:03:17+03:00',
      reply: 'needs_review',
      state: 'needs_review',
      inbound: 'processed',
      language: 'ru',
      note: 'Every value is legible to a person, but a phone photo read by OCR is not certain enough to approve unseen.',
    },
  },
  {
    file: '06-blank-form.pdf',
    description: 'Our printable form, not filled in: someone sent the blank form back.',
    render: { kind: 'blank-pdf' },
    problems: ['not_an_application'],
    expect: { asOf: '2025-03-10T09:00:00+03:00', reply: 'application_missing', state: 'awaiting_application', inbound: 'processed', language: 'ru' },
  },
  {
    file: '07-english-text-layer.pdf',
    description: 'Our form filled in English by a customer abroad (international order, card refund), text layer.',
    application: 'thompson',
    language: 'en',
    render: { kind: 'text-pdf' },
    expect: { asOf: '2025-03-10T18:45:00+00:00', reply: 'approved', state: 'awaiting_shipment', inbound: 'processed', language: 'en' },
  },
  {
    file: '08-truncated.pdf',
    description: 'A filled text PDF cut off after 45% of its bytes (no xref, no trailer).',
    application: 'kuznetsova',
    render: { kind: 'truncated-pdf', keepFraction: 0.45 },
    expect: {
      asOf: '2025-03-10T20:11:09+03:00',
      reply: 'application_missing',
      state: 'awaiting_application',
      inbound: 'processed',
      language: 'ru',
      note: 'The only document cannot be read, so there is no application yet; the reply asks for it again.',
    },
  },
  {
    file: '09-docx-named-jpg.jpg',
    description: 'A Word document saved under a .jpg name (and sent as image/jpeg): the bytes are a zip, not an image.',
    render: {
      kind: 'docx',
      paragraphs: ['Заявление на возврат товара', 'Номер заказа: 4828-1175', 'Прошу вернуть худи, размер не подошёл.'],
    },
    expect: {
      asOf: '2025-03-11T08:30:00+03:00',
      reply: 'application_missing',
      state: 'awaiting_application',
      inbound: 'processed',
      language: 'ru',
      note: 'A .docx is not a document we read; the reply asks for a scan, photo or PDF.',
    },
  },
];
