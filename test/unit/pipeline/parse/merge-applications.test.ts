import { describe, expect, it } from 'vitest';
import { mergeApplications } from '../../../../src/pipeline/parse/merge-applications.ts';
import { parseDocument, type DocumentParse } from '../../../../src/pipeline/parse/parse-document.ts';
import { loadFixture } from './load-fixture.ts';

const part = (name: string, fields: DocumentParse['fields'], extra: Partial<DocumentParse> = {}) => ({
  name,
  result: { fields, items: [], problems: [], isApplication: true, ...extra },
});

describe('mergeApplications', () => {
  it('takes each field from its most confident document and records the source', () => {
    const merged = mergeApplications('message.eml', [
      part('body', { orderNumber: { value: '12345', confidence: 0.97 }, phone: { value: '+79161234567', confidence: 0.7 } }),
      part('scan.jpg', { orderNumber: { value: '12345', confidence: 0.8 }, phone: { value: '+79161234567', confidence: 0.85 }, fullName: { value: 'Иванов Иван', confidence: 0.8 } }),
    ]);
    expect(merged.source).toBe('message.eml');
    expect(merged.fields.orderNumber).toEqual({ value: '12345', confidence: 0.97, source: 'body' });
    expect(merged.fields.phone).toEqual({ value: '+79161234567', confidence: 0.85, source: 'scan.jpg' });
    expect(merged.fields.fullName?.source).toBe('scan.jpg');
    expect(merged.problems).toEqual([]);
  });

  it('reports two confident documents that disagree, and keeps the value below review level', () => {
    const merged = mergeApplications('m.eml', [
      part('a.pdf', { orderNumber: { value: '12345', confidence: 0.99 } }),
      part('b.pdf', { orderNumber: { value: '54321', confidence: 0.95 } }),
    ]);
    expect(merged.fields.orderNumber!.value).toBe('12345');
    expect(merged.fields.orderNumber!.confidence).toBeLessThan(0.6);
    expect(merged.problems.map((p) => `${p.field}:${p.code}`)).toEqual(['orderNumber:inconsistent', 'orderNumber:low_confidence']);
  });

  it('does not call a confident value into doubt because of a shaky reading elsewhere', () => {
    const merged = mergeApplications('m.eml', [
      part('a.pdf', { orderNumber: { value: '12345', confidence: 0.99 } }),
      part('b.jpg', { orderNumber: { value: '12845', confidence: 0.7 } }),
    ]);
    expect(merged.fields.orderNumber!.confidence).toBe(0.99);
    expect(merged.problems).toEqual([]);
  });

  it('drops a low_confidence problem that another document settled, and de-duplicates the rest', () => {
    const lowPhone = { field: 'phone', code: 'low_confidence' as const, message: 'phone was read with low confidence (0.4)' };
    const badAccount = { field: 'account', code: 'checksum_failed' as const, message: 'settlement account control key does not match the BIK' };
    const merged = mergeApplications('m.eml', [
      part('scan1.jpg', { phone: { value: '+79161234567', confidence: 0.4 } }, { problems: [lowPhone, badAccount] }),
      part('scan2.jpg', { phone: { value: '+79161234567', confidence: 0.85 } }, { problems: [badAccount] }),
    ]);
    expect(merged.problems).toEqual([badAccount]);
  });

  it('takes items from the best document only', () => {
    const items = (c: number) => [{ sku: { value: 'SK-1', confidence: c }, price: { value: '100.00', confidence: c } }];
    const merged = mergeApplications('m.eml', [part('a.jpg', {}, { items: items(0.5) }), part('b.pdf', {}, { items: items(0.99) })]);
    expect(merged.items).toEqual([{ sku: { value: 'SK-1', confidence: 0.99, source: 'b.pdf' }, price: { value: '100.00', confidence: 0.99, source: 'b.pdf' } }]);
  });

  it('ignores documents that are not applications', () => {
    const noise = part('product.jpg', { phone: { value: '+78005553535', confidence: 0.95 } }, { isApplication: false });
    const app = part('form.pdf', { orderNumber: { value: '1', confidence: 0.99 } });
    expect(mergeApplications('m.eml', [noise, app]).fields.phone).toBeUndefined();
  });

  it("takes what the covering note in the body says about the attached application", () => {
    const note = part('body', { orderNumber: { value: 'KM-14173', confidence: 0.9 } }, { isApplication: false });
    const photo = part('photo.jpg', { fullName: { value: 'Лебедева Инна Ринатовна', confidence: 0.8 } });
    const merged = mergeApplications('m.eml', [note, photo]);
    expect(merged.fields.orderNumber).toEqual({ value: 'KM-14173', confidence: 0.9, source: 'body' });
    expect(merged.fields.fullName?.source).toBe('photo.jpg');
  });

  it('does not read a body that is not an application when nothing else is one', () => {
    const note = part('body', { orderNumber: { value: 'KM-14173', confidence: 0.9 } }, { isApplication: false });
    expect(mergeApplications('m.eml', [note]).fields.orderNumber).toBeUndefined();
  });

  // Regression: a question ("is this dress available in M?") came out with reason proper_quality and the
  // order number from its prose, as if it were an application.
  it('gives no fields when no document is an application', () => {
    const question = part('body', { orderNumber: { value: '4826-3358', confidence: 0.97 }, reason: { value: 'proper_quality', confidence: 0.7 } }, { isApplication: false });
    const merged = mergeApplications('m.eml', [question]);
    expect(merged.fields).toEqual({});
    expect(merged.items).toEqual([]);
  });

  describe("a card's last four digits read alike by two documents (issue #11)", () => {
    // The masked number has no check digit and no order knows the card: one OCR reading stays below 0.9.
    const card = (name: string, value: string, confidence: number, sha256: string) => ({ ...part(name, { cardLast4: { value, confidence } }), sha256 });

    it('is confident: the scan and a photo of the same form, each read on its own', () => {
      const merged = mergeApplications('m.eml', [card('scan.pdf', '5711', 0.87, 'aaa'), card('photo.jpg', '5711', 0.84, 'bbb')]);
      expect(merged.fields.cardLast4).toEqual({ value: '5711', confidence: 0.95, source: 'scan.pdf' });
    });

    it('is confident when the covering note in the body gives the same card', () => {
      const note = { ...part('body', { cardLast4: { value: '9433', confidence: 0.8 } }, { isApplication: false }), sha256: 'ccc' };
      expect(mergeApplications('m.eml', [note, card('photo.jpg', '9433', 0.84, 'bbb')]).fields.cardLast4?.confidence).toBe(0.95);
    });

    it.each([
      // The same bytes attached twice (or forwarded with the original) were read once: one witness.
      ['two copies of one file', [card('scan.pdf', '5711', 0.87, 'aaa'), card('scan (1).pdf', '5711', 0.87, 'aaa')]],
      ['two readings that differ', [card('scan.pdf', '5711', 0.87, 'aaa'), card('photo.jpg', '5717', 0.84, 'bbb')]],
      ['a second reading below review level', [card('scan.pdf', '5711', 0.87, 'aaa'), card('photo.jpg', '5711', 0.5, 'bbb')]],
      ['documents whose bytes are not known', [part('scan.pdf', { cardLast4: { value: '5711', confidence: 0.87 } }), part('photo.jpg', { cardLast4: { value: '5711', confidence: 0.84 } })]],
    ])('stays as read with %s', (_, parts) => {
      expect(mergeApplications('m.eml', parts).fields.cardLast4?.confidence).toBe(0.87);
    });

    it('confirms no other field: a reason inferred from words can be inferred the same wrong way from two copies of a page', () => {
      const reason = (name: string, sha256: string) => ({ ...part(name, { reason: { value: 'proper_quality', confidence: 0.76 } }), sha256 });
      expect(mergeApplications('m.eml', [reason('scan.pdf', 'aaa'), reason('photo.jpg', 'bbb')]).fields.reason?.confidence).toBe(0.76);
    });
  });

  it('merges a real PDF text layer with a photo of the same form', () => {
    const today = { today: '2026-11-20' };
    const merged = mergeApplications('m.eml', [
      { name: 'photo.jpg', result: parseDocument(loadFixture('our-form-ocr.txt', 'ocr'), today) },
      { name: 'form.pdf', result: parseDocument(loadFixture('our-form-text-layer.txt'), today) },
    ]);
    expect(merged.fields.email).toEqual({ value: 'maria.ivanova@mail.ru', confidence: 0.99, source: 'form.pdf' });
    expect(merged.items[0]!.sku!.source).toBe('form.pdf');
    expect(merged.problems).toEqual([]);
  });
});
