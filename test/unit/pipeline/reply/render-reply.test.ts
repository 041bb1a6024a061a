import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReplyTemplates, longDate, moneyText } from '../../../../src/adapters/templates/load-reply-templates.ts';
import { AppError } from '../../../../src/domain/app-error.ts';
import type { ReplyTemplates } from '../../../../src/domain/ports/reply-renderer.ts';
import type { Language, ReplyTemplate } from '../../../../src/domain/reply.ts';
import { renderReply, type RenderReplyInput } from '../../../../src/pipeline/reply/render-reply.ts';
import { unreadableFiles } from '../../../../src/pipeline/process/build-reply-data.ts';
import { SAMPLE_DATA } from './sample-reply-data.ts';

const TEMPLATES_DIR = fileURLToPath(new URL('../../../../templates/replies', import.meta.url));
const templates = loadReplyTemplates(TEMPLATES_DIR);
const LANGUAGES: Language[] = ['ru', 'en'];
const NAMES = Object.keys(SAMPLE_DATA) as ReplyTemplate[];

function input<T extends ReplyTemplate>(template: T, language: Language, overrides: Partial<RenderReplyInput<T>> = {}): RenderReplyInput<T> {
  return {
    template,
    language,
    to: 'ivan.petrov@example.ru',
    from: 'Служба возвратов <info@shop.example>',
    inReplyTo: '<cyr2231.0001@example.ru>',
    references: ['<orig.1@example.ru>'],
    originalSubject: 'Заявление на возврат',
    returnNumber: 'R-7K3M-9QX4',
    data: SAMPLE_DATA[template],
    ...overrides,
  };
}

/** Literal values from the sample data that must appear in a template's text (numbers, addresses). */
function expectedValues(template: ReplyTemplate, language: Language): string[] {
  const data = SAMPLE_DATA[template] as Record<string, unknown>;
  const keys = ['shipWithinDays', 'refundWithinDays', 'reviewHours', 'maxMessageMb', 'maxAttachments', 'shipByDate', 'receivedDate', 'recipient', 'amount', 'cardLast4', 'windowDays'];
  // Dates and amounts are written as people write them, so the sample's raw value must NOT appear (checked below).
  const written = (k: string, v: unknown) => (k.endsWith('Date') ? longDate(v, language) : k === 'amount' ? moneyText(v, language) : String(v));
  return keys.filter((k) => data[k] !== undefined && data[k] !== null).map((k) => written(k, data[k]));
}

/** An agent's own words, and mail to the desk about many returns, carry the number in the subject or not at all. */
const QUOTES_NO_NUMBER = new Set(['agent_reply', 'desk_alert', 'desk_digest']);

