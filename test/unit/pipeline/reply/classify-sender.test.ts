import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../../src/domain/mail-message.ts';
import { classifySender } from '../../../../src/pipeline/reply/classify-sender.ts';

const OWN = 'shop.example';

function message(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    messageId: '<abc.1@example.ru>',
    references: [],
    from: { address: 'ivan@example.ru', name: 'Ivan' },
    to: [{ address: 'info@shop.example' }],
    subject: 'Заявление на возврат',
    headers: {},
    text: 'Здравствуйте',
    contentType: 'multipart/mixed',
    attachments: [],
    ...overrides,
  };
}

describe('classifySender', () => {
  it('replies to an ordinary customer message', () => {
    expect(classifySender(message(), OWN)).toEqual({ reply: true });
  });

  it('replies when Auto-Submitted is "no"', () => {
    expect(classifySender(message({ headers: { 'auto-submitted': 'no' } }), OWN)).toEqual({ reply: true });
  });

  it.each([
    ['auto-submitted', 'auto-replied'],
    ['auto-submitted', 'auto-generated'],
    ['auto-submitted', 'auto-notified; owner-email="a@b.c"'],
    ['x-autoreply', 'yes'],
    ['x-autorespond', 'Out of office'],
    ['x-auto-response-suppress', 'All'],
    ['x-auto-response-suppress', 'DR, OOF, AutoReply'],
    ['precedence', 'auto_reply'],
  ])('does not reply to an auto-reply (%s: %s)', (name, value) => {
    expect(classifySender(message({ headers: { [name]: value } }), OWN)).toEqual({ reply: false, reason: 'auto_reply' });
  });

  it('ignores X-Auto-Response-Suppress values that do not cover replies', () => {
    expect(classifySender(message({ headers: { 'x-auto-response-suppress': 'DR, RN, NRN' } }), OWN)).toEqual({ reply: true });
  });

  it.each([
    ['precedence', 'bulk'],
    ['precedence', 'junk'],
    ['precedence', 'list'],
    ['list-id', '<news.shop.example>'],
    ['list-unsubscribe', '<mailto:unsubscribe@lists.example>'],
  ])('does not reply to a mailing list (%s: %s)', (name, value) => {
    expect(classifySender(message({ headers: { [name]: value } }), OWN)).toEqual({ reply: false, reason: 'mailing_list' });
  });

  it('does not reply to a delivery status report (multipart/report)', () => {
    expect(classifySender(message({ contentType: 'multipart/report' }), OWN)).toEqual({ reply: false, reason: 'bounce' });
  });

  it('does not reply to a message with the null return path <>', () => {
    expect(classifySender(message({ headers: { 'return-path': '<>' } }), OWN)).toEqual({ reply: false, reason: 'bounce' });
    expect(classifySender(message({ headers: { 'return-path': '< >' } }), OWN)).toEqual({ reply: false, reason: 'bounce' });
  });

  it.each(['MAILER-DAEMON@mx.example.ru', 'postmaster@example.ru'])('does not reply to the mail system %s', (address) => {
    expect(classifySender(message({ from: { address } }), OWN)).toEqual({ reply: false, reason: 'bounce' });
  });

  it.each(['no-reply@example.ru', 'noreply@example.ru', 'no_reply@example.ru', 'do-not-reply@example.ru', 'donotreply@example.ru', 'NoReply-Orders@example.ru'])(
    'does not reply to the no-reply sender %s',
    (address) => {
      expect(classifySender(message({ from: { address } }), OWN)).toEqual({ reply: false, reason: 'no_reply_sender' });
    },
  );

  it('does not reply when the Reply-To is a no-reply address', () => {
    expect(classifySender(message({ replyTo: { address: 'noreply@example.ru' } }), OWN)).toEqual({ reply: false, reason: 'no_reply_sender' });
  });

  it('replies to people whose name merely contains "reply"', () => {
    expect(classifySender(message({ from: { address: 'replyguy@example.ru' } }), OWN)).toEqual({ reply: true });
  });

  it('does not reply to our own message coming back', () => {
    expect(classifySender(message({ messageId: '<ri.abc123@shop.example>' }), OWN)).toEqual({ reply: false, reason: 'own_message' });
    expect(classifySender(message({ messageId: '<ri.abc123@mail.SHOP.example>' }), OWN)).toEqual({ reply: false, reason: 'own_message' });
  });

  it('does not treat a look-alike domain as ours', () => {
    expect(classifySender(message({ messageId: '<x@notshop.example>' }), OWN)).toEqual({ reply: true });
  });

  it('has no one to reply to without From or Reply-To', () => {
    expect(classifySender(message({ from: undefined }), OWN)).toEqual({ reply: false, reason: 'no_sender' });
  });

  it('replies to the Reply-To when From is missing', () => {
    expect(classifySender(message({ from: undefined, replyTo: { address: 'ivan@example.ru' } }), OWN)).toEqual({ reply: true });
  });

  describe('mail from our own address gets no reply (regression: only our Message-ID domain was checked)', () => {
    const OWN_ADDRESSES = ['info@shop.example', 'returns-inbox@mail.shop.example'];
    const classify = (overrides: Partial<MailMessage>) => classifySender(message(overrides), OWN, OWN_ADDRESSES);

    it.each([
      ['From', { from: { address: 'info@shop.example' } }],
      ['From in another letter case', { from: { address: 'INFO@Shop.Example' } }],
      ['Reply-To', { replyTo: { address: 'Info@shop.example' } }],
      ['Sender', { headers: { sender: 'Returns desk <INFO@SHOP.EXAMPLE>' } }],
      ['the mailbox address in From', { from: { address: 'returns-inbox@MAIL.shop.example' } }],
      ['a From header naming us beside someone else', { headers: { from: 'ivan@example.ru, "Desk" <info@shop.example>' } }],
    ])('%s', (_where, overrides) => {
      expect(classify(overrides)).toEqual({ reply: false, reason: 'own_address' });
    });

    it('still answers a colleague on our domain and a look-alike address', () => {
      expect(classify({ from: { address: 'anna@shop.example' } })).toEqual({ reply: true });
      expect(classify({ from: { address: 'info@shop.example.evil' } })).toEqual({ reply: true });
      expect(classify({ headers: { sender: 'xinfo@shop.example' } })).toEqual({ reply: true });
    });
  });
});
