// Issue #14, the quick fixes: the queue search looks in every state and forgives dashes and case in a return
// number; a field edit keeps its old and new value in the audit trail, shown on the timeline; the review page
// offers enums as choices and one plain message per problem, gone once the field is corrected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { WebClient } from '../../support/web-client.ts';

let fx: WebFixture;
// A real-format number (R-XXXX-XXXC with a valid check symbol), on a return long past review.
const SHIPPED = 'R-4K7M-9QXQ';

beforeAll(async () => {
  fx = await startWebFixture();
  await fx.seedReturn({ returnNumber: 'RT-0101' });
  await fx.seedReturn({ returnNumber: SHIPPED, state: 'shipped', fields: { fullName: ['Смирнова Ольга', 0.9] } });
});
afterAll(async () => fx?.close());

describe('web: search across states, audit values', () => {
  it('finds a shipped return from the default tab, by its number typed without dashes or in lower case', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    // The default tab is "under review"; a search no longer stays inside it.
    expect((await client.get('/queue')).body).not.toContain(SHIPPED);
    for (const typed of ['R-4K7M-9QXQ', 'r-4k7m-9qxq', 'R4K7M9QXQ', 'r4k7m9qxq', '4K7M 9QXQ', 'r4k7m', 'Смирнова']) {
      const page = await client.get(`/queue?q=${encodeURIComponent(typed)}`);
      expect(page.body, typed).toContain(`/returns/${SHIPPED}`);
    }
    // A state picked together with the search still narrows it.
    expect((await client.get(`/queue?state=needs_review&q=r4k7m9qxq`)).body).not.toContain(`/returns/${SHIPPED}`);
  });

  it('keeps the old and the new value of an edit and shows both on the timeline', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    const before = await client.get('/returns/RT-0101');
    // One plain message for the doubtful e-mail (the parser's problem and the check's reason were two), and choices
    // in words for the enums instead of a typed code.
    const emailRow = before.body.slice(before.body.indexOf('for="f-email"'), before.body.indexOf('for="f-phone"'));
    expect(emailRow.match(/class="field-issue"/g)).toHaveLength(1);
    expect(emailRow).toContain('Read with low confidence (58%): check it against the scan.');
    expect(before.body).toMatch(/<select id="f-reason" name="f.reason" class="field" >.*<option value="proper_quality" selected>proper quality<\/option>/s);
    expect(before.body).toMatch(/<select id="f-refundMethod"[^>]*>.*<option value="card" selected>card<\/option>/s);
    const saved = await client.submit('/returns/RT-0101', '/returns/RT-0101/fields', { 'f.email': 'anna@example.com', 'f.items.0.size': 'L', action: 'save' });
    expect(saved.status).toBe(303);
    const detail = await fx.store.getReturn('RT-0101');
    const edit = detail!.events.find((e) => e.type === 'edit');
    expect(edit).toMatchObject({ actor: `agent:${USERS.support}` });
    expect(edit!.changes).toEqual([
      { field: 'email', from: 'anna@exarnple.com', to: 'anna@example.com' },
      { field: 'items.0.size', from: 'M', to: 'L' },
    ]);
    const page = await client.get('/returns/RT-0101');
    // The correction settles the doubt: its message is gone.
    const fixedRow = page.body.slice(page.body.indexOf('for="f-email"'), page.body.indexOf('for="f-phone"'));
    expect(fixedRow).not.toContain('field-issue');
    expect(page.body).toMatch(/E-mail: <del>anna@exarnple.com<\/del> → <ins>anna@example.com<\/ins>/);
    expect(page.body).toMatch(/item 1 size: <del>M<\/del> → <ins>L<\/ins>/);
  });
});
