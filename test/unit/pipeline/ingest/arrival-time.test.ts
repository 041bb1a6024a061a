import { describe, expect, it } from 'vitest';
import { arrival } from '../../../../src/pipeline/ingest/ingest-mailbox.ts';

describe('arrival: when a message reached the mailbox', () => {
  const now = new Date('2026-03-10T12:00:00Z');

  it('is the mailbox\'s own stamp when it lies in the past (a backlog stays old)', () => {
    const earlier = new Date('2026-03-01T08:00:00Z');
    expect(arrival(earlier, now)).toEqual(earlier);
  });

  it('is now when the stamp lies in the future: an application is never judged on a day that has not come', () => {
    // regression: a Maildir file copied in with a later modification time than the clock of the worker
    expect(arrival(new Date('2026-12-05T10:00:00Z'), now)).toEqual(now);
  });

  it('is now when the mailbox has no stamp', () => {
    expect(arrival(undefined, now)).toEqual(now);
  });
});
