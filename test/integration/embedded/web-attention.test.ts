// Regression test for "messages that are not applications vanish": a customer's question, a failing and a parked
// message each show on the attention page (escaped: the message is hostile text), as a dashboard figure and in
// /metrics; processed mail does not.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundState } from '../../../src/domain/return-state.ts';
import { startWebFixture, USERS, XSS, type WebFixture } from '../../support/web-app.ts';
import { WebClient } from '../../support/web-client.ts';

let fx: WebFixture;
const ids: Record<string, string> = {};

async function seedInbound(name: string, state: InboundState, reason: string, subject: string, text: string): Promise<void> {
  const raw = Buffer.from(`From: Worried Customer <worried@example.org>\r\nSubject: ${subject}\r\nMessage-ID: <${name}@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`);
  const saved = await fx.store.saveInbound({
    mailboxId: 'maildir:/test',
    mailboxKey: name,
    messageId: `<${name}@example.org>`,
    sha256: createHash('sha256').update(raw).digest('hex'),
    raw,
    receivedAt: new Date(),
  });
  ids[name] = saved.id;
  if (state === 'received') return;
  await fx.store.claimInbound(saved.id);
  await fx.store.finishInbound(saved.id, state, reason);
}

beforeAll(async () => {
  fx = await startWebFixture();
  await seedInbound('question', 'needs_attention', 'not_an_application', `Where is my refund? ${XSS}`, `Hello, ${XSS} where is my money?`);
  await seedInbound('broken', 'parked', 'Error: the PDF could not be read', 'Application', 'see attachment');
  await seedInbound('retrying', 'failed', 'Error: database busy', 'Application 2', 'see attachment');
  await seedInbound('done', 'ignored', 'auto_reply', 'Out of office', 'away');
});
afterAll(async () => fx?.close());

describe('web: mail needing a person', () => {
  it('lists questions, failing and parked mail, escaped, and nothing else', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    const page = await client.get('/attention');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Where is my refund? &lt;img src&#x3D;x onerror&#x3D;&quot;window.__xss&#x3D;1&quot;&gt;');
    expect(page.body).not.toContain(XSS);
    expect(page.body).toContain('Worried Customer &lt;worried@example.org&gt;');
    // Why it waits, as words (the code `not_an_application` was shown as stored).
    expect(page.body).toContain('<td class="muted">not an application</td>');
    expect(page.body).toContain('Error: the PDF could not be read');
    expect(page.body).toContain('Application 2');
    expect(page.body).not.toContain('Out of office');
    expect(page.body).toContain('3 message(s)');

    const parked = await client.get('/attention?state=parked');
    expect(parked.body).toContain('Error: the PDF could not be read');
    expect(parked.body).not.toContain('Where is my refund?');
  });

  it('shows one message as text, never as markup', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    const page = await client.get(`/attention/${ids.question}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Hello, &lt;img src&#x3D;x onerror&#x3D;&quot;window.__xss&#x3D;1&quot;&gt; where is my money?');
    expect(page.body).not.toContain(XSS);
    // Only mail that needs a person is shown here; a bad id is a 404, not a 500.
    expect((await client.get(`/attention/${ids.done}`)).status).toBe(404);
    expect((await client.get('/attention/not-a-uuid')).status).toBe(404);
  });

  it('counts them on the dashboard and in /metrics', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.manager);
    const dashboard = await client.get('/dashboard');
    expect(dashboard.body).toMatch(/href="\/attention"><span>Mail needing a person<\/span><b>3<\/b>/);
    const metrics = (await client.get('/metrics')).body;
    expect(metrics).toContain('intake_inbound_messages{state="needs_attention"} 1');
    expect(metrics).toContain('intake_inbound_messages{state="parked"} 1');
    expect(metrics).toContain('intake_inbound_messages{state="failed"} 1');
  });

  it('requires a signed-in user', async () => {
    const res = await new WebClient(fx.app).get('/attention');
    expect(res.status).toBe(303);
  });
});