describe('renderReply: every template in both languages', () => {
  for (const template of NAMES) {
    for (const language of LANGUAGES) {
      it(`${template} (${language}) renders with no unfilled placeholder`, () => {
        const reply = renderReply(templates, input(template, language));
        for (const part of [reply.subject, reply.text, reply.html]) {
          expect(part).not.toMatch(/\{\{|\}\}/);
          expect(part).not.toMatch(/undefined|null|NaN|\[object Object\]/);
          // Dates inside sentences appear as ISO: never "не позднее 2026-12-08".
          expect(part).not.toMatch(/\d{4}-\d{2}-\d{2}/);
          expect(part).not.toMatch(/EXAMPLE/); // the presets mark their placeholder address so
          expect(part.trim()).not.toBe('');
        }
        for (const value of expectedValues(template, language)) {
          expect(reply.text).toContain(value);
          expect(reply.html).toContain(value);
        }
        if (reply.references.length > 0 && template !== 'application_missing' && template !== 'photo_unreadable' && template !== 'message_too_large' && template !== 'needs_review' && template !== 'rejected' && !QUOTES_NO_NUMBER.has(template)) {
          expect(reply.text).toContain('R-7K3M-9QX4');
        }
        // The customer's own language, not a mix: the English text has no Cyrillic outside the sample names.
        const text = reply.text.replace(/Иван|Петров|Шоурум/g, '');
        if (language === 'en') expect(text).not.toMatch(/[а-яё]/i);
        else expect(text).toMatch(/[а-яё]/i);
        expect(reply.html).toContain(`<html lang="${language}">`);
        expect(reply.text.endsWith('\n')).toBe(true);
        expect(reply.text).not.toMatch(/\n{3,}/);
      });
    }
  }

  // Regression: "не позднее 17 марта 2025 г.." in the extended ship-by reply and "на 11 марта 2025 г.." in the desk's
  // digest: the Russian date ends in "г.", and the sentence's own full stop came after it (found end to end, issue 13).
  it.each(NAMES)('regression: a sentence ending on a Russian date has one full stop, not "г..": %s', (template) => {
    for (const language of LANGUAGES) {
      const reply = renderReply(templates, input(template, language));
      for (const part of [reply.subject, reply.text, reply.html.replace(/<[^>]+>/g, '')]) expect(part).not.toMatch(/[^.]\.\.(?!\.)/);
    }
  });

  // Regression: "…reaches our warehouse.\nKind regards," in shipment_received and ship_by_extended: the paragraph before
  // the signature came from a partial alone on its line, which takes the line break with it (found end to end, issue 13).
  it.each(NAMES)('regression: the signature stands apart from the paragraph before it: %s', (template) => {
    for (const language of LANGUAGES) {
      const { text } = renderReply(templates, input(template, language));
      const signature = language === 'ru' ? 'С уважением,' : 'Kind regards,';
      if (text.includes(signature)) expect(text).toContain(`\n\n${signature}`);
    }
  });

  it('approved, international: the Podolsk address, the recipient, the return number on the note and the form', () => {
    const { text } = renderReply(templates, input('approved', 'en'));
    expect(text).toContain('140961 Podolsk, Moscow region, Russia');
    expect(text).toContain('Recipient: Internet Solutions LLC');
    expect(text).toContain('any local postal service that delivers to Russia');
    expect(text).toMatch(/note with the return number R-7K3M-9QX4 inside the parcel/);
    expect(text).toMatch(/return number R-7K3M-9QX4 on the shipping form/);
    expect(text).toContain('within 4 days');
    expect(text).toContain('within 13 days');
    expect(text).toMatch(/tracking number and a photo of the shipping receipt/);
    expect(text).toContain('you pay for shipping, packaging and customs');
  });

  it('approved, domestic, defective item: the merchant pays and no customs text', () => {
    const data = { ...SAMPLE_DATA.approved, variant: 'domestic' as const, shippingPaidBy: 'merchant' as const, returnAddress: 'Склад, ул. Примерная, 1\n101000 Москва', recipient: 'ООО «Магазин»', shipWithinDays: 7 };
    const { text } = renderReply(templates, input('approved', 'ru', { data }));
    expect(text).toContain('несём мы');
    expect(text).toContain('101000 Москва');
    expect(text).toContain('в течение 7 дней');
    expect(text).not.toContain('таможен');
    expect(text).not.toContain('доставляет в Россию');
  });

  it('Russian plural forms follow the number', () => {
    const one = renderReply(templates, input('approved', 'ru', { data: { ...SAMPLE_DATA.approved, shipWithinDays: 1, refundWithinDays: 21 } }));
    expect(one.text).toContain('в течение 1 дня');
    expect(one.text).toContain('в течение 21 дня');
    const hours = renderReply(templates, input('needs_review', 'ru', { data: { ...SAMPLE_DATA.needs_review, reviewHours: 48 } }));
    expect(hours.text).toContain('в течение 48 часов');
  });

  it.each(['out_of_window', 'custom_made', 'used_goods', 'not_our_order', 'already_returned', 'something_new'])('rejected: a readable reason and a next step for %s', (reasonCode) => {
    for (const language of LANGUAGES) {
      const { text } = renderReply(templates, input('rejected', language, { data: { ...SAMPLE_DATA.rejected, reasonCode } }));
      expect(text).not.toContain(reasonCode);
      expect(text).toMatch(language === 'ru' ? /Причина: \S.+\n\nЧто можно сделать: \S/ : /Reason: \S.+\n\nWhat you can do: \S/);
    }
  });

  it('message_too_large states the limits it was given', () => {
    const { text } = renderReply(templates, input('message_too_large', 'en', { data: { ...SAMPLE_DATA.message_too_large, maxMessageMb: 25, maxAttachments: 7 } }));
    expect(text).toContain('up to 25 MB');
    expect(text).toContain('no more than 7 attachments');
  });

  it('regression: a message too complex to take apart was told it was too large; it is told what happened, and what we accept', () => {
    for (const language of LANGUAGES) {
      const large = renderReply(templates, input('message_too_large', language));
      const complex = renderReply(templates, input('message_too_large', language, { data: { ...SAMPLE_DATA.message_too_large, tooComplex: true } }));
      expect(large.text).toMatch(/larger than we accept|больше допустимого размера/);
      expect(complex.text).not.toMatch(/larger than we accept|больше допустимого размера/);
      expect(complex.text).toMatch(/cannot take apart safely|разобрать его безопасно не получается/);
      expect(complex.text).toContain(language === 'en' ? 'up to 30 MB' : 'до 30 МБ');
      expect(renderReply(templates, input('message_too_large', language, { originalSubject: '', data: { ...SAMPLE_DATA.message_too_large, tooComplex: true } })).subject).not.toMatch(/too large|слишком большое/);
    }
  });

  it('application_missing carries the blank form', () => {
    const reply = renderReply(templates, input('application_missing', 'ru'));
    expect(reply.attachments).toHaveLength(1);
    expect(reply.attachments[0]!.path).toMatch(/templates[\\/]forms[\\/]return-application\.pdf$/);
    expect(reply.attachments[0]!.contentType).toBe('application/pdf');
    expect(renderReply(templates, input('approved', 'ru')).attachments).toEqual([]);
  });
});

