// The Russian UI dictionary (src/web/i18n/ru.yaml) against what the pages show: every phrase a view writes and every
// code the pages humanize (states, events, replies, reasons, field labels, notices) has a Russian entry, and every
// entry is used, so a phrase changed in a view cannot silently fall back to English, nor an entry rot.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITEM_KEYS } from '../../../src/domain/application.ts';
import { PROBLEM_CODES } from '../../../src/domain/problem.ts';
import { RETURN_EVENTS } from '../../../src/domain/lifecycle/transitions.ts';
import { INBOUND_STATES, RETURN_STATES } from '../../../src/domain/return-state.ts';
import { REASON_CODES } from '../../../src/pipeline/decide/decision-reasons.ts';
import { REJECTION_REASONS } from '../../../src/pipeline/review/decide-review.ts';
import { EDIT_HINTS } from '../../../src/pipeline/review/edit-fields.ts';
import { FORM_FIELD_LABELS, ZOD_ISSUE_PHRASES } from '../../../src/web/form-issues.ts';
import { createTranslator, loadDictionary } from '../../../src/web/i18n/ui-language.ts';
import { DURATION_UNITS } from '../../../src/web/load-views.ts';
import { DONE_MESSAGES } from '../../../src/web/routes/return-page.ts';
import { FIELD_LABELS, slaBadge } from '../../../src/web/view-models/return-view.ts';
import { machineMessages } from '../../support/machine-messages.ts';
import { parse } from 'yaml';

const VIEWS = path.resolve('src/web/views');
const dictionary = loadDictionary();
/** What the machine writes (src/web/i18n/ru-messages.yaml), kept apart from the UI's own phrases. */
const MESSAGES = parse(readFileSync(path.resolve('src/web/i18n/ru-messages.yaml'), 'utf8')) as Record<string, string>;

/** Every source file of src/, as one text. */
function sourceText(dir = path.resolve('src')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? (e.name === 'generated' ? '' : sourceText(path.join(dir, e.name))) : e.name.endsWith('.ts') ? readFileSync(path.join(dir, e.name), 'utf8') : ''))
    .join('\n');
}

function viewPhrases(): Set<string> {
  const files = [...readdirSync(VIEWS).map((f) => path.join(VIEWS, f)), ...readdirSync(path.join(VIEWS, 'partials')).map((f) => path.join(VIEWS, 'partials', f))];
  const phrases = new Set<string>();
  for (const file of files.filter((f) => f.endsWith('.hbs'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\{\{t "((?:[^"\\]|\\.)*)"/g)) phrases.add(match[1]!.replace(/\\"/g, '"'));
  }
  return phrases;
}

/** Audit events that are not lifecycle transitions (recorded by the pipeline, the scheduler and the desk). */
const NOTE_EVENTS = [
  'receive', 'edit', 'inspection_passed', 'extend_ship_by', 'agent_reply', 'mail_attached', 'start_from_mail', 'customer_message',
  'shipping_reminder', 'reply_suppressed', 'receipt_received', 'receipt_amount', 'tracking_received', 'application_received',
  'review_sla_breached', 'refund_overdue', 'replacement_sent', 'postage_refunded', 'decision_basis',
];
const TEMPLATES = ['needs_review', 'application_missing', 'photo_unreadable', 'message_too_large', 'parcel_received', 'refund_issued', 'shipment_received', 'ship_by_extended', 'exchange_approved', 'exchange_sent', 'approved_address_pending', 'shipping_instructions'];
const PAGE_TITLES = ['Review queue', 'Queue', 'Message', 'Needs attention', 'Refunds to pay', 'Sign in', 'Users', 'Dashboard', 'Not found'];
const ROLES = ['support', 'manager', 'admin'];
/** A reply's state in the outbox (outbound-store.ts), humanized beside it on the return page and in the conversation. */
const OUTBOUND_STATES = ['pending', 'sending', 'sent', 'failed'];

