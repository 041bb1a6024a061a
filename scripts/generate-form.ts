// Writes the official blank application form, printable and fillable (`npm run forms:generate`).
// The outputs are committed; run this again only after changing src/domain/application-form.ts.
import { writeFile } from 'node:fs/promises';
import { renderForm } from './samples/render-form.ts';

/** Fixed so the committed PDFs only change when the layout does. */
const FORM_DATE = new Date('2025-01-01T00:00:00Z');
const OUT_DIR = new URL('../templates/forms/', import.meta.url);

await writeFile(new URL('return-application.pdf', OUT_DIR), await renderForm({ fillable: false, date: FORM_DATE }));
await writeFile(new URL('return-application-fillable.pdf', OUT_DIR), await renderForm({ fillable: true, date: FORM_DATE }));
console.log('wrote templates/forms/return-application.pdf, templates/forms/return-application-fillable.pdf');
