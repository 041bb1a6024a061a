// The committed samples and their ground truth agree with each other, with SPEC §3's canonical forms and
// with the bank control-key rules, so a test that trusts expected.json trusts something checked.
import { readdir, readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { OrderSchema } from '../../../src/domain/order.ts';
import { corrAccountKeyValid, settlementAccountKeyValid } from '../../../src/domain/validation/account-control-key.ts';
import { checkGroundTruth } from '../../../scripts/samples/check-ground-truth.ts';
import { ExpectedSchema, type Expected } from '../../../scripts/samples/expected-schema.ts';

const SAMPLES = new URL('../../../samples/', import.meta.url);
const EXPECTED_SUFFIX = '.expected.json';

async function samplesIn(dir: string): Promise<{ file: string; expectedFile: string }[]> {
  const names = await readdir(new URL(`${dir}/`, SAMPLES));
  return names
    .filter((n) => !n.endsWith(EXPECTED_SUFFIX) && !n.startsWith('.'))
    .map((file) => ({ file: `${dir}/${file}`, expectedFile: `${dir}/${file.replace(/\.[^.]+$/, '')}${EXPECTED_SUFFIX}` }));
}

async function readExpected(path: string): Promise<Expected> {
  return ExpectedSchema.parse(JSON.parse(await readFile(new URL(path, SAMPLES), 'utf8')));
}

const all = [...(await samplesIn('documents')), ...(await samplesIn('emails'))];

describe('samples', () => {
  it('has the documents and e-mails the project relies on', () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const name of ['01-text-pdf', '06-no-attachment', '07-out-of-office', '09-duplicate', '12-application-in-body', '13-english']) {
      expect(all.map((s) => s.file)).toContain(`emails/${name}.eml`);
    }
  });

  it.each(all)('$file has a valid, canonical expected.json', async ({ expectedFile }) => {
    const expected = await readExpected(expectedFile);
    expect(checkGroundTruth(expected)).toEqual([]);
  });

  it('has no ground truth without its sample', async () => {
    for (const dir of ['documents', 'emails']) {
      const names = await readdir(new URL(`${dir}/`, SAMPLES));
      for (const expectedFile of names.filter((n) => n.endsWith(EXPECTED_SUFFIX))) {
        expect(all.map((s) => s.expectedFile)).toContain(`${dir}/${expectedFile}`);
      }
    }
  });

  it('ground-truth bank details pass the control key (and the check itself knows a real bank)', async () => {
    // Sberbank, Moscow: a real BIK and correspondent account; one changed digit must fail.
    expect(corrAccountKeyValid('044525225', '30101810400000000225')).toBe(true);
    expect(corrAccountKeyValid('044525225', '30101810400000000226')).toBe(false);
    let accounts = 0;
    for (const { expectedFile } of all) {
      const { fields } = await readExpected(expectedFile);
      if (fields.account === undefined) continue;
      accounts++;
      expect(settlementAccountKeyValid(fields.bik ?? '', fields.account), expectedFile).toBe(true);
      expect(corrAccountKeyValid(fields.bik ?? '', fields.corrAccount ?? ''), expectedFile).toBe(true);
      const broken = fields.account.slice(0, 19) + String((Number(fields.account[19]) + 1) % 10);
      expect(settlementAccountKeyValid(fields.bik ?? '', broken)).toBe(false);
    }
    expect(accounts).toBeGreaterThan(3);
  });

  it('the text-layer PDF reads back, label and value on one line', async () => {
    const expected = await readExpected('documents/01-text-layer.expected.json');
    const parser = new PDFParse({ data: new Uint8Array(await readFile(new URL('documents/01-text-layer.pdf', SAMPLES))) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toMatch(new RegExp(`Номер заказа / Order number:\\s*${expected.fields.orderNumber}`));
    expect(text).toContain('[X] Товар надлежащего качества / Proper quality');
    expect(text).toContain(expected.fields.bik);
    expect(text).toContain(expected.fields.account);
    expect(text).toContain(expected.fields.fullName);
    expect(text).toContain(expected.items[0]?.sku);
    expect(text).toContain('RI-FORM-1');
  });

  it('the fillable PDF carries the ground truth in its form fields', async () => {
    const expected = await readExpected('documents/02-fillable-filled.expected.json');
    const form = (await PDFDocument.load(await readFile(new URL('documents/02-fillable-filled.pdf', SAMPLES)))).getForm();
    expect(form.getTextField('orderNumber').getText()).toBe(expected.fields.orderNumber);
    expect(form.getTextField('items.0.sku').getText()).toBe(expected.items[0]?.sku);
    expect(form.getRadioGroup('reason').getSelected()).toBe(expected.fields.reason);
    expect(form.getRadioGroup('refundMethod').getSelected()).toBe(expected.fields.refundMethod);
  });

  it('orders.json holds every order the samples name, including the SPEC worked example', async () => {
    const orders = OrderSchema.array().parse(JSON.parse(await readFile(new URL('orders.json', SAMPLES), 'utf8')));
    const numbers = new Set(orders.map((o) => o.orderNumber));
    for (const { expectedFile } of all) {
      const { fields } = await readExpected(expectedFile);
      if (fields.orderNumber !== undefined) expect(numbers, expectedFile).toContain(fields.orderNumber);
    }
    const example = orders.find((o) => o.orderNumber === '4821-5567');
    expect(example?.lines.map((l) => l.unitPrice)).toEqual([400000, 300000, 250000]);
    expect(example?.discounts[0]).toMatchObject({ amount: 250000, condition: { minItems: 3 } });
    expect(orders.some((o) => o.lines.some((l) => l.madeToOrder))).toBe(true);
  });

  it('the duplicate is a byte-identical redelivery', async () => {
    const [a, b] = await Promise.all(['emails/01-text-pdf.eml', 'emails/09-duplicate.eml'].map((p) => readFile(new URL(p, SAMPLES))));
    expect(b?.equals(a!)).toBe(true);
  });
});
