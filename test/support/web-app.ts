// A real web app on a temp SQLite database for the web tests (app.inject) and the browser tests (listen):
// the store, users of every role, an order, and returns seeded with a scan whose field boxes are known.
import { createDocumentReader } from '../../src/adapters/documents/create-document-reader.ts';
import { createLazyOcr } from '../../src/adapters/ocr/lazy-ocr.ts';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { parseDatabaseUrl } from '../../src/adapters/db/database-target.ts';
import { openStore, type DbStore } from '../../src/adapters/db/open-store.ts';
import { openDeliveryStore } from '../../src/adapters/db/delivery-store.ts';
import type { DeliveryStore } from '../../src/domain/ports/delivery-store.ts';
import { createReplyGuard } from '../../src/pipeline/reply/guard-reply.ts';
import { createPrismaClient } from '../../src/adapters/db/prisma-client.ts';
import { createMetrics, type Metrics } from '../../src/adapters/metrics/create-metrics.ts';
import { composeMessage } from '../../src/adapters/mime/compose-message.ts';
import { createMimeParser } from '../../src/adapters/mime/create-mime-parser.ts';
import { loadReplyTemplates } from '../../src/adapters/templates/load-reply-templates.ts';
import type { Fields, ParsedApplication, SourceBox } from '../../src/domain/application.ts';
import { evidenceOf } from '../../src/pipeline/decide/evidence.ts';
import { lifecycleEvents, withBasis } from '../../src/pipeline/process/new-return.ts';
import type { Order } from '../../src/domain/order.ts';
import type { PayerAccount } from '../../src/domain/payer-account.ts';
import type { Role, Users } from '../../src/domain/ports/users.ts';
import type { ReturnState } from '../../src/domain/return-state.ts';
import { TEMPLATES_DIR } from '../../src/main.ts';
import { hashPassword } from '../../src/web/auth/passwords.ts';
import { buildApp } from '../../src/web/build-app.ts';
import type { WebDeps } from '../../src/web/web-deps.ts';
import { isoDay } from '../../src/domain/iso-day.ts';
import { testPolicy } from './test-policy.ts';
import { watchPolicyFile } from '../../src/adapters/policy/watch-policy-file.ts';

const DAY = 24 * 3_600_000;

export const PASSWORD = 'correct horse battery staple';
export const USERS: Record<Role, string> = { support: 'sam@desk.test', manager: 'mia@desk.test', admin: 'ada@desk.test' };
/** The shop's account refunds are paid from, in the tests (Sberbank's BIK and corr. account; an invented account). */
export const TEST_PAYER: PayerAccount = {
  name: 'ООО «Тестовый магазин»',
  inn: '7707083893',
  kpp: '773601001',
  account: '40702810938000000001',
  bik: '044525225',
  corrAccount: '30101810400000000225',
  bank: 'ПАО Сбербанк, г. Москва',
};
export const XSS = '<img src=x onerror="window.__xss=1">';

export const ORDER: Order = {
  orderNumber: 'A-1001',
  customerEmail: 'anna@example.com',
  customerName: 'Иванова Анна Сергеевна',
  orderDate: '2026-11-10',
  deliveryDate: '2026-11-18',
  region: 'domestic',
  lines: [
    { sku: 'SK-1', name: 'Юбка', size: 'M', quantity: 1, unitPrice: 400_000, madeToOrder: false },
    { sku: 'TS-2', name: 'Футболка', size: 'M', quantity: 1, unitPrice: 300_000, madeToOrder: false },
    { sku: 'SC-3', name: 'Шарф', quantity: 1, unitPrice: 250_000, madeToOrder: false },
  ],
  discounts: [{ code: '1+1=3', description: 'third item free', amount: 250_000, condition: { minItems: 3 } }],
  shippingPaid: 0,
};

