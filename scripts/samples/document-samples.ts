// The table of sample documents. A new variant (150 dpi, harsher photo, another seed) is a new row here;
// how each kind is rendered lives in render-document.ts.
import type { ProblemCode } from '../../src/domain/problem.ts';
import type { PhotoOptions, ScanOptions } from './degrade-image.ts';
import type { Expectation } from './expected-schema.ts';
import { findApplication, type ApplicationKey } from './sample-applications.ts';
import type { ShopLayout } from './render-shop-form.ts';

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
  | { kind: 'docx'; paragraphs: string[] }
  /** A cover letter on page 1, the application on page 2; as a text PDF, or scanned (one JPEG per page). */
  | { kind: 'multipage-pdf'; scan?: ScanOptions; jpegQuality?: number }
  /** A phone photo stored as HEIC (iPhone default), encoded with libheif's heif-enc at generation time. */
  | { kind: 'photo-heic'; renderDpi: number; photo: PhotoOptions; heicQuality: number }
  /** The text PDF encrypted with a user password (qpdf, AES-256). */
  | { kind: 'encrypted-pdf' }
  /** A PNG whose header claims `width` × `height` pixels, followed by a few rows of data: a pixel bomb. */
  | { kind: 'huge-png'; width: number; height: number }
  /** A phone photo cut short, as an interrupted upload leaves it. */
  | { kind: 'truncated-jpeg'; renderDpi: number; photo: PhotoOptions; keepFraction: number };