function dynamicPhrases(): Set<string> {
  // Codes the machine keeps as a note (an e-mail's state reason) are shown as their words too.
  const noteCodes = machineMessages().map((m) => m.sample).filter((sample) => /^[a-z]+(?:_[a-z]+)*$/.test(sample));
  const humanized = [...RETURN_STATES, ...INBOUND_STATES, ...RETURN_EVENTS, ...NOTE_EVENTS, ...TEMPLATES, ...REJECTION_REASONS, ...REASON_CODES, ...PROBLEM_CODES, ...noteCodes, 'started_by_agent', 'all'].map((c) => c.replaceAll('_', ' '));
  const now = new Date('2026-12-05T12:00:00Z');
  const sla = [10, 30 * 60, 3 * 3600, 60 * 3600, -3600].map((s) => slaBadge(new Date(now.getTime() + s * 1000), 'needs_review', now)!);
  return new Set([
    ...humanized,
    ...Object.values(FIELD_LABELS),
    ...ITEM_KEYS,
    ...Object.values(DONE_MESSAGES),
    // A refused form: its fields, zod's own problems in plain words, what a correction expects.
    ...Object.values(FORM_FIELD_LABELS),
    ...Object.values(ZOD_ISSUE_PHRASES),
    ...Object.values(EDIT_HINTS),
    '{n} refund(s) marked paid; each customer is told the amount and the day.',
    'Read with low confidence ({percent}): check it against the scan.',
    'Missing: fill it in from the scan.',
    'item',
    'Applications',
    '—',
    'proper quality',
    'defect',
    'wrong item',
    // A refund's deduction carried over from an earlier return of the order (compute-refund.ts).
    'carried over',
    ...PAGE_TITLES,
    ...ROLES,
    ...OUTBOUND_STATES,
    // An order's region (order.ts), humanized on the review page.
    'domestic',
    'international',
    ...sla.flatMap((b) => [b.phrase, b.unit]),
    ...Object.values(DURATION_UNITS),
  ]);
}

