// Approved returns whose shipping instructions wait for the shop's return address (issue 11) are plain to see in
// the review UI, in English and Russian: a notice on the return page saying what to do, a hint in the queue, and a
// dashboard tile with the count. Real app, real SQLite store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { WebClient } from '../../support/web-client.ts';

for (const language of ['en', 'ru'] as const) {
  const words = {
    en: { notice: "Waiting for the shop&#x27;s return address.", hint: "waiting for the shop&#x27;s return address", tile: "Approved, waiting for the shop&#x27;s return address" },
    ru: { notice: 'Ждёт адреса возврата магазина.', hint: 'ждёт адреса возврата магазина', tile: 'Одобрены, ждут адреса возврата магазина' },
  }[language];

  describe(`approved returns waiting for the shop's return address (${language})`, () => {
    let fx: WebFixture;
    beforeAll(async () => {
      fx = await startWebFixture({ uiLanguage: language });
      await fx.seedReturn({ returnNumber: 'RT-W001', state: 'approved' });
      await fx.seedReturn({ returnNumber: 'RT-S001', state: 'awaiting_shipment' });
    });
    afterAll(async () => fx?.close());

    it('the return page says what it waits for and what to do', async () => {
      const support = new WebClient(fx.app);
      await support.login(USERS.support);
      const page = await support.get('/returns/RT-W001');
      expect(page.status).toBe(200);
      expect(page.body).toContain('id="waiting-for-address"');
      expect(page.body).toContain(words.notice);
      expect(page.body).toContain('addresses.domestic');
      expect(page.body).toContain('POLICY_FILE');
      // A return whose instructions went out has no such notice.
      expect((await support.get('/returns/RT-S001')).body).not.toContain('id="waiting-for-address"');
    });

    it('the queue marks it, and the dashboard counts it with what to do', async () => {
      const manager = new WebClient(fx.app);
      await manager.login(USERS.manager);
      const queue = await manager.get('/queue?state=approved');
      expect(queue.body).toContain('RT-W001');
      expect(queue.body).toContain(words.hint);
      const dashboard = await manager.get('/dashboard');
      const tile = dashboard.body.match(/<a class="tile warn" href="\/queue\?state=approved" id="tile-waiting-for-address">([\s\S]*?)<\/a>/);
      expect(tile?.[1]).toContain(words.tile);
      expect(tile?.[1]).toContain('<b>1</b>');
      expect(tile?.[1]).toContain('POLICY_FILE');
    });
  });
}
