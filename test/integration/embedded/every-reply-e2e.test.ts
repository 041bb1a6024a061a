// Issue 13, "how it is measured": one reply of each template the worker and the desk's ship-by actions send, in
// both languages, as the customer receives it (the outbox's .eml), checked for a placeholder address, an ISO date
// inside a sentence and an unfilled value. The data comes from real decisions, the scheduler and the desk's
// actions on a real SQLite file, not from hand-written sample data (test/unit/pipeline/reply/render-reply.test.ts
// covers every template that way). Each story runs in its own data folder. The replies the desk's other work and the
// customer's follow-ups send are in every-reply-desk-e2e.test.ts, which also checks the two files send every template.
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../src/config.ts';
import { addIsoDays } from '../../../src/domain/iso-date-math.ts';
import { isoDay } from '../../../src/domain/iso-day.ts';
import type { Order } from '../../../src/domain/order.ts';
import type { Language } from '../../../src/domain/reply.ts';
import { createRuntime, createWebRuntime, type Runtime } from '../../../src/main.ts';
import { cancelReturn, reviveReturn } from '../../../src/pipeline/review/agent-actions.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';
import { expectReadyToRead, SENT_BY_DECISIONS_AND_SCHEDULER } from '../../support/every-reply.ts';
import { TEST_POLICY_FILE } from '../../support/test-policy.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples');
const DAY = 86_400_000;
const TZ = 'Europe/Moscow';

/** A typed PDF application in each language, and the moment it arrived (inside the return window). */
const APPLICATIONS: Record<Language, { file: string; at: Date; sender: string }> = {
  ru: { file: '01-text-pdf.eml', at: new Date('2025-03-09T10:14:05+03:00'), sender: 'anna.kovaleva@mail.ru' },
  en: { file: '13-english.eml', at: new Date('2025-03-10T18:45:00Z'), sender: 'sarah.thompson@gmail.com' },
};

interface Reply {
  template: string;
  mail: ParsedMail;
}

const folders: string[] = [];
const replies: Record<Language, Reply[]> = { ru: [], en: [] };

/** A story on a fresh data folder; `body` may restart the service and hand back the runtime now running. */
async function story(policyFile: string | undefined, body: (runtime: Runtime, config: Config) => Promise<Runtime | void>): Promise<Reply[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intake-every-reply-'));
  folders.push(dir);
  const configFor = (policy: string | undefined) => loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', SHOP_TIMEZONE: TZ, ...(policy ? { POLICY_FILE: policy } : {}) });
  const config = configFor(policyFile);
  let runtime = await createRuntime(config, { lazyOcr: true });
  await runtime.store.upsertOrders(JSON.parse(await readFile(path.join(SAMPLES, 'orders.json'), 'utf8')) as Order[]);
  try {
    runtime = (await body(runtime, config)) ?? runtime;
    return await collect(runtime, config);
  } finally {
    await runtime.close();
  }
}

async function collect(runtime: Runtime, config: Config): Promise<Reply[]> {
  const files = (await readdir(config.outboxDir).catch(() => [])).filter((f) => f.endsWith('.eml'));
  const mails = await Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(config.outboxDir, f)))));
  const out: Reply[] = [];
  for (const ref of await runtime.store.listReturns({ limit: 100 })) {
    for (const o of (await runtime.store.getReturn(ref.returnNumber))!.outbound) {
      const mail = mails.find((m) => m.messageId === o.messageId);
      expect(mail, `${o.template} reached the outbox`).toBeDefined();
      out.push({ template: o.template, mail: mail! });
    }
  }
  return out;
}

async function deliver(runtime: Runtime, config: Config, raw: Buffer, at: Date): Promise<string | undefined> {
  const target = path.join(config.maildir, 'new', `${at.getTime()}.eml`);
  await writeFile(target, raw);
  await utimes(target, at, at);
  const summary = await drainOnce({ ...runtime.deps, now: () => at });
  return (summary.handled[0] as { returnNumber?: string } | undefined)?.returnNumber;
}

const pass = (runtime: Runtime, at: Date) => drainOnce({ ...runtime.deps, now: () => at });

async function application(language: Language): Promise<Buffer> {
  return readFile(path.join(SAMPLES, 'emails', APPLICATIONS[language].file));
}

