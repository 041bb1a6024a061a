// The hostile inputs of the chaos run, built on the spot (each is small to send and huge to read), and the
// e-mails that carry them.
import { randomBytes } from 'node:crypto';
import { deflateSync, createDeflate } from 'node:zlib';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

/** A one-page PDF whose single content stream is `content`, Flate-compressed (a valid xref table). */
function pdfWithContent(deflated: Buffer): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const push = (chunk: Buffer) => {
    parts.push(chunk);
    length += chunk.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`));
  });
  offsets.push(length);
  push(Buffer.from(`4 0 obj\n<< /Length ${deflated.length} /Filter /FlateDecode >>\nstream\n`));
  push(deflated);
  push(Buffer.from('\nendstream\nendobj\n'));
  const xref = length;
  push(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/**
 * Millions of drawing operators and no text: the page has to be rendered for OCR, and every operator becomes an
 * object in pdf.js's operator list. Kept under MAX_PDF_INFLATED_BYTES so that only the reader's memory cap stops it.
 */
export function operatorBombPdf(): Buffer {
  const ops = Buffer.from('0 0 m 595 842 l S\n'.repeat(1_000));
  const chunks = Array.from({ length: 3_000 }, () => ops); // ~54 MB inflated
  return pdfWithContent(deflateSync(Buffer.concat(chunks), { level: 9 }));
}

/** 1 GiB of zeros in one content stream, about 1 MB compressed. */
export async function compressedZerosPdf(): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(64 * 1024 * 1024);
  for (let i = 0; i < 16; i++) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return pdfWithContent(Buffer.concat(out));
}

/** A PDF header and 18 MB of random bytes. */
export function junkPdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(18 * 1024 * 1024)]);
}

/** A real, valid PNG of 20,000 × 20,000 black-and-white pixels (400 MP) in ~50 KB. */
export function pixelBombPng(): Buffer {
  const width = 20_000;
  const height = 20_000;
  const row = Buffer.alloc(1 + width / 8); // filter byte + 1 bit per pixel
  const raw = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)), { level: 9 });
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', raw), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

export interface Envelope {
  messageId: string;
  from: string;
  subject: string;
}

function headers(envelope: Envelope): string {
  return [
    `From: ${envelope.from}`,
    'To: info@returns-intake.local',
    `Subject: ${envelope.subject}`,
    `Message-ID: ${envelope.messageId}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
  ].join('\r\n');
}

/** An application-looking e-mail with the given attachments. */
export async function mailWith(envelope: Envelope, attachments: Array<{ filename: string; content: Buffer; contentType: string }>): Promise<Buffer> {
  const composer = new MailComposer({
    from: envelope.from,
    to: 'info@returns-intake.local',
    subject: envelope.subject,
    messageId: envelope.messageId,
    date: new Date(),
    text: 'Здравствуйте, заявление на возврат во вложении.',
    attachments,
  });
  return composer.compile().build();
}

/** multipart/mixed nested `depth` levels deep, a text part at the bottom. */
export function deepMultipart(envelope: Envelope, depth: number): Buffer {
  const lines: string[] = [headers(envelope)];
  for (let i = 0; i < depth; i++) lines.push(`Content-Type: multipart/mixed; boundary="b${i}"`, '', `--b${i}`);
  lines.push('Content-Type: text/plain; charset=utf-8', '', 'Заявление на возврат.', '');
  for (let i = depth - 1; i >= 0; i--) lines.push(`--b${i}--`, '');
  return Buffer.from(lines.join('\r\n'));
}