const PAGE = { width: 1240, height: 1754 };
/** Where each value is drawn on the fake scan, in pixels of the page. */
const LAYOUT: Array<{ key: keyof Fields; label: string; y: number }> = [
  { key: 'orderNumber', label: 'Номер заказа / Order no.', y: 330 },
  { key: 'orderDate', label: 'Дата заказа / Order date', y: 420 },
  { key: 'receivedDate', label: 'Дата получения / Received', y: 510 },
  { key: 'fullName', label: 'ФИО / Full name', y: 600 },
  { key: 'email', label: 'E-mail', y: 690 },
  { key: 'phone', label: 'Телефон / Phone', y: 780 },
  { key: 'reason', label: 'Причина / Reason', y: 870 },
  { key: 'refundMethod', label: 'Способ возврата / Refund', y: 960 },
  { key: 'cardLast4', label: 'Карта, 4 цифры / Card', y: 1050 },
  { key: 'applicationDate', label: 'Дата / Date', y: 1140 },
];

export interface SeedValues {
  returnNumber: string;
  state?: ReturnState;
  fields?: Partial<Record<keyof Fields, [string, number]>>;
  subject?: string;
  fileName?: string;
  createdAt?: Date;
  /** For rejected returns: the decision's reason code. */
  reasonCode?: string;
  /** For approved returns: approved by an agent instead of automatically. */
  byAgent?: boolean;
  /** The customer's e-mail (default anna@example.com). */
  email?: string;
  /** The application's items as [sku, name, size, quantity, price]; default the T-shirt TS-2. */
  items?: Array<[string, string, string, string, string]>;
  /** The timeline the worker writes for an automatic decision (its notes and what the decision rested on), not a sketch of it. */
  pipelineHistory?: boolean;
}

/**
 * With `pipelineHistory`, the events the worker writes for the seeded decision (lifecycleEvents, withBasis in
 * new-return.ts): its notes ("all checks passed", the reason codes) and what the decision rested on.
 */
function withPipelineNotes<H extends ReturnType<typeof historyFor>>(history: H, application: ParsedApplication, at: Date, values: SeedValues): H {
  if (!values.pipelineHistory) return history;
  // The worker's notes for the decision itself (the seeded approval waiting for an address keeps its own sketch).
  const events = lifecycleEvents({ status: history.decision.status, reasons: history.decision.reasons as never }, at);
  const rest = history.events.slice(events.length);
  return { ...history, events: [...withBasis(events, application, { evidence: evidenceOf(application, testPolicy()) }), ...rest] };
}

const APPROVED_STATES: ReturnState[] = ['awaiting_shipment', 'shipped', 'received_at_warehouse', 'refunded', 'returned_to_customer', 'expired'];

