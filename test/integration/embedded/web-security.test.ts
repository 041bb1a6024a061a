// Security of the review UI: nothing but /health without a session, CSRF on every form, roles, the login rate
// limit, and customer text (names, subjects, file names) shown as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebFixture, USERS, XSS, type WebFixture } from '../../support/web-app.ts';
import { csrfOf, WebClient } from '../../support/web-client.ts';

let fx: WebFixture;

beforeAll(async () => {
  fx = await startWebFixture({ loginRateLimit: 5 });
  await fx.seedReturn({ returnNumber: 'RT-X001', subject: XSS, fileName: `${XSS}.png`, fields: { fullName: [XSS, 0.5] } });
});
afterAll(async () => fx?.close());

const PAGES = ['/', '/queue', '/returns/RT-X001', '/dashboard', '/admin/users', '/metrics', '/returns/RT-X001/next'];

describe('web: security', () => {
  it('serves nothing but /health without a session', async () => {
    const client = new WebClient(fx.app);
    for (const url of PAGES) {
      const page = await client.get(url);
      expect([303, 401], url).toContain(page.status);
      if (page.status === 303) expect(page.location, url).toMatch(/^\/login/);
      expect(page.body, url).not.toContain('RT-X001');
    }
    const api = await fx.app.inject({ method: 'GET', url: '/queue', headers: { accept: 'application/json' } });
    expect(api.statusCode).toBe(401);
    const post = await fx.app.inject({ method: 'POST', url: '/returns/RT-X001/approve', payload: {} });
    expect(post.statusCode).toBe(401);
    const health = await client.get('/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', worker: 'not_started' });
  });

  it('sets an HttpOnly, SameSite session cookie and a strict CSP', async () => {
    const client = new WebClient(fx.app);
    const page = await client.get('/login');
    const res = await client.post('/login', { _csrf: csrfOf(page.body), email: USERS.support, password: 'correct horse battery staple' });
    const cookie = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('ri_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('rejects a forged form post: no token, a token of another session, a token of another form', async () => {
    const victim = new WebClient(fx.app);
    await victim.login(USERS.support);
    const noToken = await victim.post('/returns/RT-X001/approve', {});
    expect(noToken.status).toBe(403);

    const attacker = new WebClient(fx.app);
    await attacker.login(USERS.manager);
    const attackerToken = csrfOf((await attacker.get('/queue')).body);
    const forged = await victim.post('/returns/RT-X001/approve', { _csrf: attackerToken });
    expect(forged.status).toBe(403);
    expect(forged.body).toContain('did not come from this site');
    expect((await fx.store.getReturn('RT-X001'))!.state).toBe('needs_review');
  });

  it('keeps support out of the dashboard and admin pages, managers out of admin', async () => {
    const support = new WebClient(fx.app);
    await support.login(USERS.support);
    expect((await support.get('/dashboard')).status).toBe(403);
    expect((await support.get('/admin/users')).status).toBe(403);
    expect((await support.get('/metrics')).status).toBe(403);
    const forbiddenPost = await support.submit('/queue', '/admin/users', { email: 'evil@x.test', role: 'admin', password: 'aaaaaaaaaaaaaaaa' });
    expect(forbiddenPost.status).toBe(403);
    expect(await fx.users.findUserByEmail('evil@x.test')).toBeNull();

    const manager = new WebClient(fx.app);
    await manager.login(USERS.manager);
    expect((await manager.get('/dashboard')).status).toBe(200);
    expect((await manager.get('/admin/users')).status).toBe(403);

    const admin = new WebClient(fx.app);
    await admin.login(USERS.admin);
    expect((await admin.get('/admin/users')).status).toBe(200);
  });

  it('lets an admin name people, themselves too, but not change their own role; a name is shown as text', async () => {
    const admin = new WebClient(fx.app);
    await admin.login(USERS.admin);
    const support = new WebClient(fx.app);
    await support.login(USERS.support);
    const renamed = await admin.submit('/admin/users', '/admin/users/change', { email: USERS.support, name: `Сэм ${XSS}`, role: 'support' });
    expect(renamed.status).toBe(303);
    expect((await fx.users.findUserByEmail(USERS.support))!.name).toBe(`Сэм ${XSS}`);
    const page = (await admin.get('/admin/users')).body;
    expect(page).not.toContain(XSS);
    // A new name does not sign the person out.
    expect((await support.get('/queue')).status).toBe(200);
    expect((await admin.submit('/admin/users', '/admin/users/change', { email: USERS.admin, name: 'Ада' })).status).toBe(303);
    expect((await fx.users.findUserByEmail(USERS.admin))!.name).toBe('Ада');
    expect((await admin.submit('/admin/users', '/admin/users/change', { email: USERS.admin, name: 'Ада', role: 'support' })).status).toBe(400);
    expect((await fx.users.findUserByEmail(USERS.admin))!.role).toBe('admin');
    // An empty name: shown by the e-mail again.
    await admin.submit('/admin/users', '/admin/users/change', { email: USERS.support, name: ' ', role: 'support' });
    expect((await fx.users.findUserByEmail(USERS.support))!.name).toBeNull();
  });

  it('shows customer text as text: a script in a subject, name or file name is escaped', async () => {
    const client = new WebClient(fx.app);
    await client.login(USERS.support);
    for (const url of ['/queue?state=all', '/returns/RT-X001']) {
      const body = (await client.get(url)).body;
      expect(body, url).not.toContain(XSS);
      expect(body, url).not.toMatch(/<img src=x/);
    }
    expect((await client.get('/returns/RT-X001')).body).toContain('&lt;img src&#x3D;x onerror&#x3D;&quot;window.__xss&#x3D;1&quot;&gt;');
  });

  it('does not redirect off-site after sign-in', async () => {
    const client = new WebClient(fx.app);
    const page = await client.get('/login?next=//evil.example/x');
    const res = await client.post('/login', { _csrf: csrfOf(page.body), email: USERS.support, password: 'correct horse battery staple', next: '//evil.example/x' });
    expect(res.location).toBe('/queue');
  });

  it('rate-limits sign-in attempts and answers the same for unknown users and wrong passwords', async () => {
    const client = new WebClient(fx.app);
    const page = await client.get('/login');
    const token = csrfOf(page.body);
    const statuses: number[] = [];
    let unknown = '';
    let wrong = '';
    for (let i = 0; i < 8; i++) {
      const res = await client.post('/login', { _csrf: token, email: i % 2 ? 'nobody@x.test' : USERS.admin, password: 'wrong password!!' });
      statuses.push(res.status);
      if (res.status === 401) (i % 2 ? (unknown = res.body) : (wrong = res.body));
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(unknown).toContain('Wrong e-mail or password.');
    expect(wrong).toContain('Wrong e-mail or password.');
  });

  it('serves /metrics to managers in Prometheus format', async () => {
    const manager = new WebClient(fx.app);
    await manager.login(USERS.manager);
    const metrics = await manager.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('intake_queue_depth');
    expect(metrics.body).toMatch(/intake_returns\{state="needs_review"\} 1/);
  });

  it('does not redirect to another site through a tab, and never answers a newline in next with a 500', async () => {
    const client = new WebClient(fx.app);
    const page = await client.get('/login?next=%2F%09%2Fevil.example');
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('evil.example');
    for (const next of ['/\t/evil.example', '/%09/evil.example', '/queue\r\nSet-Cookie: x=1', '/.//evil.example', '/a/..//evil.example']) {
      const res = await new WebClient(fx.app).submit('/login', '/login', { email: USERS.support, password: 'correct horse battery staple', next });
      expect(res.status, JSON.stringify(next)).toBe(303);
      expect(res.location, JSON.stringify(next)).toBe('/queue');
    }
  });

  it('answers 404, never 500, for any name under /static', async () => {
    const client = new WebClient(fx.app);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', '..%2Fapp.css', 'nope.js']) {
      expect((await client.get(`/static/${name}`)).status, name).toBe(404);
    }
    expect((await client.get('/static/app.css')).status).toBe(200);
  });
});

describe('web: sign-in lock-out per account', () => {
  it('regression: wrong passwords from many addresses, then the right one, does not sign in until the lock passes', async () => {
    let clock = new Date('2026-11-20T12:00:00Z');
    const locked = await startWebFixture({ now: () => clock, loginRateLimit: 5 });
    try {
      // 18 guesses, each from its own address: the per-address rate limit never trips.
      for (let i = 0; i < 18; i++) {
        const res = await new WebClient(locked.app).login(USERS.admin, `guess ${i}`);
        expect([401, 429]).toContain(res.status);
      }
      const right = await new WebClient(locked.app).login(USERS.admin);
      expect(right.status).toBe(429);
      expect(right.body).toContain('Too many wrong passwords for this account');
      expect(right.headers['set-cookie'] ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/^ri_session=[^;]/)]));
      // Another account is not affected.
      expect((await new WebClient(locked.app).login(USERS.support)).status).toBe(303);
      // After the back-off (at most an hour) the right password works, and clears the count.
      clock = new Date(clock.getTime() + 61 * 60_000);
      expect((await new WebClient(locked.app).login(USERS.admin)).status).toBe(303);
    } finally {
      await locked.close();
    }
  });
});