export interface DocumentSample {
  /** File name under samples/documents/; ground truth goes to the same name with `.expected.json`. */
  file: string;
  description: string;
  application?: ApplicationKey;
  language?: 'ru' | 'en';
  /** What is printed on the page: our form (default) or another layout (render-shop-form.ts). */
  layout?: 'form' | ShopLayout;
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

// ——— Samples for the accuracy benchmark (issue #3): generated customers c01…c40 in every variant. ———

type Variant = 'text' | 'fillable' | 'scan300' | 'scan150' | 'scanned-pdf' | 'photo' | 'harsh' | 'heic';

const PHOTO_MILD: PhotoOptions = {
  width: 1800,
  height: 2400,
  corners: [
    [0.07, 0.05],
    [0.93, 0.06],
    [0.95, 0.95],
    [0.05, 0.94],
  ],
  lightFalloff: 0.2,
  blurSigma: 0.6,
  noise: 2,
  jpegQuality: 85,
  exifOrientation: 1,
};

/** Shadows, steep perspective, dim light and blur: the worst photos a customer still sends. */
function harshPhoto(k: number): PhotoOptions {
  const lean = 0.03 * (k % 3);
  return {
    width: 1800,
    height: 2400,
    corners: [
      [0.12 + lean, 0.08],
      [0.86 + lean, 0.12 - lean],
      [0.97, 0.93],
      [0.03, 0.97 - lean],
    ],
    lightFalloff: 0.45,
    shadow: { through: [0.35 + 0.1 * (k % 2), 0.7], angleDeg: 120 + 15 * k, strength: 0.5, softness: 0.12 },
    blurSigma: 1.3,
    noise: 5,
    jpegQuality: 80,
    exifOrientation: k % 2 === 0 ? 6 : 1,
  };
}

const VARIANT_RENDER: Record<Variant, (k: number) => DocumentRender> = {
  text: () => ({ kind: 'text-pdf' }),
  fillable: () => ({ kind: 'fillable-pdf' }),
  scan300: (k) => ({ kind: 'png-scan', scan: { dpi: 300, skewDeg: k % 2 === 0 ? 0.6 : -0.9, noise: 0, specks: 30 } }),
  scan150: (k) => ({ kind: 'png-scan', scan: { dpi: 150, skewDeg: k % 2 === 0 ? -0.5 : 0.7, noise: 0, specks: 15 } }),
  'scanned-pdf': (k) => ({ kind: 'scanned-pdf', scan: { dpi: 300, skewDeg: k % 2 === 0 ? 1.4 : -1.2, noise: 3, specks: 50 }, jpegQuality: 70 }),
  photo: (k) => ({ kind: 'photo-jpeg', renderDpi: 200, photo: { ...PHOTO_MILD, exifOrientation: k % 3 === 0 ? 6 : 1 } }),
  harsh: (k) => ({ kind: 'photo-jpeg', renderDpi: 200, photo: harshPhoto(k) }),
  heic: () => ({ kind: 'photo-heic', renderDpi: 200, photo: PHOTO_MILD, heicQuality: 55 }),
};

const VARIANT_TEXT: Record<Variant, string> = {
  text: 'Our form typed in on a computer: a text-layer PDF.',
  fillable: 'Our fillable PDF with its form fields filled in.',
  scan300: 'Our form printed, filled and scanned to a 300 dpi greyscale PNG, slightly skewed.',
  scan150: 'Our form scanned at only 150 dpi (greyscale PNG), slightly skewed.',
  'scanned-pdf': 'A scan-to-PDF (one JPEG page, no text layer) skewed by more than a degree, with noise and specks.',
  photo: 'A phone photo of the form on a desk: mild perspective and light fall-off.',
  harsh: 'A harsh phone photo: steep perspective, a hand shadow, dim corners, blur and JPEG noise.',
  heic: 'A phone photo saved as HEIC, as iPhones do by default.',
};

/** Exact sources a careful desk approves unseen; OCR'd ones go to a person unless they check out. */
const VARIANT_REPLY: Record<Variant, 'approved' | 'needs_review'> = {
  text: 'approved',
  fillable: 'approved',
  scan300: 'approved',
  scan150: 'needs_review',
  'scanned-pdf': 'approved',
  photo: 'needs_review',
  harsh: 'needs_review',
  heic: 'needs_review',
};

const VARIANT_EXT: Record<Variant, string> = { text: 'pdf', fillable: 'pdf', scan300: 'png', scan150: 'png', 'scanned-pdf': 'pdf', photo: 'jpg', harsh: 'jpg', heic: 'heic' };

function asOf(customer: string): string {
  return `${findApplication(customer).application.fields.applicationDate}T12:30:00+03:00`;
}

function expectFor(customer: string, reply: 'approved' | 'needs_review'): Expectation {
  return {
    asOf: asOf(customer),
    reply,
    state: reply === 'approved' ? 'awaiting_shipment' : 'needs_review',
    inbound: 'processed',
    language: findApplication(customer).language ?? 'ru',
  };
}

/** Which customers appear in which variant of our form. */
const FORM_VARIANTS: Array<[Variant, string[]]> = [
  ['text', ['c01', 'c02', 'c03', 'c10', 'c21']],
  ['fillable', ['c04', 'c05', 'c06', 'c32', 'c11']],
  ['scan300', ['c07', 'c08', 'c09', 'c11', 'c12']],
  ['scan150', ['c13', 'c14', 'c15', 'c16', 'c38']],
  ['scanned-pdf', ['c17', 'c18', 'c19', 'c20']],
  ['photo', ['c22', 'c23', 'c24', 'c25', 'c26', 'c39']],
  ['harsh', ['c27', 'c28', 'c29', 'c30', 'c31']],
  ['heic', ['c33', 'c34', 'c40']],
];

let next = 10;
const seq = () => String(next++).padStart(2, '0');

for (const [variant, customers] of FORM_VARIANTS) {
  customers.forEach((customer, k) => {
    const language = findApplication(customer).language ?? 'ru';
    DOCUMENT_SAMPLES.push({
      file: `${seq()}-${variant}-${customer}.${VARIANT_EXT[variant]}`,
      description: `${VARIANT_TEXT[variant]}${language === 'en' ? ' Filled in English.' : ''}`,
      application: customer as ApplicationKey,
      language,
      render: VARIANT_RENDER[variant](k),
      expect: expectFor(customer, VARIANT_REPLY[variant]),
    });
  });
}

const LAYOUT_NOTE = 'Another shop\'s layout read by its labels: the reason is stated in words, so a person confirms it.';
DOCUMENT_SAMPLES.push(
  ...(
    [
      ['letter', 'text', 'c35', 'Another shop\'s "Заявление на возврат товара" as a Word-made PDF: passport block, "прошу произвести возврат следующих артикулов из заказа № … от …", articles table with line sums and a total, bank details in one paragraph, date in words.'],
      ['letter', 'text', 'c36', 'The same letter layout with a card refund: the full card number is written (only its last 4 digits may be kept).'],
      ['letter', 'scan300', 'c37', 'The letter layout printed, signed and scanned at 300 dpi.'],
      ['letter', 'photo', 'c38', 'The letter layout photographed on a desk.'],
      ['marketplace', 'text', 'c39', 'A marketplace\'s return form: key–value grid, table of артикул / название / размер / количество / цена / причина, refund method in words.'],
      ['marketplace', 'text', 'c40', 'The marketplace form with a bank refund; bank details as separate labelled lines.'],
      ['marketplace', 'scan300', 'c26', 'The marketplace form scanned at 300 dpi.'],
      ['marketplace', 'harsh', 'c03', 'The marketplace form in a harsh phone photo.'],
    ] as const
  ).map(([layout, variant, customer, description], k): DocumentSample => ({
    file: `${seq()}-${layout}-${variant}-${customer}.${VARIANT_EXT[variant]}`,
    description,
    application: customer,
    layout,
    render: VARIANT_RENDER[variant](k),
    expect: { ...expectFor(customer, 'needs_review'), note: LAYOUT_NOTE },
  })),
  {
    file: `${seq()}-multipage-text-c01.pdf`,
    description: 'A two-page PDF: a cover letter on page 1, our filled form (text layer) on page 2.',
    application: 'c01',
    render: { kind: 'multipage-pdf' },
    expect: expectFor('c01', 'approved'),
  },
  {
    file: `${seq()}-multipage-scanned-c12.pdf`,
    description: 'A two-page scanned PDF: a cover letter on page 1, the filled form on page 2 (300 dpi JPEG pages).',
    application: 'c12',
    render: { kind: 'multipage-pdf', scan: { dpi: 300, skewDeg: 0.5, noise: 0, specks: 20 }, jpegQuality: 75 },
    expect: expectFor('c12', 'approved'),
  },
  {
    file: `${seq()}-receipt-photo.jpg`,
    description: 'A phone photo of a shop receipt, not an application.',
    layout: 'receipt',
    render: { kind: 'photo-jpeg', renderDpi: 200, photo: PHOTO_MILD },
    problems: ['not_an_application'],
    expect: { asOf: '2025-03-12T09:10:00+03:00', reply: 'application_missing', state: 'awaiting_application', inbound: 'processed', language: 'ru' },
  },
  {
    file: `${seq()}-empty-page.png`,
    description: 'An empty white page scanned at 300 dpi.',
    layout: 'empty',
    render: { kind: 'png-scan', scan: { dpi: 300, skewDeg: 0, noise: 0, specks: 0 } },
    problems: ['no_text'],
    expect: { asOf: '2025-03-12T09:20:00+03:00', reply: 'application_missing', state: 'awaiting_application', inbound: 'processed', language: 'ru' },
  },
  {
    file: `${seq()}-encrypted.pdf`,
    description: 'Our filled form as a PDF protected with a user password (AES-256): it cannot be opened without it.',
    application: 'c02',
    render: { kind: 'encrypted-pdf' },
    expect: { ...expectFor('c02', 'needs_review'), reply: 'application_missing', state: 'awaiting_application', note: 'The reply asks for a PDF without a password.' },
  },
  {
    file: `${seq()}-huge-20000px.png`,
    description: 'A PNG whose header claims 20,000 × 20,000 pixels (400 MP): a decompression bomb, refused before decoding.',
    render: { kind: 'huge-png', width: 20_000, height: 20_000 },
    expect: { asOf: '2025-03-12T09:30:00+03:00', reply: 'application_missing', state: 'awaiting_application', inbound: 'processed', language: 'ru' },
  },
  {
    file: `${seq()}-truncated-photo.jpg`,
    description: 'A phone photo of the form cut off after 35% of its bytes.',
    application: 'c23',
    render: { kind: 'truncated-jpeg', renderDpi: 200, photo: PHOTO_MILD, keepFraction: 0.35 },
    expect: { ...expectFor('c23', 'needs_review'), reply: 'application_missing', state: 'awaiting_application' },
  },
);
