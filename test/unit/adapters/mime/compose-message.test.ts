import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeMessage } from '../../../../src/adapters/mime/compose-message.ts';
import { createMimeParser } from '../../../../src/adapters/mime/create-mime-parser.ts';
import type { RenderedReply } from '../../../../src/domain/reply.ts';
import { classifySender } from '../../../../src/pipeline/reply/classify-sender.ts';

function reply(overrides: Partial<RenderedReply> = {}): RenderedReply {
  return {
    template: 'approved',
    language: 'ru',
    messageId: '<ri.0123abcd@shop.example>',
    from: 'Служба возвратов <info@shop.example>',
    to: 'ivan.petrov@example.ru',
    subject: 'Re: Заявление на возврат [R-7K3M-9QX4]',
    inReplyTo: '<cyr2231.0001@example.ru>',
    references: ['<orig.1@example.ru>', '<cyr2231.0001@example.ru>'],
    text: 'Здравствуйте!\nНомер возврата: R-7K3M-9QX4\n',
    html: '<p>Здравствуйте!</p>',
    attachments: [],
    ...overrides,
  };
}

describe('composeMessage', () => {
  it('writes the threading and RFC 3834 headers, and parses back to the same reply', async () => {
    const raw = await composeMessage(reply());
    const head = raw.toString('utf8').split(/\r\n\r\n/)[0]!;
    expect(head).toMatch(/^Auto-Submitted: auto-replied$/m);
    expect(head).toMatch(/^X-Auto-Response-Suppress: All$/m);
    expect(head).toMatch(/^Message-ID: <ri\.0123abcd@shop\.example>$/m);
    expect(head).toMatch(/^In-Reply-To: <cyr2231\.0001@example\.ru>$/m);

    const parsed = await createMimeParser().parse(raw);
    expect(parsed.messageId).toBe('<ri.0123abcd@shop.example>');
    expect(parsed.inReplyTo).toBe('<cyr2231.0001@example.ru>');
    expect(parsed.references).toEqual(['<orig.1@example.ru>', '<cyr2231.0001@example.ru>']);
    expect(parsed.subject).toBe('Re: Заявление на возврат [R-7K3M-9QX4]');
    expect(parsed.from).toEqual({ address: 'info@shop.example', name: 'Служба возвратов' });
    expect(parsed.text).toContain('Номер возврата: R-7K3M-9QX4');
  });

  it('our own reply, if it ever comes back, is never answered', async () => {
    const parsed = await createMimeParser().parse(await composeMessage(reply()));
    expect(classifySender(parsed, 'shop.example')).toEqual({ reply: false, reason: 'own_message' });
    // Even a responder in another domain would see it as automatic.
    expect(classifySender(parsed, 'elsewhere.example')).toEqual({ reply: false, reason: 'auto_reply' });
  });

  it('attaches files by path (the blank application form)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ri-compose-'));
    const path = join(dir, 'return-application.pdf');
    writeFileSync(path, '%PDF-1.4\n%%EOF\n');
    const raw = await composeMessage(reply({ template: 'application_missing', attachments: [{ filename: 'return-application.pdf', contentType: 'application/pdf', path }] }));
    const parsed = await createMimeParser().parse(raw);
    expect(parsed.attachments.map((a) => [a.filename, a.declaredType])).toEqual([['return-application.pdf', 'application/pdf']]);
    expect(parsed.attachments[0]!.content.toString()).toBe('%PDF-1.4\n%%EOF\n');
  });

  it('leaves out In-Reply-To and References when there is no thread', async () => {
    const raw = await composeMessage(reply({ inReplyTo: undefined, references: [] }));
    const head = raw.toString('utf8').split(/\r\n\r\n/)[0]!;
    expect(head).not.toMatch(/^In-Reply-To:/m);
    expect(head).not.toMatch(/^References:/m);
  });
});
