// Our own form (templates/forms, RI-FORM-2), printed and filled in by hand: the hand-filled devset's applications
// (`generate.mjs --hand`, their ground truth) written onto our form with the devset's own handwriting (its fonts,
// inks and per-letter jitter, lib/hand.mjs), then scanned and photographed with the devset's degradations
// (lib/variants.mjs). The output is a devset cache folder, so `score.mjs --cache OUT` scores it like any other.
//
//   npx tsx bench/hand-form/generate-hand-form.ts [--devset ../shared/devset] [--hand /tmp/devset-hand] [--out /tmp/devset-ourform]
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { A4_MM, combCell, FORM_CHOICES, FORM_FIELDS, FORM_ITEMS_TABLE, quantityComb } from '../../src/domain/application-form.ts';
import { checkboxRegion } from '../../src/adapters/documents/form-zones.ts';
import { rasterizePdf } from '../../scripts/samples/rasterize.ts';
import { renderForm } from '../../scripts/samples/render-form.ts';

const { values: opt } = parseArgs({ options: { devset: { type: 'string' }, hand: { type: 'string' }, out: { type: 'string' } } });
const devset = path.resolve(opt.devset ?? '../shared/devset');
const handCache = path.resolve(opt.hand ?? '/tmp/devset-hand');
const out = path.resolve(opt.out ?? '/tmp/devset-ourform');
const npmDir = path.join(handCache, 'npm');

const { handFonts, handPlan } = await import(path.join(devset, 'lib/hand.mjs'));
const { openRenderer } = await import(path.join(devset, 'lib/render.mjs'));
const variants = await import(path.join(devset, 'lib/variants.mjs'));
const { makeRng } = await import(path.join(devset, 'lib/rand.mjs'));

/** CSS px (96 dpi, the renderer's A4 page) per millimetre. */
const PX = 96 / 25.4;
type Gt = { id: string; fields: Record<string, { value: string | number }>; items: Array<Record<string, { value: string | number }>> };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const span = (x: number, y: number, w: number, h: number, text: string, centre: boolean) =>
  `<div class="fill${centre ? ' c' : ''}" style="left:${(x * PX).toFixed(1)}px;top:${(y * PX).toFixed(1)}px;width:${(w * PX).toFixed(1)}px;height:${(h * PX).toFixed(1)}px">${esc(text)}</div>`;

/** What a customer writes in a field of our form for a canonical value: dates as DD.MM.YYYY, the rest as is. */
function written(key: string, value: string): string {
  const iso = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  if (iso && key.endsWith('Date')) return `${iso[3]}.${iso[2]}.${iso[1]}`;
  if (key === 'price') return value.replace(/\.00$/, '');
  return value;
}

function fills(gt: Gt): string[] {
  const parts: string[] = [];
  for (const field of FORM_FIELDS) {
    const v = gt.fields[field.key]?.value;
    if (v === undefined) continue;
    const text = written(field.key, String(v));
    const { zone } = field;
    if (field.comb) {
      [...text].forEach((ch, i) => {
        if (i >= field.comb!.cells || field.comb!.printed?.[i] !== undefined) return;
        const cell = combCell(field, i);
        parts.push(span(cell.x, cell.y, cell.width, cell.height, ch, true));
      });
    } else {
      parts.push(span(zone.x + 1, zone.y, zone.width - 1, zone.height - 1.2, text, false));
    }
  }
  const t = FORM_ITEMS_TABLE;
  gt.items.slice(0, t.maxRows).forEach((item, r) => {
    const top = t.y + t.rowHeight * (r + 1);
    for (const col of t.columns) {
      const v = item[col.key]?.value;
      if (v === undefined) continue;
      if (col.key === 'quantity') {
        const comb = quantityComb(r);
        [...String(v)].slice(0, comb.comb.cells).forEach((ch, i) => {
          const cell = combCell(comb, i);
          parts.push(span(cell.x, cell.y, cell.width, cell.height, ch, true));
        });
        continue;
      }
      parts.push(span(col.x + 0.8, top + 0.6, col.width - 1.2, t.rowHeight - 1.4, written(col.key, String(v)), false));
    }
  });
  // A tick is a handwritten X in the chosen box.
  for (const group of ['reason', 'refundMethod'] as const) {
    const i = FORM_CHOICES[group].options.findIndex((o) => o.value === gt.fields[group]?.value);
    if (i < 0) continue;
    const box = checkboxRegion(group, i);
    parts.push(span(box.x - 0.6, box.y - 0.6, box.width + 1.2, box.height + 1.2, 'X', true));
  }
  return parts;
}