describe('renderReply: the approval states the refund', () => {
  it('the approval does not say how much will be refunded: it states the amount and the discount clawed back, in words and money as people write them', () => {
    const ru = renderReply(templates, input('approved', 'ru'));
    expect(ru.text).toContain('Сумма к возврату: 500,00\u00a0₽.');
    expect(ru.text).toContain('условию скидки «1+1=3», поэтому она удерживается целиком: 2\u00a0500,00\u00a0₽.');
    const en = renderReply(templates, input('approved', 'en'));
    expect(en.text).toContain('We will refund 500.00 RUB. This is less than the price of the items returned (3,000.00 RUB).');
    expect(en.html).toContain('so the whole discount is deducted: 2,500.00 RUB.');
  });

  it('no discount lost: only the amount, and without an order no refund sentence at all', () => {
    const plain = { ...SAMPLE_DATA.approved, refund: { amount: '4000.00', itemsTotal: '4000.00', shipping: null, deductions: [] } };
    const text = renderReply(templates, input('approved', 'en', { data: plain })).text;
    expect(text).toContain('We will refund 4,000.00 RUB.');
    expect(text).not.toContain('less than the price');
    const none = renderReply(templates, input('approved', 'en', { data: { ...SAMPLE_DATA.approved, refund: null } })).text;
    expect(none).not.toContain('We will refund');
  });

  it('the date helper refuses what is not a calendar day rather than print a wrong one', () => {
    expect(longDate('2026-12-08', 'ru')).toBe('8 декабря 2026 г.');
    expect(longDate('2026-12-08', 'en')).toBe('8 December 2026');
    expect(() => longDate('2025-02-31', 'ru')).toThrow(/not a YYYY-MM-DD day/);
    expect(() => longDate('08.12.2026', 'en')).toThrow(/not a YYYY-MM-DD day/);
    expect(() => longDate('2026-12-08', 'de')).toThrow(/language/);
  });

  it('dates appear as ISO inside Russian sentences: "не позднее 10 марта 2025 г. включительно", "by 10 March 2025"', () => {
    expect(renderReply(templates, input('approved', 'ru')).text).toContain('не позднее 10 марта 2025 г. включительно.');
    expect(renderReply(templates, input('approved', 'en')).text).toContain('by 10 March 2025 at the latest.');
    expect(renderReply(templates, input('rejected', 'ru')).text).toContain('(вы получили его 1 февраля 2025 г.).');
    expect(renderReply(templates, input('rejected', 'en')).text).toContain('you received it on 1 February 2025.');
  });
});