function noApplication(language: Language): Promise<Buffer> {
  const words = language === 'ru' ? { subject: 'Возврат товара', text: 'Здравствуйте! Хочу вернуть юбку из заказа 4821-5567. Спасибо.' } : { subject: 'Return', text: 'Hello, I would like to return the skirt from my order 4821-5567. Thank you.' };
  return new MailComposer({ from: APPLICATIONS[language].sender, to: 'info@returns-intake.local', messageId: `<no-form-${language}@example.org>`, ...words }).compile().build();
}

/** A policy whose international return address is still a placeholder, as the domestic one is in the presets. */
async function placeholderInternational(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intake-every-reply-policy-'));
  folders.push(dir);
  const file = path.join(dir, 'policy.yaml');
  await writeFile(file, ['preset: fashion-email', 'addresses:', '  international:', '    recipient: "EXAMPLE Warehouse Ltd"', '    lines:', '      - "EXAMPLE: 1 Sample Street"', ''].join('\n'));
  return file;
}

beforeAll(async () => {
  for (const language of ['ru', 'en'] as const) {
    const arrived = APPLICATIONS[language].at;
    // Approved; reminded the day before the ship-by day; expired after it; revived by the desk; then cancelled.
    replies[language].push(
      ...(await story(TEST_POLICY_FILE, async (runtime, config) => {
        const returnNumber = (await deliver(runtime, config, await application(language), arrived))!;
        const shipBy = (await runtime.store.getReturnRef(returnNumber))!.deadlines.shipBy!;
        await pass(runtime, new Date(shipBy.getTime() - DAY + 1));
        const expiredAt = new Date(shipBy.getTime() + 1);
        await pass(runtime, expiredAt);
        const web = await createWebRuntime(config, { store: runtime.store });
        try {
          const review = { ...web.deps.review, now: () => expiredAt };
          const actor = 'agent:desk@shop.test' as const;
          await reviveReturn(review, { returnNumber, actor, reason: 'post office was closed', shipBy: addIsoDays(isoDay(expiredAt, TZ), 3), customerNote: '' });
          await cancelReturn(review, { returnNumber, actor, reason: 'customer withdrew', customerNote: '' });
        } finally {
          await web.close();
        }
        await pass(runtime, new Date(expiredAt.getTime() + 60_000));
      })),
    );
    // Written long after the window closed: rejected. A letter with no form: the blank form asked for.
    replies[language].push(
      ...(await story(TEST_POLICY_FILE, async (runtime, config) => {
        await deliver(runtime, config, await application(language), new Date(arrived.getTime() + 60 * DAY));
      })),
      ...(await story(TEST_POLICY_FILE, async (runtime, config) => {
        await deliver(runtime, config, await noApplication(language), arrived);
      })),
    );
    // The preset's placeholder address: approved, instructions to follow; then sent once the address is set.
    // The English sample's order ships from abroad, and the preset's international address is a real one.
    replies[language].push(
      ...(await story(language === 'ru' ? undefined : await placeholderInternational(), async (runtime, config) => {
        await deliver(runtime, config, await application(language), arrived);
        await runtime.close();
        const restarted = await createRuntime(loadConfig({ DATA_DIR: config.dataDir, LOG_LEVEL: 'silent', SHOP_TIMEZONE: TZ, POLICY_FILE: TEST_POLICY_FILE }), { lazyOcr: true });
        await pass(restarted, new Date(arrived.getTime() + DAY));
        return restarted;
      })),
    );
  }
}, 300_000);

afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

describe('one reply of each template, in both languages, end to end', () => {
  it.each(['ru', 'en'] as const)('%s: every template the stories reach was sent, in the customer\'s language', (language) => {
    expect([...new Set(replies[language].map((r) => r.template))].sort()).toEqual(SENT_BY_DECISIONS_AND_SCHEDULER);
    for (const { template, mail } of replies[language]) expect(mail.html, template).toContain(`<html lang="${language}">`);
  });

  it.each(['ru', 'en'] as const)('%s: no placeholder address, no ISO date inside a sentence, no unfilled value', (language) => {
    for (const { template, mail } of replies[language]) expectReadyToRead(template, language, mail);
  });
});