describe('UI dictionary (Russian)', () => {
  it('has every phrase the views write', () => {
    const missing = [...viewPhrases()].filter((p) => dictionary[p] === undefined);
    expect(missing).toEqual([]);
  });

  it('has every code the pages humanize, every field label and every notice', () => {
    const missing = [...dynamicPhrases()].filter((p) => dictionary[p] === undefined);
    expect(missing).toEqual([]);
  });

  it('uses every entry', () => {
    // The machine's messages are checked below: each of their patterns must recognise a message of the source.
    const used = new Set([...viewPhrases(), ...dynamicPhrases(), ...Object.keys(MESSAGES)]);
    expect(Object.keys(dictionary).filter((k) => !used.has(k))).toEqual([]);
  });

  it('has every message the machine writes for people, recognised whole and with no English left', () => {
    const { translate, missing } = createTranslator(dictionary);
    const all = machineMessages();
    expect(all.length).toBeGreaterThan(100);
    // A code kept as a note (an e-mail's state reason `auto_reply`) is shown as its words (the `note` helper).
    const isCode = (m: { sample: string }) => /^[a-z]+(?:_[a-z]+)*$/.test(m.sample);
    expect(all.filter(isCode).filter((m) => dictionary[m.sample.replaceAll('_', ' ')] === undefined).map((m) => `${m.file}: ${m.literal}`)).toEqual([]);
    const samples = all.filter((m) => !isCode(m));
    const worded = samples.filter((m) => /[A-Za-z]{3}/.test(m.sample.replace(/X\d+/g, '')));
    const untranslated = worded.filter((m) => translate('ru', m.sample) === m.sample);
    expect(untranslated.map((m) => `${m.file}: ${m.literal}`)).toEqual([]);
    // What is left of a translation besides the sample's own values is Russian: no English word of the message.
    const english = worded
      .map((m) => ({ m, ru: translate('ru', m.sample).replace(/X\d+/g, '') }))
      .filter(({ ru }) => /\b(?:the|is|was|not|of|and|must|read|order|item|return)\b/.test(ru));
    expect(english.map(({ m, ru }) => `${m.literal} → ${ru}`)).toEqual([]);
    expect([...missing]).toEqual([]);
  });

  it('recognises the messages stored before with their values, field keys as labels and codes as words', () => {
    const { translate } = createTranslator(dictionary);
    expect(translate('ru', 'Order 4821-5567 was not found.')).toBe('Заказ 4821-5567 не найден.');
    expect(translate('ru', 'receivedDate is missing.')).toBe('Получено: не заполнено.'.replace('Получено', dictionary['Received on']!));
    expect(translate('ru', 'Item "Юбка" is not in order A-1001. It could be any of SK-1, SK-2.')).toBe('Товара «Юбка» нет в заказе A-1001. Это может быть любой из: SK-1, SK-2.');
    expect(translate('ru', '2 × TS-3000 requested but the order has 1 (1 already returned).')).toBe('Запрошено 2 × TS-3000, а в заказе 1 (уже возвращено 1).');
    expect(translate('ru', 'Cannot ship a return that is expired (final state; an agent may revive it).')).toBe(
      `Нельзя выполнить «${dictionary.ship}» для возврата в состоянии «${dictionary.expired}» (итоговое состояние; сотрудник может выполнить: ${dictionary.revive}).`,
    );
    expect(translate('en', 'Order 4821-5567 was not found.')).toBe('Order 4821-5567 was not found.');
  });

  it('every message pattern recognises a message of the source (or fills the value of one)', () => {
    const samples = machineMessages().map((m) => m.sample);
    // A message written in a ternary or a fragment filled into another is not a call's literal: its longest fixed
    // part must still be in the source, so an entry whose message was reworded or removed fails here.
    const source = sourceText();
    const unused = Object.keys(MESSAGES).filter((key) => {
      const pattern = key.split(/(\{\w+\})/).map((p) => (/^\{\w+\}$/.test(p) ? '[\\s\\S]*?' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
      if (samples.some((sample) => new RegExp(`^${pattern}$`).test(sample))) return false;
      const longest = key.split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0]!;
      // A fragment closed by its parent's own text (" (final state)") is found by its opening words.
      return !source.includes(longest.trim()) && !source.includes(longest.trim().slice(0, 12));
    });
    expect(unused).toEqual([]);
  });

  it('reads the notes the machine composes of parts: lists, decision codes and what a decision rests on (regression: they stayed English on Russian pages)', () => {
    const { translateNote, missing } = createTranslator(dictionary);
    // What an automatic decision rested on, keyed by field codes: each field by its label, each source in words.
    expect(translateNote('ru', 'orderNumber: paper, confirmed by the order; items[0].sku: paper')).toBe(
      `${dictionary['Order number']}: ${dictionary['paper, confirmed by the order']}; ${dictionary.item} 1, ${dictionary.sku}: ${dictionary.paper}`,
    );
    expect(translateNote('en', 'orderNumber: paper; items[0].sku: order')).toBe('Order number: paper; item 1 sku: order');
    // The reason codes of a decision, each once, as words.
    expect(translateNote('ru', 'order_mismatch, order_mismatch, out_of_window')).toBe(`${dictionary['order mismatch']}, ${dictionary['out of window']}`);
    expect(translateNote('en', 'order_mismatch, order_mismatch, out_of_window')).toBe('order mismatch, out of window');
    // A window check names both dates it counted from: neither stays English.
    const window = translateNote('ru', 'Proper-quality goods can be returned within 7 days of receipt: 2 days since the date received on the application (2026-12-03); 9 days since delivery per the order (2026-11-26).');
    expect(window).toBe('Товар надлежащего качества можно вернуть в течение 7 дн. после получения: прошло 2 дн. с даты получения в заявлении (2026-12-03); прошло 9 дн. с доставки по данным заказа (2026-11-26).');
    expect(translateNote('ru', 'corrected email, items[0].price')).toBe(`исправлено: ${dictionary['E-mail']}, ${dictionary.item} 1, ${dictionary.price}`);
    expect(translateNote('ru', 'refund of 387.50 RUB paid on 2026-12-05 (card)')).toBe(`выплачено 387.50 ₽, 2026-12-05 (${dictionary.card})`);
    // A person's own words stay as written.
    expect(translateNote('ru', 'the customer is travelling; back on Friday')).toBe('the customer is travelling; back on Friday');
    expect([...missing]).toEqual([]);
  });

  it('fills placeholders in both languages and falls back to English for an unknown phrase', () => {
    const { translate, missing } = createTranslator(dictionary);
    expect(translate('ru', '{n} refund(s), {total} ₽ in all', { n: 2, total: '999.90' })).toBe('возвратов: 2, всего 999.90 ₽');
    expect(translate('en', '{n} refund(s), {total} ₽ in all', { n: 2, total: '999.90' })).toBe('2 refund(s), 999.90 ₽ in all');
    expect(translate('ru', 'No such phrase')).toBe('No such phrase');
    expect([...missing]).toEqual(['No such phrase']);
  });
});