describe('renderReply: every policy key is stated or left out', () => {
  const rules = { noteInParcel: true, numberOnShippingForm: true, askTrackingNumber: true, askReceiptPhoto: true };
  const approved = (over: Partial<typeof rules> & { usedGoodsSentBack?: boolean; shippingRefundNeedsReceipt?: boolean }, language: Language = 'en') =>
    renderReply(templates, input('approved', language, { data: { ...SAMPLE_DATA.approved, ...rules, ...over } })).text;

  it('the reply asks for a receipt photo though the policy says receiptPhoto: false', () => {
    expect(approved({ askReceiptPhoto: false })).toContain("- After sending, reply to this e-mail with the parcel's tracking number.\n");
    expect(approved({ askReceiptPhoto: false }, 'ru')).toContain('пришлите трек-номер посылки.\n');
    expect(approved({ askReceiptPhoto: false }, 'ru')).not.toContain('фотографию чека об оплате отправки');
    expect(approved({ askTrackingNumber: false })).toContain('- After sending, reply to this e-mail with a photo of the shipping receipt.');
  });

  it('returnNumber.noteInParcel / onShippingForm: false leave those steps out', () => {
    const text = approved({ noteInParcel: false, numberOnShippingForm: false });
    expect(text).not.toContain('Put a note');
    expect(text).not.toContain('on the shipping form');
    expect(approved({})).toContain('Put a note with the return number R-7K3M-9QX4 inside the parcel.');
  });

  it('usedGoods: refund and shippingRefundRequiresReceipt: false are not contradicted by the reply', () => {
    expect(approved({ usedGoodsSentBack: false })).not.toContain('sent back to you without a refund');
    expect(approved({ shippingRefundNeedsReceipt: false })).not.toContain('against a photo of the receipt');
    const reminder = renderReply(templates, input('shipping_reminder', 'en', { data: { ...SAMPLE_DATA.shipping_reminder, askTrackingNumber: false, askReceiptPhoto: false } })).text;
    expect(reminder).toContain('we have not heard from you that the parcel was sent yet');
    expect(reminder).not.toMatch(/tracking|receipt/);
  });
});

