// The outbox sender against an in-memory store: the send is recorded before the transport is called, and a reply
// a crash left `sending` is confirmed by its copy in our mailbox, or sent again only after the grace period.
import { describe, expect, it } from 'vitest';
import type { OutboundRecord } from '../../../../src/domain/ports/store.ts';
import { sendOutbox, type SendDeps } from '../../../../src/pipeline/send/send-outbox.ts';

type Row = OutboundRecord & { state: 'pending' | 'sending' | 'sent' | 'failed'; sentAt?: Date };

const T0 = new Date('2025-03-01T10:00:00Z');
const GRACE_MS = 300_000;

function fixture(rows: Row[], options: { idempotent?: boolean; arrived?: string[]; failWith?: string } = {}) {
  const sends: Array<{ messageId: string; to: string; copyTo?: string; stateDuringSend: string }> = [];
  let now = T0;
  const store: SendDeps['store'] = {
    listPendingOutbound: async () => rows.filter((r) => r.state === 'pending'),
    listSendingOutbound: async () => rows.filter((r) => r.state === 'sending'),
    beginOutboundSend: async (id, at, previous) => {
      const row = rows.find((r) => r.id === id)!;
      const ok = previous ? row.state === 'sending' && row.sendingAt?.getTime() === previous.getTime() : row.state === 'pending';
      if (ok) Object.assign(row, { state: 'sending', sendingAt: at });
      return ok;
    },
    markOutboundSent: async (id, at) => {
      Object.assign(rows.find((r) => r.id === id)!, { state: 'sent', sentAt: at });
    },
    markOutboundFailed: async (id) => {
      const row = rows.find((r) => r.id === id)!;
      Object.assign(row, { state: 'pending', attempts: row.attempts + 1 });
    },
  };
  const deps: SendDeps = {
    store,
    from: 'info@shop.example',
    now: () => now,
    resendAfterMs: GRACE_MS,
    transport: {
      idempotent: options.idempotent,
      async send(_raw, envelope, messageId) {
        if (options.failWith) throw new Error(options.failWith);
        sends.push({ messageId, to: envelope.to, ...(envelope.copyTo ? { copyTo: envelope.copyTo } : {}), stateDuringSend: rows.find((r) => r.messageId === messageId)!.state });
      },
    },
    confirmation: { copyTo: 'info@shop.example', arrived: async (id) => (options.arrived ?? []).includes(id) },
  };
  return { deps, sends, rows, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

function row(n: number, state: Row['state'] = 'pending', sendingAt?: Date): Row {
  return { id: `o${n}`, messageId: `<ri.${n}@shop.example>`, to: `c${n}@example.ru`, raw: Buffer.from('x'), attempts: 0, state, sendingAt: sendingAt ?? null };
}

describe('sendOutbox', () => {
  it('records `sending` before the transport is called, copies our mailbox in the envelope, then marks sent', async () => {
    const f = fixture([row(1)]);
    expect(await sendOutbox(f.deps, 10)).toMatchObject({ sent: 1, failed: 0 });
    expect(f.sends).toEqual([{ messageId: '<ri.1@shop.example>', to: 'c1@example.ru', copyTo: 'info@shop.example', stateDuringSend: 'sending' }]);
    expect(f.rows[0]).toMatchObject({ state: 'sent', sendingAt: T0 });
  });

  it('a failed transport puts the reply back to pending with the attempt counted', async () => {
    const f = fixture([row(1)], { failWith: '421 try later' });
    expect(await sendOutbox(f.deps, 10)).toMatchObject({ sent: 0, failed: 1 });
    expect(f.rows[0]).toMatchObject({ state: 'pending', attempts: 1 });
  });

  it('crash after the SMTP 250: the copy in our mailbox marks it sent, nothing is sent again', async () => {
    const f = fixture([row(1, 'sending', T0)], { arrived: ['<ri.1@shop.example>'] });
    f.advance(10 * GRACE_MS);
    expect(await sendOutbox(f.deps, 10)).toMatchObject({ sent: 0, confirmed: 1 });
    expect(f.sends).toEqual([]);
    expect(f.rows[0]).toMatchObject({ state: 'sent', sentAt: T0 });
  });

  it('crash before the transaction completed: no copy, so it is sent again, but only after the grace period', async () => {
    const f = fixture([row(1, 'sending', T0)]);
    f.advance(GRACE_MS - 1);
    expect(await sendOutbox(f.deps, 10)).toMatchObject({ sent: 0, unconfirmed: 1 });
    expect(f.sends).toEqual([]);
    f.advance(1);
    expect(await sendOutbox(f.deps, 10)).toMatchObject({ sent: 1, unconfirmed: 0 });
    expect(f.sends.map((s) => s.messageId)).toEqual(['<ri.1@shop.example>']);
    expect(f.rows[0]!.state).toBe('sent');
  });

  it('an idempotent transport (the file outbox) repeats an unconfirmed send at once', async () => {
    const f = fixture([row(1, 'sending', T0)], { idempotent: true });
    expect(await sendOutbox(f.deps, 10)).toMatchObject({ sent: 1 });
    expect(f.rows[0]!.state).toBe('sent');
  });

  it('a reply another sender took meanwhile is not sent by this one', async () => {
    const f = fixture([row(1)]);
    f.deps.store.beginOutboundSend = async () => false;
    expect(await sendOutbox(f.deps, 10)).toMatchObject({ sent: 0, failed: 0 });
    expect(f.sends).toEqual([]);
  });
});

describe('sendOutbox while the mailbox still has a backlog', () => {
  it('does not resend an unconfirmed reply, however old, until the mailbox is caught up (the copy may be in the backlog)', async () => {
    const f = fixture([row(1, 'sending', T0)]);
    f.advance(10 * GRACE_MS);
    expect(await sendOutbox({ ...f.deps, mailboxCaughtUp: false }, 10)).toMatchObject({ sent: 0, unconfirmed: 1 });
    expect(await sendOutbox({ ...f.deps, mailboxCaughtUp: true }, 10)).toMatchObject({ sent: 1 });
  });
});
