import { describe, expect, it } from 'vitest';
import { decisionEvents } from '../../../../src/domain/lifecycle/decision-events.ts';
import { allowedEvents, FINAL_STATES, transition, type Actor, type ReturnEventType } from '../../../../src/domain/lifecycle/transitions.ts';
import { RETURN_STATES, type ReturnState } from '../../../../src/domain/return-state.ts';

const at = new Date('2025-03-10T09:00:00Z');
const agent: Actor = 'agent:olga@shop.ru';

describe('transition: the SPEC §4 diagram', () => {
  it.each<[ReturnState, ReturnEventType, Actor, ReturnState]>([
    ['received', 'parse', 'system', 'parsed'],
    ['parsed', 'request_review', 'system', 'needs_review'],
    ['parsed', 'approve', 'system', 'approved'],
    ['parsed', 'reject', 'system', 'rejected'],
    ['parsed', 'request_application', 'system', 'awaiting_application'],
    ['needs_review', 'approve', agent, 'approved'],
    ['needs_review', 'reject', agent, 'rejected'],
    ['needs_review', 'parse', 'system', 'parsed'],
    ['awaiting_application', 'parse', 'system', 'parsed'],
    ['approved', 'await_shipment', 'system', 'awaiting_shipment'],
    ['awaiting_shipment', 'ship', 'customer', 'shipped'],
    ['awaiting_shipment', 'ship', agent, 'shipped'],
    ['awaiting_shipment', 'expire', 'system', 'expired'],
    ['awaiting_shipment', 'receive_at_warehouse', agent, 'received_at_warehouse'],
    ['shipped', 'receive_at_warehouse', agent, 'received_at_warehouse'],
    ['received_at_warehouse', 'refund', agent, 'refunded'],
    ['received_at_warehouse', 'return_to_customer', agent, 'returned_to_customer'],
  ])('%s --%s by %s--> %s', (from, event, actor, to) => {
    // The refund requires the inspection to have accepted the goods; the test below refuses it otherwise.
    const result = transition(from, event, actor, 'because', at, { inspectionPassed: true });
    expect(result).toEqual({ ok: true, state: to, event: { actor, type: event, fromState: from, toState: to, reason: 'because', at } });
  });

  it('refuses a refund before the inspection has accepted the goods, by an agent or the system', () => {
    for (const actor of [agent, 'system'] as const) {
      const result = transition('received_at_warehouse', 'refund', actor, undefined, at);
      expect(result).toMatchObject({ ok: false, code: 'illegal_transition', message: expect.stringMatching(/record the inspection first/) });
    }
    expect(transition('received_at_warehouse', 'refund', agent, undefined, at, { inspectionPassed: false }).ok).toBe(false);
  });

  it.each<[ReturnState, ReturnEventType, Actor, RegExp]>([
    ['received', 'approve', 'system', /Cannot approve a return that is received/],
    ['awaiting_shipment', 'refund', agent, /Cannot refund/],
    ['shipped', 'expire', 'system', /Cannot expire/],
    ['needs_review', 'approve', 'system', /system may not approve a return that is needs_review \(only agent\)/],
    ['needs_review', 'reject', 'customer', /customer may not reject/],
    ['awaiting_shipment', 'expire', agent, /only system/],
    ['received_at_warehouse', 'return_to_customer', 'system', /only agent/],
    ['refunded', 'refund', agent, /final state/],
    ['rejected', 'approve', agent, /final state/],
    ['expired', 'ship', 'customer', /final state/],
  ])('refuses %s --%s by %s', (from, event, actor, message) => {
    const result = transition(from, event, actor, undefined, at);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('illegal_transition');
      expect(result.message).toMatch(message);
    }
  });

  it('leaves no way out of a final state but an agent\'s reopen or revive, and a way out of every other', () => {
    for (const state of RETURN_STATES) {
      const ways = allowedEvents(state);
      if (FINAL_STATES.includes(state)) expect(ways.every((event) => event === 'reopen' || event === 'revive'), state).toBe(true);
      else expect(ways.length, state).toBeGreaterThan(0);
    }
    for (const state of FINAL_STATES) {
      for (const event of allowedEvents(state)) {
        expect(transition(state, event, 'system', undefined, at).ok, `${state} ${event} by system`).toBe(false);
        expect(transition(state, event, 'customer', undefined, at).ok, `${state} ${event} by customer`).toBe(false);
      }
    }
  });

  it('lets an agent cancel before the parcel is on its way, reopen a rejected or cancelled return, revive an expired one', () => {
    const agent: Actor = 'agent:sam@desk.test';
    for (const from of ['needs_review', 'awaiting_application', 'approved', 'awaiting_shipment'] as const) {
      expect(transition(from, 'cancel', agent, 'customer withdrew', at)).toMatchObject({ ok: true, state: 'cancelled' });
    }
    expect(transition('shipped', 'cancel', agent, 'too late', at).ok).toBe(false);
    expect(transition('rejected', 'reopen', agent, 'wrong reason', at)).toMatchObject({ ok: true, state: 'needs_review' });
    expect(transition('cancelled', 'reopen', agent, 'customer changed mind', at)).toMatchObject({ ok: true, state: 'needs_review' });
    expect(transition('expired', 'revive', agent, 'post office closed', at)).toMatchObject({ ok: true, state: 'awaiting_shipment' });
    expect(transition('refunded', 'reopen', agent, 'no', at).ok).toBe(false);
  });

  it('omits the reason from the event when none is given', () => {
    const result = transition('received', 'parse', 'system', undefined, at);
    expect(result.ok && 'reason' in result.event).toBe(false);
  });
});

describe('decisionEvents', () => {
  it('records an automatic approval as approve then await_shipment', () => {
    const result = decisionEvents('parsed', 'approved', 'system', undefined, at);
    expect(result.ok && result.state).toBe('awaiting_shipment');
    expect(result.ok && result.events.map((e) => `${e.type}:${e.actor}`)).toEqual(['approve:system', 'await_shipment:system']);
  });

  it('an agent approval: the follow-on step is the system\'s', () => {
    const result = decisionEvents('needs_review', 'approved', agent, 'checked the scan', at);
    expect(result.ok && result.events.map((e) => `${e.type}:${e.actor}`)).toEqual([`approve:${agent}`, 'await_shipment:system']);
  });

  it.each([
    ['rejected', 'rejected'],
    ['needs_review', 'needs_review'],
    ['awaiting_application', 'awaiting_application'],
  ] as const)('%s → %s', (status, state) => {
    const result = decisionEvents('parsed', status, 'system', undefined, at);
    expect(result.ok && result.state).toBe(state);
  });

  it('refuses a decision from the wrong state', () => {
    expect(decisionEvents('shipped', 'approved', agent, undefined, at).ok).toBe(false);
  });

  it('an approval whose shipping instructions cannot be sent yet rests in approved', () => {
    const result = decisionEvents('parsed', 'approved', 'system', 'waiting for the address', at, 'approved');
    expect(result.ok && result.state).toBe('approved');
    expect(result.ok && result.events.map((e) => e.type)).toEqual(['approve']);
  });
});
