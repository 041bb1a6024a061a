// Measures full-page OCR of a 300 dpi A4 form image through the document reader (preparation + OCR).
// Run: npx tsx bench/ocr-bench.ts [poolSize=2] [pages=8]
import sharp from 'sharp';
import { createDocumentReader } from '../src/adapters/documents/create-document-reader.ts';
import { OcrPool } from '../src/adapters/ocr/ocr-pool.ts';
import { FORM_CHOICES, FORM_FIELDS, FORM_ITEMS_TABLE, FORM_TITLE_RU } from '../src/domain/application-form.ts';

const PX_PER_MM = 2480 / 210;
const mm = (v: number) => Math.round(v * PX_PER_MM);

const values: Record<string, string> = {
  orderNumber: '4821-5567', orderDate: '12.03.2024', receivedDate: '15.03.2024', fullName: 'Иванов Иван Иванович',
  email: 'ivanov@example.ru', phone: '+7 916 123-45-67', reasonText: 'Не подошёл размер', bik: '044525225',
  account: '40817810938160925982', corrAccount: '30101810400000000225', accountHolder: 'Иванов Иван Иванович',
  cardLast4: '4242', applicationDate: '16.03.2024',
};

/** The project's form, filled in, drawn at 300 dpi (2480 × 3508). */
function formSvg(): string {
  const parts: string[] = [`<text x="${mm(50)}" y="${mm(25)}" font-size="${mm(6)}">${FORM_TITLE_RU}</text>`];
  for (const f of FORM_FIELDS) {
    const base = mm(f.zone.y + 6);
    parts.push(`<text x="${mm(15)}" y="${base}" font-size="${mm(3.5)}">${f.labelRu} / ${f.labelEn}:</text>`);
    parts.push(`<text x="${mm(f.zone.x + 2)}" y="${base}" font-size="${mm(4)}">${values[f.key] ?? ''}</text>`);
    parts.push(`<line x1="${mm(f.zone.x)}" y1="${base + 8}" x2="${mm(f.zone.x + f.zone.width)}" y2="${base + 8}" stroke="black" stroke-width="3"/>`);
  }
  const t = FORM_ITEMS_TABLE;
  for (let r = 0; r <= 3; r++) {
    const y = mm(t.y + r * t.rowHeight);
    parts.push(`<line x1="${mm(15)}" y1="${y}" x2="${mm(195)}" y2="${y}" stroke="black" stroke-width="3"/>`);
    t.columns.forEach((c, i) => {
      const label = r === 0 ? `${c.labelRu}` : ['SKU-1001', 'Юбка', 'M', '1', '4000.00', 'размер'][i];
      parts.push(`<text x="${mm(c.x + 1)}" y="${y + mm(5.5)}" font-size="${mm(3.2)}">${label}</text>`);
    });
  }
  for (const group of [FORM_CHOICES.reason, FORM_CHOICES.refundMethod]) {
    group.options.forEach((o, i) => {
      parts.push(`<text x="${mm(15)}" y="${mm(group.y + 6 + i * 7)}" font-size="${mm(3.5)}">[${i === 0 ? 'X' : ' '}] ${o.labelRu} / ${o.labelEn}</text>`);
    });
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="2480" height="3508"><rect width="100%" height="100%" fill="white"/>
    <g font-family="DejaVu Sans" fill="black">${parts.join('\n')}</g></svg>`;
}

const size = Number(process.argv[2] ?? 2);
const pages = Number(process.argv[3] ?? 8);
// A scan, not a clean render: JPEG as a scanner would produce it.
const image = await sharp(Buffer.from(formSvg())).jpeg({ quality: 85 }).toBuffer();
if (process.env.SAVE_FORM) (await import("node:fs")).writeFileSync(process.env.SAVE_FORM, image);

let t = performance.now();
const pool = await OcrPool.start({ langPath: new URL('../ocr-data', import.meta.url).pathname, size });
console.log(`pool of ${size} started in ${Math.round(performance.now() - t)} ms, RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB`);
const reader = createDocumentReader({ ocr: pool });

t = performance.now();
const one = await reader.read('form.jpg', image);
const single = performance.now() - t;
const found = one.pages[0]?.lines.length ?? 0;
console.log(`one page alone: ${(single / 1000).toFixed(2)} s, ${found} lines, problems: ${JSON.stringify(one.problems)}; peak RSS so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);

t = performance.now();
const docs = await Promise.all(Array.from({ length: pages }, (_, i) => reader.read(`form-${i}.jpg`, image)));
const wall = performance.now() - t;
console.log(`${pages} pages with ${size} workers: ${(wall / 1000).toFixed(2)} s wall, ${(wall / pages / 1000).toFixed(2)} s/page throughput`);
console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
console.log('sample:', docs[0]?.pages[0]?.lines.slice(0, 8).map((l) => `${l.confidence.toFixed(2)} ${l.text}`).join('\n  '));
await pool.close();
