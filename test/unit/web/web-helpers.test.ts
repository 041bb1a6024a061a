import { loadViews } from '../../../src/web/load-views.ts';
import { describe, expect, it } from 'vitest';
import { percentile } from '../../../src/adapters/db/dashboard-queries.ts';
import { safeNext } from '../../../src/web/routes/auth-routes.ts';
import { slaBadge } from '../../../src/web/view-models/return-view.ts';

describe('safeNext: sign-in never redirects off-site', () => {
  it.each([
    ['/returns/RT-1', '/returns/RT-1'],
    ['//evil.example', '/queue'],
    ['/\\evil.example', '/queue'],
    ['https://evil.example', '/queue'],
    [undefined, '/queue'],
    // Regression: a tab (from ?next=/%09/evil.example) passed, and browsers drop it: //evil.example.
    ['/\t/evil.example', '/queue'],
    ['/%09/evil.example', '/queue'],
    ['/%5Cevil.example', '/queue'],
    // Regression: a newline reached the Location header and gave a 500 after the session was made.
    ['/queue\r\nSet-Cookie: x=1', '/queue'],
    ['/ returns', '/queue'],
    ['/returns/RT-1?done=approved#top', '/returns/RT-1?done=approved#top'],
    ['/queue?q=%D0%98', '/queue?q=%D0%98'],
    // Regression: dot segments passed the first check and URL normalising them made a scheme-relative address.
    ['/.//evil.example', '/queue'],
    ['/..//evil.example/x', '/queue'],
    ['/%2e//evil.example', '/queue'],
    ['/a/..//evil.example', '/queue'],
    ['/returns/../queue', '/queue'],
  ])('%j → %j', (next, expected) => expect(safeNext(next)).toBe(expected));
});

describe('slaBadge', () => {
  const now = new Date('2025-03-01T12:00:00Z');
  it('counts down, warns in the last hours and says how long ago it was breached', () => {
    expect(slaBadge(new Date('2025-03-02T10:00:00Z'), 'needs_review', now)).toMatchObject({ text: '22 h left', level: 'ok' });
    expect(slaBadge(new Date('2025-03-01T14:00:00Z'), 'needs_review', now)).toMatchObject({ text: '2 h left', level: 'soon' });
    expect(slaBadge(new Date('2025-03-01T11:30:00Z'), 'needs_review', now)).toMatchObject({ text: 'SLA breached 30 min ago', level: 'breached' });
  });
  it('shows nothing once the application is decided', () => {
    expect(slaBadge(new Date('2025-03-01T11:00:00Z'), 'awaiting_shipment', now)).toBeNull();
  });
});

describe('percentile (nearest rank)', () => {
  it('is null without samples and picks the rank otherwise', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});

describe('duration on the dashboard', () => {
  // Regression: the time to first reply read "19 s" on a Russian page.
  it('says its unit in the page\'s language', async () => {
    const views = await loadViews('Europe/Moscow');
    const page = (lang: 'ru' | 'en') => views.dashboard({ lang, stats: { firstReplySeconds: { p50: 19, p90: 5400, samples: 2 } } });
    expect(page('ru')).toContain('<b>19 с</b>');
    expect(page('ru')).toContain('p90 1.5 ч');
    expect(page('en')).toContain('<b>19 s</b>');
    expect(page('en')).toContain('p90 1.5 h');
  });
});
