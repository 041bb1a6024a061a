import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDeliveryReport } from '../../../../src/pipeline/bounce/read-delivery-report.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/mail/${name}`, import.meta.url));

describe('readDeliveryReport', () => {
  it('reads recipient, status and the original Message-ID of a real multipart/report', () => {
    expect(readDeliveryReport(fixture('bounce-multipart-report.eml'))).toEqual({
      originalMessageId: '<ri.deadbeef@shop.example>',
      recipients: [{ address: 'nobody@example.ru', action: 'failed', status: '5.1.1', hard: true }],
    });
  });

  it('treats a delayed 4.x.x report as soft and ignores mail that is not a report', () => {
    const delayed = fixture('bounce-multipart-report.eml').toString('latin1').replace('Action: failed', 'Action: delayed').replace('Status: 5.1.1', 'Status: 4.4.1');
    expect(readDeliveryReport(Buffer.from(delayed, 'latin1'))!.recipients[0]).toMatchObject({ hard: false, status: '4.4.1' });
    expect(readDeliveryReport(fixture('auto-reply-ooo.eml'))).toBeNull();
    expect(readDeliveryReport(Buffer.from('Content-Type: multipart/report\r\n\r\nno boundary'))).toBeNull();
  });
});