/** The audit events and decision a return in `state` would have, through the lifecycle (SPEC §4). */
function historyFor(state: ReturnState, at: Date, values: SeedValues) {
  const base = [
    { actor: 'system', type: 'receive', toState: 'received' as ReturnState, at },
    { actor: 'system', type: 'parse', fromState: 'received' as ReturnState, toState: 'parsed' as ReturnState, at },
  ];
  if (state === 'rejected') {
    const code = values.reasonCode ?? 'out_of_window';
    return {
      decision: { status: 'rejected' as const, state, reasons: [{ code, message: code.replaceAll('_', ' ') }] },
      events: [...base, { actor: 'system', type: 'reject', fromState: 'parsed' as ReturnState, toState: 'rejected' as ReturnState, reason: code, at }],
    };
  }
  if (state === 'awaiting_application') {
    return {
      decision: { status: 'awaiting_application' as const, state, reasons: [{ code: 'application_missing', message: 'no application' }] },
      events: [...base, { actor: 'system', type: 'request_application', fromState: 'parsed' as ReturnState, toState: state, at }],
    };
  }
  if (state === 'approved') {
    // Approved automatically while the policy's return address was the preset's placeholder: instructions not sent.
    return {
      decision: { status: 'approved' as const, state, reasons: [], shipping: { variant: 'domestic' } },
      events: [...base, { actor: 'system', type: 'approve', fromState: 'parsed' as ReturnState, toState: state, reason: "the shipping instructions wait for the shop's return address", at }],
    };
  }
  if (APPROVED_STATES.includes(state)) {
    const actor = values.byAgent ? `agent:${USERS.support}` : 'system';
    const from: ReturnState = values.byAgent ? 'needs_review' : 'parsed';
    return {
      decision: { status: 'approved' as const, state: 'awaiting_shipment' as ReturnState, reasons: [] },
      events: [
        ...base,
        ...(values.byAgent ? [{ actor: 'system', type: 'request_review', fromState: 'parsed' as ReturnState, toState: 'needs_review' as ReturnState, at }] : []),
        { actor, type: 'approve', fromState: from, toState: 'approved' as ReturnState, at },
        { actor: 'system', type: 'await_shipment', fromState: 'approved' as ReturnState, toState: 'awaiting_shipment' as ReturnState, at },
      ],
    };
  }
  return {
    decision: { status: 'needs_review' as const, state: 'needs_review' as ReturnState, reasons: [{ code: 'low_confidence', field: 'email', message: 'e-mail read with low confidence' }] },
    events: [...base, { actor: 'system', type: 'request_review', fromState: 'parsed' as ReturnState, toState: 'needs_review' as ReturnState, reason: 'low_confidence', at }],
  };
}