describe('renderReply: what could not be read', () => {
  it('an unreadable attachment is answered as if nothing was attached: each file is named with why, in words', () => {
    const files = unreadableFiles([
      { code: 'application_missing' },
      { code: 'encrypted_pdf', field: 'form.pdf' },
      { code: 'unsupported_type', field: 'letter.docx' },
      { code: 'unreadable_file', field: 'letter.docx' },
    ]);
    expect(files).toEqual([{ name: 'form.pdf', why: 'encrypted' }, { name: 'letter.docx', why: 'unsupported' }]);
    const text = renderReply(templates, input('application_missing', 'en', { data: { ...SAMPLE_DATA.application_missing, unreadableFiles: files } })).text;
    expect(text).toContain('We could not read what you attached:\n- "form.pdf": the file is protected with a password.\n- "letter.docx": it is neither a PDF nor a photo');
    expect(text).toContain('Your request number is R-7K3M-9QX4.');
  });

  it('an unreadable attachment, an OCR failure: the photo_unreadable reply names each photo with why, and the request number its subject carries', () => {
    const files = unreadableFiles([
      { code: 'photo_unreadable' },
      { code: 'no_text', field: 'blank.jpg' },
      { code: 'ocr_timeout', field: 'huge.png' },
      { code: 'ocr_failed', field: 'odd.tif' },
      { code: 'too_complex', field: 'bomb.pdf' },
    ]);
    expect(files).toEqual([
      { name: 'blank.jpg', why: 'no_text' },
      { name: 'huge.png', why: 'too_slow' },
      { name: 'odd.tif', why: 'not_recognised' },
      { name: 'bomb.pdf', why: 'too_complex' },
    ]);
    const en = renderReply(templates, input('photo_unreadable', 'en', { data: { ...SAMPLE_DATA.photo_unreadable, unreadableFiles: files } }));
    expect(en.subject).toContain('R-7K3M-9QX4');
    expect(en.text).toContain('What we could not read:\n- "blank.jpg": we could not make out any text on it.\n- "huge.png": reading it took longer');
    expect(en.text).toContain('Your request number is R-7K3M-9QX4.');
    const ru = renderReply(templates, input('photo_unreadable', 'ru', { data: { ...SAMPLE_DATA.photo_unreadable, unreadableFiles: files } }));
    expect(ru.text).toContain('Что не удалось прочитать:\n- «blank.jpg»: на нём не удалось различить текст.');
    expect(ru.text).toContain('Номер вашего обращения: R-7K3M-9QX4.');
    expect(ru.html).toContain('<li>«odd.tif»: текст на нём распознать не удалось.</li>');
  });

  it.each(LANGUAGES)('every reason a file could not be read has its own words (%s)', (language) => {
    const whys = ['damaged', 'unsupported', 'encrypted', 'too_large', 'too_complex', 'no_text', 'too_slow', 'not_recognised'] as const;
    const unreadable = whys.map((why) => ({ name: `${why}.bin`, why }));
    for (const template of ['application_missing', 'photo_unreadable'] as const) {
      const { text } = renderReply(templates, input(template, language, { data: { ...SAMPLE_DATA[template], unreadableFiles: unreadable } }));
      const lines = whys.map((why) => text.split('\n').find((line) => line.includes(`${why}.bin`)) ?? '');
      const wordings = lines.map((line) => line.replace(/^.*?\.bin[»"]: /, ''));
      for (const [i, wording] of wordings.entries()) expect(wording.length, `${template} ${whys[i]}`).toBeGreaterThan(10);
      expect(new Set(wordings).size, template).toBe(whys.length);
    }
  });
});

describe('renderReply: safety', () => {
  it('escapes customer data in HTML and keeps it as typed in plain text', () => {
    const reply = renderReply(templates, input('needs_review', 'en'));
    expect(reply.html).toContain('Иван &lt;b&gt;Петров&lt;/b&gt;');
    expect(reply.html).not.toContain('<b>Петров</b>');
    expect(reply.html).toContain('Шоурум &amp; Co');
    expect(reply.text).toContain('Иван <b>Петров</b>');
  });

  it('rejects data without a required value before rendering', () => {
    const { reviewHours: _omitted, ...data } = SAMPLE_DATA.needs_review;
    expect(() => renderReply(templates, input('needs_review', 'ru', { data: data as never }))).toThrow(AppError);
  });

  it('a template using a value the data lacks throws (strict mode), never renders a blank', () => {
    const fake = loadReplyTemplates(TEMPLATES_DIR);
    expect(() => fake.render('needs_review', 'ru', 'text', { shopName: 'x', customerName: null, replyAddress: 'a@b' })).toThrow(/plural/);
  });

  it('needs a return number for templates about an existing return', () => {
    expect(() => renderReply(templates, input('approved', 'ru', { returnNumber: undefined }))).toThrow(/return number/);
  });
});

describe('renderReply: threading (SPEC §5)', () => {
  const fake: ReplyTemplates = {
    render: (template, language, part) => (part === 'subject' ? `subject of ${template}` : `${part} ${language}`),
    attachmentsFor: () => [],
  };

  it('answers in the thread: In-Reply-To, References, Re: subject with the return number', () => {
    const reply = renderReply(fake, input('approved', 'ru', { originalSubject: 'Re: Re: Заявление' }), { randomId: () => 'r4nd0m' });
    expect(reply.subject).toBe('Re: Заявление [R-7K3M-9QX4]');
    expect(reply.inReplyTo).toBe('<cyr2231.0001@example.ru>');
    expect(reply.references).toEqual(['<orig.1@example.ru>', '<cyr2231.0001@example.ru>']);
    expect(reply.messageId).toBe('<ri.r4nd0m@shop.example>');
  });

  it('generates a fresh Message-ID in our domain each time', () => {
    const a = renderReply(fake, input('needs_review', 'en'));
    const b = renderReply(fake, input('needs_review', 'en'));
    expect(a.messageId).toMatch(/^<ri\.[0-9a-f]{24}@shop\.example>$/);
    expect(a.messageId).not.toBe(b.messageId);
  });

  it('does not repeat an id already in References', () => {
    const reply = renderReply(fake, input('needs_review', 'en', { references: ['<a@x>', '<cyr2231.0001@example.ru>'] }));
    expect(reply.references).toEqual(['<a@x>', '<cyr2231.0001@example.ru>']);
  });

  it('without an original subject uses the template subject with the return number', () => {
    const reply = renderReply(fake, input('shipping_reminder', 'en', { originalSubject: '', inReplyTo: undefined, references: [] }));
    expect(reply.subject).toBe('subject of shipping_reminder [R-7K3M-9QX4]');
    expect(reply.inReplyTo).toBeUndefined();
    expect(reply.references).toEqual([]);
  });

  it('a subject cannot carry a line break into the headers', () => {
    const reply = renderReply(fake, input('needs_review', 'en', { originalSubject: 'Hi\r\nBcc: victim@example.com' }));
    expect(reply.subject).not.toMatch(/[\r\n]/);
  });

  it('refuses a sender address without a domain', () => {
    expect(() => renderReply(fake, input('needs_review', 'en', { from: 'returns' }))).toThrow(AppError);
  });
});

describe('loadReplyTemplates: strict mode', () => {
  it('throws on a plain {{value}} the data lacks', () => {
    const t = loadReplyTemplates(TEMPLATES_DIR);
    expect(() => t.render('expired', 'en', 'html', { shopName: 'x', customerName: null, replyAddress: 'a@b', language: 'en', shipWithinDays: 4 })).toThrow(/returnNumber/);
  });
});