const gtDir = path.join(handCache, 'forms', 'gt');
const apps = readdirSync(gtDir).filter((f) => /^cardform-\d+\.json$/.test(f)).sort();
const blank = await rasterizePdf(await renderForm({ fillable: false, date: new Date('2025-01-01T00:00:00Z') }), 300);
const background = `data:image/png;base64,${blank.toString('base64')}`;

rmSync(path.join(out, 'forms'), { recursive: true, force: true });
mkdirSync(path.join(out, 'forms', 'gt'), { recursive: true });
const work = path.join(out, 'work');
mkdirSync(work, { recursive: true });
const sheets = handFonts(npmDir);
const renderer = await openRenderer(npmDir);
const manifest: Array<Record<string, unknown>> = [];
try {
  for (const file of apps) {
    const gt = JSON.parse(readFileSync(path.join(gtDir, file), 'utf8')) as Gt;
    const id = `ourform-${gt.id.replace(/^cardform-/, '')}`;
    writeFileSync(path.join(out, 'forms', 'gt', `${id}.json`), JSON.stringify({ ...gt, id, layout: 'ourform' }, null, 1));
    const html = path.join(work, `${id}.html`);
    writeFileSync(
      html,
      `<!doctype html><html><head><meta charset="utf-8"><style>
        html,body{margin:0}.page{position:relative;width:${(A4_MM.width * PX).toFixed(0)}px;height:${(A4_MM.height * PX).toFixed(0)}px;overflow:hidden}
        .page>img{position:absolute;left:0;top:0;width:100%;height:100%}
        .fill{position:absolute;display:flex;align-items:flex-end;font-size:11pt;line-height:1;white-space:nowrap}.fill.c{justify-content:center}
      </style></head><body><div class="page"><img src="${background}">${fills(gt).join('')}</div></body></html>`,
    );
    const clean = path.join(work, `${id}.png`);
    await renderer.png(html, clean, { hand: { plan: handPlan(makeRng(`ourform/${id}/hand`)), sheets } });
    const dir = path.join(out, 'forms', 'files', id);
    mkdirSync(dir, { recursive: true });
    const rng = makeRng(`ourform/${id}/variants`);
    const add = (name: string, variant: string) => manifest.push({ file: `files/${id}/${name}`, layout: 'ourform', variant, gt: `gt/${id}.json`, app: id });
    await variants.png300(clean, path.join(dir, 'scan.png'));
    add('scan.png', 'png300');
    await variants.scanPdf(clean, path.join(dir, 'scan.pdf'), rng, path.join(work, id));
    add('scan.pdf', 'pdf_scan');
    await variants.phonePhoto(clean, path.join(dir, 'photo.jpg'), rng, path.join(work, id));
    add('photo.jpg', 'photo');
    process.stderr.write(`${id} `);
  }
} finally {
  await renderer.close();
}
writeFileSync(path.join(out, 'forms', 'manifest.json'), JSON.stringify({ version: 1, seed: 'ourform', hand: true, generator: 'bench/hand-form/generate-hand-form.ts', files: manifest }, null, 1));
process.stderr.write(`\n${manifest.length} files in ${path.join(out, 'forms')}\n`);