const DEFAULT_FIELDS: Partial<Record<keyof Fields, [string, number]>> = {
  orderNumber: ['A-1001', 0.97],
  orderDate: ['2026-11-10', 0.95],
  receivedDate: ['2026-11-18', 0.93],
  fullName: ['Иванова Анна Сергеевна', 0.91],
  email: ['anna@exarnple.com', 0.58],
  phone: ['+79161234567', 0.9],
  reason: ['proper_quality', 0.92],
  refundMethod: ['card', 0.95],
  cardLast4: ['4242', 0.88],
  applicationDate: ['2026-11-20', 0.94],
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** A scanned-looking application page with the values at known boxes. */
export async function makeScan(values: Partial<Record<keyof Fields, [string, number]>>): Promise<{ png: Buffer; boxes: Partial<Record<keyof Fields, SourceBox>> }> {
  const boxes: Partial<Record<keyof Fields, SourceBox>> = {};
  const rows = LAYOUT.map(({ key, label, y }) => {
    const value = values[key]?.[0] ?? '';
    boxes[key] = { page: 1, x: 560, y: y - 42, width: Math.max(120, value.length * 24), height: 56 };
    return `<text x="110" y="${y}" font-size="26" fill="#333">${escapeXml(label)}</text>
      <line x1="540" y1="${y + 12}" x2="1130" y2="${y + 12}" stroke="#999" stroke-width="2"/>
      <text x="566" y="${y}" font-size="34" fill="#1b2a6b" font-family="DejaVu Sans, sans-serif" font-style="italic">${escapeXml(value)}</text>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.width}" height="${PAGE.height}">
    <rect width="100%" height="100%" fill="#fbfaf6"/>
    <text x="620" y="150" font-size="40" text-anchor="middle" font-weight="bold" fill="#111">ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА</text>
    <text x="620" y="200" font-size="26" text-anchor="middle" fill="#555">Return application</text>
    ${rows.join('\n')}
    <text x="110" y="1290" font-size="26" fill="#333">Товары / Items</text>
    <rect x="110" y="1310" width="1020" height="160" fill="none" stroke="#999" stroke-width="2"/>
    <text x="130" y="1360" font-size="28" fill="#1b2a6b" font-style="italic">TS-2   Футболка   M   1   3000.00</text>
  </svg>`;
  return { png: await sharp(Buffer.from(svg)).png().toBuffer(), boxes };
}

export interface WebFixture {
  app: FastifyInstance;
  store: DbStore;
  /** Bounces and reply counts: what the review's reply guard reads. */
  delivery: DeliveryStore;
  users: Users;
  deps: WebDeps;
  /** What /metrics renders: tests instrument a store or an OCR engine with it. */
  metrics: Metrics;
  dir: string;
  seedReturn(values: SeedValues): Promise<void>;
  close(): Promise<void>;
}

/** The tests read English pages unless they ask for Russian (the UI's own default is Russian: UI_LANGUAGE). */
export async function startWebFixture(
  options: { now?: () => Date; loginRateLimit?: number; uiLanguage?: 'ru' | 'en'; translator?: WebDeps['translator']; policyFile?: string } = {},
): Promise<WebFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intake-web-'));
  const url = `file:${path.join(dir, 'intake.db')}`;
  const store = await openStore(url);
  const delivery = await openDeliveryStore(url);
  // The test's own client, only to back-date seeded returns.
  const db = createPrismaClient(parseDatabaseUrl(url));
  const { users, dashboard } = store;
  const metrics = createMetrics({ defaultMetrics: false });
  metrics.attach({ dashboard, store });
  const now = options.now ?? (() => new Date());
  const passwordHash = await hashPassword(PASSWORD);
  for (const [role, email] of Object.entries(USERS)) await users.upsertUser({ email, role: role as Role, passwordHash });
  // The order and the applications' dates follow the fixture's clock: fixed dates made every check "late" a week
  // after they were written (the review page then flagged the received date first, not the doubtful e-mail).
  const start = now().getTime();
  const shopDay = (at: number) => isoDay(new Date(at), 'Europe/Moscow');
  const orderDate = shopDay(start - 10 * DAY);
  const deliveryDate = shopDay(start - 4 * DAY);
  await store.upsertOrders([{ ...ORDER, orderDate, deliveryDate }]);

  // The real document reader (text layers, form fields, OCR started only when a scan needs it), as the worker has.
  const ocr = createLazyOcr({ langPath: path.resolve('ocr-data'), size: 1 });
  // With a policy file, the app re-reads it when it changes, as `intake web` does; else the test policy, fixed.
  const policy = options.policyFile ? watchPolicyFile(options.policyFile) : undefined;
  const deps: WebDeps = {
    reader: createDocumentReader({ ocr, stripsPerPage: 1 }),
    store,
    users,
    dashboard,
    documents: store,
    refunds: store,
    conversations: store,
    uiLanguage: options.uiLanguage ?? 'en',
    ...(options.translator ? { translator: options.translator } : {}),
    payer: TEST_PAYER,
    ...(policy ? { policy } : {}),
    mime: createMimeParser(),
    review: {
      updates: store,
      orders: store,
      policy: policy?.current() ?? testPolicy(),
      templates: loadReplyTemplates(TEMPLATES_DIR, { statusUrl: 'https://returns.shop.test/status' }),
      composeMessage,
      from: 'Returns desk <info@shop.test>',
      shopName: 'Test shop',
      timeZone: 'Europe/Moscow',
      now,
      replyGuard: createReplyGuard({ delivery, replyRateLimitPerHour: 1000, ownAddresses: ['info@shop.test'] }),
    },
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    secureCookies: false,
    metrics: () => metrics.render(),
    health: () => ({ worker: 'not_started' }),
    loginRateLimit: options.loginRateLimit ?? 1000,
    now,
  };
  const app = await buildApp(deps);

  let counter = 0;
  async function seedReturn(values: SeedValues): Promise<void> {
    const arrival = (values.createdAt ?? now()).getTime();
    const dates = { orderDate: [orderDate, 0.95], receivedDate: [deliveryDate, 0.93], applicationDate: [shopDay(arrival), 0.94] } as const;
    const fieldValues = { ...DEFAULT_FIELDS, ...dates, ...values.fields } as Partial<Record<keyof Fields, [string, number]>>;
    const { png, boxes } = await makeScan(fieldValues);
    const fileName = values.fileName ?? 'application.png';
    const fields: Fields = {};
    for (const [key, entry] of Object.entries(fieldValues)) {
      if (!entry) continue;
      const k = key as keyof Fields;
      fields[k] = { value: entry[0], confidence: entry[1], source: fileName, ...(boxes[k] ? { box: boxes[k] } : {}) };
    }
    const raw = Buffer.from(`Subject: ${values.subject ?? 'Возврат'}\r\nMessage-ID: <c${++counter}.${values.returnNumber}@example.com>\r\n\r\nhello`);
    const saved = await store.saveInbound({
      mailboxId: 'maildir:/test',
      mailboxKey: `k-${values.returnNumber}`,
      messageId: `<c${counter}.${values.returnNumber}@example.com>`,
      sha256: createHash('sha256').update(raw).digest('hex'),
      raw,
      receivedAt: values.createdAt ?? now(),
    });
    const state = values.state ?? 'needs_review';
    const at = values.createdAt ?? now();
    const application: ParsedApplication = {
      source: 'message.eml',
      fields,
      items: (values.items ?? [['TS-2', 'Футболка', 'M', '1', '3000.00']]).map(([sku, name, size, quantity, price]) => ({
        sku: { value: sku, confidence: 0.9, source: fileName },
        name: { value: name, confidence: 0.85, source: fileName },
        size: { value: size, confidence: 0.9, source: fileName },
        quantity: { value: quantity, confidence: 0.95, source: fileName },
        price: { value: price, confidence: 0.8, source: fileName },
      })),
      problems: [{ field: 'email', code: 'low_confidence', message: 'e-mail read with low confidence' }],
    };
    await store.recordReturn({
      inboundId: saved.id,
      returnNumber: values.returnNumber,
      state,
      customerEmail: values.email ?? 'anna@example.com',
      orderNumber: fields.orderNumber?.value,
      language: 'ru',
      customerMessageId: `<c${counter}.${values.returnNumber}@example.com>`,
      customerSubject: values.subject ?? 'Возврат',
      deadlines: {
        reviewDueAt: new Date(at.getTime() + 24 * 3_600_000),
        ...(state === 'awaiting_shipment' ? { shipBy: new Date(at.getTime() + 4 * 86_400_000) } : {}),
        ...(state === 'received_at_warehouse' ? { warehouseAt: at, refundDueAt: new Date(at.getTime() + 13 * 86_400_000) } : {}),
      },
      application,
      documents: [
        {
          name: fileName,
          kind: 'png',
          mimeType: 'image/png',
          bytes: png.length,
          sha256: createHash('sha256').update(png).digest('hex'),
          method: 'ocr',
          pageCount: 1,
          pages: [{ page: 1, lines: [], width: PAGE.width, height: PAGE.height }],
          problems: [],
          content: png,
        },
      ],
      ...withPipelineNotes(historyFor(state, at, values), application, at, values),
    });
    // recordReturn stamps "now"; a seeded history needs its own day for the queue and the charts.
    if (values.createdAt) {
      await db.returnRequest.update({ where: { returnNumber: values.returnNumber }, data: { createdAt: values.createdAt } });
    }
  }

  return {
    app,
    store,
    delivery,
    users,
    deps,
    metrics,
    dir,
    seedReturn,
    close: async () => {
      await app.close();
      await ocr.close();
      await db.$disconnect();
      await delivery.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Cookie header value from a response's Set-Cookie headers, merged into what the client already holds. */
export function mergeCookies(jar: Map<string, string>, setCookie: string | string[] | undefined): Map<string, string> {
  for (const header of [setCookie ?? []].flat()) {
    const [pair] = header.split(';');
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at).trim();
    const value = pair!.slice(at + 1).trim();
    if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
  return jar;
}

export function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}
